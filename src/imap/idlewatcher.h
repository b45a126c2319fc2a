// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/error.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QSslSocket;

namespace Tidings {

// A second connection per account that sits in IDLE (RFC 2177) on the selected mailbox and
// says when the server reports new mail, changed flags or expunged messages, so the list
// updates without polling. It speaks IMAP itself: KIMAP's IdleJob drops EXPUNGE and
// VANISHED, and a message moved away by another client would then stay on screen.
// The same rules as ImapConnection: TLS or STARTTLS (never PREAUTH under STARTTLS), the
// account's CA, AUTHENTICATE PLAIN, a watchdog on every command.
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
    bool usesOAuth() const;
    void authenticate();
    enum class Step
    {
        Greeting,
        StartTls,
        TlsHandshake,
        Authenticate,
        Ready, // logged in, no command running, nothing to watch yet
        Examine,
        EnterIdle,
        Idling,
        LeavingIdle,
        Failed,
    };

    void connectToServer();
    void onEncrypted();
    void onReadyRead();
    void handleLine(const QByteArray &line);
    void handleTagged(const QByteArray &status, const QByteArray &text);
    void send(const QByteArray &command, Step next);
    void examine();
    void fail(const Error &error);
    void reconnect();
    QString where() const;

    Account m_account;
    QString m_password;
    QSslSocket *m_socket;
    QByteArray m_buffer;
    qint64 m_literalLeft = 0;
    QByteArray m_tag;
    int m_tagCounter = 0;
    Step m_step = Step::Greeting;
    QString m_mailbox;
    QString m_examined;
    QString m_idleMailbox;
    QTimer m_debounce;
    QTimer m_watchdog;
    QTimer m_renew;
    QTimer m_reconnect;
    int m_reconnects = 0;
    bool m_authenticationSent = false;
};

} // namespace Tidings
