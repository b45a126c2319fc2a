// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/draft.h"
#include "core/error.h"
#include "core/identity.h"
#include "core/outboxentry.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>
#include <memory>

namespace Tidings {

class ActionQueue;
class Outbox;

// Drives the outbox (store/Outbox) to the servers: SMTP for queued messages, then the Sent
// copy, then \Answered on the replied message through the action queue. One message at a
// time per account. A transient failure is retried after RetryDelaysSeconds; a permanent
// one, a refused login or a send whose outcome is unknown stops and waits for the user.
// Once the SMTP server accepted a message, nothing here hands it to SMTP again.
class OutboxRunner : public QObject
{
    Q_OBJECT
public:
    OutboxRunner(Outbox *outbox, ActionQueue *actions, QObject *parent = nullptr);
    ~OutboxRunner() override;

    // Start-up: a message a dead process left in `sending` becomes interrupted (not resent).
    int recoverInterrupted(Error *error = nullptr);

    // The account's secret is known: what is due for it runs.
    void setAccount(const Account &account, const QString &secret);

    // Composes `draft` as `identity` (draft.messageId is fixed here if empty) and queues it;
    // `id` gets the outbox entry. Sends at once when the account is set.
    Error submit(Draft &draft, const Identity &identity, const Account &account,
                 qint64 *id = nullptr);
    // A failed, interrupted or waiting entry edited by the user: composed again and queued.
    Error edit(qint64 id, Draft &draft, const Identity &identity, const Account &account);
    // Sends a failed, interrupted or waiting entry (again) now; for an accepted one whose
    // Sent copy failed, makes the copy now.
    Error retry(qint64 id);
    // Discards an entry that was not accepted (or is done).
    Error discard(qint64 id);

    // Only this entry is driven (`tidings send`); others are left to the GUI.
    void restrictTo(qint64 id) { m_only = id; }
    // Retry delays instead of RetryDelaysSeconds (tests).
    void setRetryDelaysMs(const QList<int> &delays) { m_delaysMs = delays; }
    qint64 retryDelayMs(int attempts) const;

    // Waits between attempts after transient failures (4xx, server unreachable, Sent copy
    // failed): soon enough for a greylisting server (typically 1-5 min) and a short outage,
    // then sparse enough not to hammer a server that is down; the last one repeats.
    static constexpr int RetryDelaysSeconds[] = {30, 2 * 60, 10 * 60, 30 * 60};

Q_SIGNALS:
    // Any change of state or cause; `entry.lastError` says why it waits or stopped.
    void entryChanged(const Tidings::OutboxEntry &entry);
    // One attempt failed (SMTP or the Sent copy); `error.kind` tells network, login or refusal.
    void attemptFailed(const Tidings::OutboxEntry &entry, const Tidings::Error &error);
    // \Answered was queued for a message of `account`: the action runner should replay.
    void answeredQueued(const QString &account);
    // Nothing is in progress and nothing is due now.
    void idle();

private:
    struct Lane;
    void schedule();
    void run();
    void step(Lane &lane, const OutboxEntry &entry);
    void sendSmtp(Lane &lane, const OutboxEntry &entry);
    void copyToSent(Lane &lane, const OutboxEntry &entry);
    void finishReply(Lane &lane, const OutboxEntry &entry);
    void stepDone(const QString &account, qint64 id, const Error &storeError = {});
    void reportFailure(qint64 id, const Error &error);
    bool isOurs(const OutboxEntry &entry) const;
    Error compose(Draft &draft, const Identity &identity, const Account &account,
                  OutboxEntry *entry) const;
    QDateTime retryAt(int attempts) const;

    Outbox *m_outbox;
    ActionQueue *m_actions;
    QHash<QString, std::shared_ptr<Lane>> m_lanes;
    QTimer m_timer;
    QList<int> m_delaysMs;
    qint64 m_only = 0;
    qint64 m_pid;
};

} // namespace Tidings
