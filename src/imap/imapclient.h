// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/error.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QSslSocket;

namespace Tidings {

// Our own small IMAP client for what KIMAP's jobs cannot do: IDLE that reports EXPUNGE and
// VANISHED, and the bulk header fetch, where KIMAP's parsing alone costs three times the
// wire (measured, 100,000 messages). It logs in under the same rules as ImapConnection (TLS
// or STARTTLS, never PREAUTH under STARTTLS, nothing read that came in the clear before the
// handshake, AUTHENTICATE PLAIN or XOAUTH2) and then carries commands: several may be in
// flight (pipelining); each untagged response arrives whole, literals inline.
// The account's CA file is trusted on this socket alone.
class ImapClient : public QObject
{
    Q_OBJECT
public:
    ImapClient(const Account &account, const QString &password, QObject *parent = nullptr);
    ~ImapClient() override;

    // Connects and logs in: ready() or failed(). Again after a failure: a new connection.
    void open();
    bool isReady() const { return m_step == Step::Ready; }
    // Sends a command ("EXAMINE INBOX"); returns its tag. Its end is completed(tag, ...).
    QByteArray send(const QByteArray &command);
    // A line without a tag, for the end of IDLE ("DONE", RFC 2177).
    void sendRaw(const QByteArray &line);
    // Closes the connection without a signal.
    void close();

    // A longer response than this is a broken or hostile server, not something to buffer.
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    // Stops reading the socket while the receiver catches up: the kernel's buffers fill and
    // TCP slows the server down, so memory stays bounded whatever the mailbox's size.
    void setPaused(bool paused);
    QString where() const;
    const Account &account() const { return m_account; }

    // Without a limit set, a response may be as large as a big attachment.
    static constexpr qint64 DefaultMaxResponseBytes = 256LL * 1024 * 1024;

Q_SIGNALS:
    void ready();
    // One untagged response ("* 3 FETCH (...)"), literals inline, without its final CRLF.
    void untagged(const QByteArray &response);
    // A continuation request ("+ idling") for a command other than the login.
    void continuation(const QByteArray &text);
    void completed(const QByteArray &tag, bool ok, const QString &text);
    // The connection is gone (or never came up); commands in flight are lost.
    void failed(const Tidings::Error &error);

private:
    enum class Step
    {
        Closed,
        Greeting,
        StartTls,
        TlsHandshake,
        Authenticate,
        Ready,
        Failed,
    };

    bool usesOAuth() const;
    void authenticate();
    void onReadyRead();
    bool takeResponse(QByteArray *response);
    void handleResponse(const QByteArray &response);
    void handleLoginStep(const QByteArray &response);
    void write(const QByteArray &line);
    void fail(const Error &error);

    Account m_account;
    QString m_password;
    QSslSocket *m_socket;
    QByteArray m_buffer;
    qsizetype m_start = 0;    // where the response being read starts in m_buffer
    qsizetype m_scanFrom = 0; // where the next CRLF search starts (past literals)
    QByteArray m_loginTag;
    int m_tagCounter = 0;
    int m_inFlight = 0;
    Step m_step = Step::Closed;
    bool m_authenticationSent = false;
    bool m_waitingForContinuation = false;
    bool m_paused = false;
    qint64 m_maxResponseBytes = DefaultMaxResponseBytes;
    QTimer m_watchdog;
};

} // namespace Tidings
