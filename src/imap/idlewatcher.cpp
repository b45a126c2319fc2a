// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/idlewatcher.h"
#include "imap/imapconnection.h"

#include <KIMAP/RFCCodecs>
#include <QSslConfiguration>
#include <QSslSocket>

namespace Tidings {

namespace {
// The untagged responses that mean the mailbox changed (RFC 3501 7.3-7.4, RFC 7162 3.2.10).
bool reportsChange(const QByteArray &line)
{
    const QList<QByteArray> words = line.split(' ');
    if (words.size() >= 3 && (words.at(2) == "EXISTS" || words.at(2) == "EXPUNGE" ||
                              words.at(2) == "FETCH" || words.at(2) == "RECENT"))
        return true;
    return words.size() >= 2 && words.at(1) == "VANISHED";
}
} // namespace

IdleWatcher::IdleWatcher(const Account &account, const QString &password, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_password(password)
    , m_socket(new QSslSocket(this))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { Q_EMIT changed(m_idleMailbox); });
    m_watchdog.setSingleShot(true);
    m_watchdog.setInterval(qMax(1, account.timeoutSeconds) * 1000);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        fail({ErrorKind::Network,
              tr("no answer from %1 within %2 s").arg(where()).arg(m_account.timeoutSeconds)});
    });
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &IdleWatcher::reconnect);
    m_renew.setInterval(RenewMs);
    connect(&m_renew, &QTimer::timeout, this, [this] {
        if (m_step == Step::Idling)
            send("DONE", Step::LeavingIdle);
    });
    connect(m_socket, &QSslSocket::readyRead, this, &IdleWatcher::onReadyRead);
    // A connection dropped without a word (NAT, sleep) is noticed by TCP keep-alive too.
    connect(m_socket, &QSslSocket::connected, this,
            [this] { m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1); });
    connect(m_socket, &QSslSocket::encrypted, this, &IdleWatcher::onEncrypted);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this] {
        fail({ErrorKind::Network,
              tr("live updates from %1: %2").arg(where(), m_socket->errorString())});
    });
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        fail({ErrorKind::Network, tr("%1: the server's certificate is not trusted: %2")
                                      .arg(where(), errors.constFirst().errorString())});
    });
    // Queued: a failure must reach the slots the owner connects after construction.
    QMetaObject::invokeMethod(this, &IdleWatcher::connectToServer, Qt::QueuedConnection);
}

IdleWatcher::~IdleWatcher()
{
    // The server ends IDLE when the connection closes; no error signal on the way out.
    m_socket->disconnect(this);
    m_socket->abort();
}

QString IdleWatcher::where() const
{
    return QStringLiteral("%1:%2").arg(m_account.imap.host).arg(m_account.imap.port);
}

void IdleWatcher::connectToServer()
{
    m_step = Step::Greeting; // also after a failure: fail() below must report again
    if (const Error e = prepareToConnect(m_account); e.isError()) {
        fail(e);
        return;
    }
    // A socket copies the default TLS configuration when created: take the account's CA.
    m_socket->setSslConfiguration(QSslConfiguration::defaultConfiguration());
    m_step = Step::Greeting;
    m_watchdog.start();
    if (m_account.imap.security == Security::Tls)
        m_socket->connectToHostEncrypted(m_account.imap.host, m_account.imap.port);
    else
        m_socket->connectToHost(m_account.imap.host, m_account.imap.port);
}

void IdleWatcher::watch(const QString &mailbox)
{
    if (mailbox == m_mailbox)
        return;
    m_mailbox = mailbox;
    // IDLE must end (DONE) before another EXAMINE; the tagged OK of IDLE continues.
    if (m_step == Step::Idling)
        send("DONE", Step::LeavingIdle);
    else if (m_step == Step::Ready)
        examine();
}

void IdleWatcher::send(const QByteArray &command, Step next)
{
    QByteArray line = command;
    if (command != "DONE") {
        m_tag = "i" + QByteArray::number(++m_tagCounter);
        line = m_tag + ' ' + command;
    }
    m_step = next;
    m_socket->write(line + "\r\n");
    if (next != Step::Idling)
        m_watchdog.start();
}

bool IdleWatcher::usesOAuth() const
{
    return !m_account.oauthProvider.isEmpty();
}

void IdleWatcher::authenticate()
{
    // RFC 4616 PLAIN, or XOAUTH2 (Google's and Microsoft's SASL for OAuth 2 bearer tokens)
    // for an account that signs in with a token.
    m_authenticationSent = false;
    send(usesOAuth() ? "AUTHENTICATE XOAUTH2" : "AUTHENTICATE PLAIN", Step::Authenticate);
}

void IdleWatcher::onEncrypted()
{
    if (m_step == Step::TlsHandshake)
        authenticate();
}

void IdleWatcher::onReadyRead()
{
    m_buffer += m_socket->readAll();
    while (m_step != Step::Failed && m_step != Step::TlsHandshake) {
        // A literal ({n}) is part of its line: read past it before looking for the end.
        const qsizetype end = m_buffer.indexOf("\r\n", m_literalLeft);
        if (end < 0) {
            if (m_buffer.size() > MaxResponseBytes)
                fail({ErrorKind::Network,
                      tr("%1 sent a response too long to be IMAP").arg(where())});
            return;
        }
        const QByteArray line = m_buffer.left(end);
        if (line.endsWith('}')) {
            const qsizetype open = line.lastIndexOf('{');
            bool ok = false;
            const qint64 size = line.mid(open + 1, line.size() - open - 2).toLongLong(&ok);
            if (open >= 0 && ok && (size < 0 || size > MaxResponseBytes)) {
                fail({ErrorKind::Network,
                      tr("%1 announced an impossible literal of %2 bytes").arg(where()).arg(size)});
                return;
            }
            if (open >= 0 && ok && m_buffer.size() >= end + 2 + size) {
                m_literalLeft = end + 2 + size;
                continue;
            }
            if (open >= 0 && ok)
                return; // the literal is still arriving
        }
        m_buffer.remove(0, end + 2);
        m_literalLeft = 0;
        handleLine(line);
    }
}

void IdleWatcher::handleLine(const QByteArray &line)
{
    if (m_step == Step::Greeting) {
        if (line.startsWith("* PREAUTH") && m_account.imap.security == Security::StartTls) {
            // RFC 3501 6.2.1: no STARTTLS after PREAUTH; the session would stay in the clear.
            fail({ErrorKind::Network,
                  tr("%1 skipped the login, so the connection cannot be encrypted").arg(where())});
        } else if (!line.startsWith("* OK")) {
            fail({ErrorKind::Network, tr("%1 did not greet as an IMAP server: %2")
                                          .arg(where(), QString::fromUtf8(line.left(80)))});
        } else if (m_account.imap.security == Security::StartTls) {
            send("STARTTLS", Step::StartTls);
        } else {
            authenticate();
        }
        return;
    }
    if (line.startsWith("+")) {
        if (m_step == Step::Authenticate) {
            // A second challenge is an XOAUTH2 error report: an empty answer gets the NO.
            if (m_authenticationSent) {
                m_socket->write("\r\n");
                return;
            }
            m_authenticationSent = true;
            const QByteArray user = m_account.loginName().toUtf8();
            const QByteArray secret = m_password.toUtf8();
            const QByteArray response = usesOAuth() ? "user=" + user +
                                                          "\x01"
                                                          "auth=Bearer " +
                                                          secret + "\x01\x01"
                                                    : '\0' + user + '\0' + secret;
            m_socket->write(response.toBase64() + "\r\n");
        } else if (m_step == Step::EnterIdle) {
            m_step = Step::Idling;
            m_watchdog.stop();
            m_idleMailbox = m_examined;
            m_renew.start();
            if (m_mailbox != m_examined) // watch() was called while this was starting
                send("DONE", Step::LeavingIdle);
            else
                Q_EMIT watching(m_idleMailbox);
            if (m_reconnects > 0) {
                // Whatever changed while the connection was down was not reported.
                m_reconnects = 0;
                Q_EMIT changed(m_idleMailbox);
            }
        }
        return;
    }
    if (line.startsWith("* ")) {
        if (line.startsWith("* BYE") && m_step != Step::LeavingIdle)
            fail(
                {ErrorKind::Network,
                 tr("%1 ended the live updates: %2").arg(where(), QString::fromUtf8(line.mid(6)))});
        else if ((m_step == Step::Idling || m_step == Step::LeavingIdle) && reportsChange(line))
            m_debounce.start();
        return;
    }
    const qsizetype space = line.indexOf(' ');
    if (line.left(space) != m_tag)
        return;
    const QByteArray rest = line.mid(space + 1);
    const qsizetype statusEnd = rest.indexOf(' ');
    handleTagged(rest.left(statusEnd), statusEnd < 0 ? QByteArray() : rest.mid(statusEnd + 1));
}

void IdleWatcher::handleTagged(const QByteArray &status, const QByteArray &text)
{
    m_watchdog.stop();
    const QString detail = QString::fromUtf8(text);
    if (status != "OK") {
        switch (m_step) {
        case Step::Authenticate:
            fail({ErrorKind::Authentication,
                  tr("%1 rejected the login for live updates: %2").arg(where(), detail)});
            return;
        case Step::Examine:
            // No live updates for a mailbox we cannot open; the next watch() tries again.
            m_idleMailbox.clear();
            m_step = Step::Ready;
            Q_EMIT failed({ErrorKind::Refused, tr("cannot watch %1: %2").arg(m_examined, detail)});
            if (m_mailbox != m_examined)
                examine();
            return;
        default:
            fail({ErrorKind::Refused, tr("%1 refused live updates: %2").arg(where(), detail)});
            return;
        }
    }
    switch (m_step) {
    case Step::StartTls:
        // Anything after the OK came in the clear and may be an attacker's (the
        // CVE-2011-0411 kind of injection): refuse it rather than read it after TLS.
        if (!m_buffer.isEmpty()) {
            fail({ErrorKind::Network,
                  tr("%1 sent data before the TLS handshake; the connection is not trusted")
                      .arg(where())});
            return;
        }
        m_step = Step::TlsHandshake;
        m_watchdog.start(); // the handshake has the same time limit as a command
        m_socket->startClientEncryption();
        return;
    case Step::Authenticate:
        examine();
        return;
    case Step::LeavingIdle:
        // A renewal of the same mailbox needs no new EXAMINE.
        if (m_mailbox == m_examined && !m_examined.isEmpty())
            send("IDLE", Step::EnterIdle);
        else
            examine();
        return;
    case Step::Examine:
        send("IDLE", Step::EnterIdle);
        return;
    case Step::EnterIdle:
    case Step::Idling:
        // The server ended IDLE on its own (RFC 2177 allows it): enter it again.
        send("IDLE", Step::EnterIdle);
        return;
    default:
        return;
    }
}

void IdleWatcher::examine()
{
    m_renew.stop();
    m_examined = m_mailbox;
    if (m_mailbox.isEmpty()) {
        m_step = Step::Ready; // nothing to watch yet; watch() starts it
        return;
    }
    // EXAMINE: watching must not change \Recent or anything else.
    send("EXAMINE \"" + KIMAP::quoteIMAP(KIMAP::encodeImapFolderName(m_mailbox.toUtf8())) + '"',
         Step::Examine);
}

void IdleWatcher::fail(const Error &error)
{
    if (m_step == Step::Failed)
        return;
    m_step = Step::Failed;
    m_watchdog.stop();
    m_renew.stop();
    m_socket->abort();
    m_buffer.clear();
    m_literalLeft = 0;
    // A dropped connection (sleep, Wi-Fi change, server restart) comes back by itself; a
    // rejected password or a refusal would only be refused again.
    if (error.kind == ErrorKind::Network) {
        const int delay =
            ReconnectDelaysMs[qMin<int>(m_reconnects, std::size(ReconnectDelaysMs) - 1)];
        ++m_reconnects;
        m_reconnect.start(delay);
    }
    Q_EMIT failed(error);
}

void IdleWatcher::reconnect()
{
    m_examined.clear();
    m_idleMailbox.clear();
    connectToServer();
}

} // namespace Tidings
