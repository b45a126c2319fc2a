// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/error.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

namespace Tidings {

class ImapClient;

// A second connection per account that sits in IDLE (RFC 2177) on the selected mailbox and
// says when the server reports new mail, changed flags or expunged messages, so the list
// updates without polling. It speaks IMAP itself: KIMAP's IdleJob drops EXPUNGE and
// VANISHED, and a message moved away by another client would then stay on screen.
// The connection and login are ImapClient's (the same rules as ImapConnection).
class IdleWatcher : public QObject
{
    Q_OBJECT
public:
    IdleWatcher(const Account &account, const QString &password, QObject *parent = nullptr);
    ~IdleWatcher() override;

    void watch(const QString &mailbox);
    QString mailbox() const { return m_mailbox; }
    // The server confirmed IDLE on this mailbox: from now on every change is reported.
    bool isIdling(const QString &mailbox) const
    {
        return m_step == Step::Idling && m_idleMailbox == mailbox;
    }

    // Several notifications in a burst (EXISTS, RECENT, FETCH) make one changed().
    static constexpr int DebounceMs = 150;
    // RFC 2177 allows servers to end IDLE after 30 minutes; NAT routers often drop a silent
    // connection much sooner without telling either side, so renew well before both.
    static constexpr int RenewMs = 9 * 60 * 1000;
    // Nothing the watcher waits for is anywhere near this big; a larger line or literal is a
    // broken or hostile server, not something to buffer.
    static constexpr qint64 MaxResponseBytes = 1024 * 1024;

    // After a dropped connection: quickly at first, then no more than every 5 minutes.
    static constexpr int ReconnectDelaysMs[] = {2'000, 10'000, 60'000, 300'000};

Q_SIGNALS:
    void changed(const QString &mailbox);
    void watching(const QString &mailbox);
    void failed(const Tidings::Error &error);

private:
    enum class Step
    {
        Connecting,
        Ready, // logged in, no command running, nothing to watch yet
        Examine,
        EnterIdle,
        Idling,
        LeavingIdle,
        Failed,
    };

    void connectToServer();
    void onUntagged(const QByteArray &response);
    void onContinuation();
    void onCompleted(const QByteArray &tag, bool ok, const QString &text);
    void send(const QByteArray &command, Step next);
    void examine();
    void fail(const Error &error);

    ImapClient *m_client;
    QByteArray m_tag;
    Step m_step = Step::Connecting;
    QString m_mailbox;
    QString m_examined;
    QString m_idleMailbox;
    QTimer m_debounce;
    QTimer m_renew;
    QTimer m_reconnect;
    int m_reconnects = 0;
};

} // namespace Tidings
