// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/error.h"
#include "core/mailaction.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <memory>

namespace Tidings {

class ActionQueue;
class ActionReplayer;
class ImapConnection;

// Keeps the action queue flowing to the servers: one replay session per account, opened
// when there is something to send, and a retry while a server cannot be reached, so
// actions taken offline reach the server once it is back.
class ActionRunner : public QObject
{
    Q_OBJECT
public:
    explicit ActionRunner(ActionQueue *queue, QObject *parent = nullptr);
    ~ActionRunner() override;

    // The account logged in: replay what waits for it.
    void setAccount(const Account &account, const QString &secret);
    // The account's password or OAuth token was renewed: the next login uses it, and
    // actions that waited on a refused login are tried again.
    void setSecret(const QString &account, const QString &secret);
    // Something was queued for `account`.
    void replay(const QString &account);
    // Actions the servers are being sent right now (undo cannot cancel those).
    QList<qint64> inFlight() const;
    // How long to wait before trying an unreachable server again (tests shorten it).
    void setRetryInterval(int ms) { m_retryMs = ms; }

    // A server that cannot be reached is tried again this often. Long enough not to load a
    // server that is down or a laptop that is offline, short enough that an action does not
    // wait noticeably after the network is back.
    static constexpr int RetryMs = 30000;

Q_SIGNALS:
    void actionDone(const Tidings::MailAction &action);
    void actionFailed(const Tidings::MailAction &action, const Tidings::Error &error);
    // Actions of `account` wait: its server cannot be reached or refused the login
    // (`error` says why). A refused login is not retried until setSecret().
    void waiting(const QString &account, const Tidings::Error &error);
    // Everything queued for `account` has been sent.
    void idle(const QString &account);

private:
    struct Replay;
    void onStopped(const QString &account, const Error &error);

    ActionQueue *m_queue;
    int m_retryMs = RetryMs;
    QHash<QString, std::shared_ptr<Replay>> m_replays;
};

} // namespace Tidings
