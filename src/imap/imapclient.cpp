// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/imapclient.h"

#include <QSignalBlocker>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>

namespace Tidings {

namespace {
// What the socket reads ahead of the parser: with the receiver paused it stops here, and TCP
// flow control holds the rest on the server. Big enough that a fast parser never waits.
constexpr qint64 SocketReadBufferBytes = 1024 * 1024;

// The literal announced at the end of a line ("{123}" or LITERAL+'s "{123+}"), or -1.
qint64 literalSize(const char *line, qsizetype length)
{
    if (length < 3 || line[length - 1] != '}')
        return -1;
    qsizetype i = length - 2;
    if (line[i] == '+')
        --i;
    qint64 size = 0, scale = 1;
    qsizetype digits = 0;
    for (; i >= 0 && line[i] >= '0' && line[i] <= '9'; --i, ++digits) {
        if (digits == 18)
            return -2; // more digits than any real literal has
        size += (line[i] - '0') * scale;
        scale *= 10;
    }
    if (digits == 0 || i < 0 || line[i] != '{')
        return -1;
    return size;
}
} // namespace

ImapClient::ImapClient(const Account &account, const QString &password, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_password(password)
    , m_socket(new QSslSocket(this))
{
    m_socket->setReadBufferSize(SocketReadBufferBytes);
    m_watchdog.setSingleShot(true);
    m_watchdog.setInterval(qMax(1, account.timeoutSeconds) * 1000);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        fail({ErrorKind::Network,
              tr("no answer from %1 within %2 s").arg(where()).arg(m_account.timeoutSeconds)});
    });
    connect(m_socket, &QSslSocket::readyRead, this, &ImapClient::onReadyRead);
    // A connection dropped without a word (NAT, sleep) is noticed by TCP keep-alive too.
    connect(m_socket, &QSslSocket::connected, this,
            [this] { m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1); });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        if (m_step == Step::TlsHandshake)
            authenticate();
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this] {
        fail({ErrorKind::Network, tr("%1: %2").arg(where(), m_socket->errorString())});
    });
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        fail({ErrorKind::Network, tr("%1: the server's certificate is not trusted: %2")
                                      .arg(where(), errors.constFirst().errorString())});
    });
}

ImapClient::~ImapClient()
{
    close();
}

QString ImapClient::where() const
{
    return QStringLiteral("%1:%2").arg(m_account.imap.host).arg(m_account.imap.port);
}

void ImapClient::close()
{
    m_step = Step::Closed;
    m_watchdog.stop();
    {
        // Closing on purpose is not a failure to report.
        const QSignalBlocker quiet(m_socket);
        m_socket->abort();
    }
    m_buffer.clear();
    m_start = m_scanFrom = 0;
    m_inFlight = 0;
}

void ImapClient::open()
{
    if (const QString why = m_account.validate(); !why.isEmpty()) {
        m_step = Step::Closed;
        fail({ErrorKind::BadInput, why});
        return;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!m_account.caFile.isEmpty()) {
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(m_account.caFile, QSsl::Pem);
        if (certs.isEmpty()) {
            m_step = Step::Closed;
            fail({ErrorKind::BadInput,
                  tr("no PEM certificate could be read from %1").arg(m_account.caFile)});
            return;
        }
        tls.addCaCertificates(certs);
    }
    close();
    m_socket->setSslConfiguration(tls);
    m_paused = false;
    m_waitingForContinuation = false;
    m_step = Step::Greeting;
    m_watchdog.start();
    if (m_account.imap.security == Security::Tls)
        m_socket->connectToHostEncrypted(m_account.imap.host, m_account.imap.port);
    else
        m_socket->connectToHost(m_account.imap.host, m_account.imap.port);
}

void ImapClient::write(const QByteArray &line)
{
    m_waitingForContinuation = false;
    m_socket->write(line + "\r\n");
    if (!m_paused)
        m_watchdog.start();
}

QByteArray ImapClient::send(const QByteArray &command)
{
    const QByteArray tag = 't' + QByteArray::number(++m_tagCounter);
    if (m_step != Step::Ready && m_step != Step::Authenticate && m_step != Step::StartTls)
        return tag; // not connected: failed() was or will be reported
    ++m_inFlight;
    write(tag + ' ' + command);
    return tag;
}

void ImapClient::sendRaw(const QByteArray &line)
{
    if (m_step == Step::Ready)
        write(line);
}

void ImapClient::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (paused) {
        // Waiting for our own receiver is not the server's silence.
        m_watchdog.stop();
        return;
    }
    if (m_inFlight > 0 && !m_waitingForContinuation)
        m_watchdog.start();
    // What arrived while paused is already buffered: no readyRead will come for it.
    QMetaObject::invokeMethod(this, &ImapClient::onReadyRead, Qt::QueuedConnection);
}

bool ImapClient::usesOAuth() const
{
    return !m_account.oauthProvider.isEmpty();
}

void ImapClient::authenticate()
{
    // RFC 4616 PLAIN, or XOAUTH2 (Google's and Microsoft's SASL for OAuth 2 bearer tokens)
    // for an account that signs in with a token.
    m_authenticationSent = false;
    m_step = Step::Authenticate;
    m_loginTag = send(usesOAuth() ? "AUTHENTICATE XOAUTH2" : "AUTHENTICATE PLAIN");
}

bool ImapClient::takeResponse(QByteArray *response)
{
    for (;;) {
        const qsizetype end = m_buffer.indexOf("\r\n", m_scanFrom);
        if (end < 0) {
            if (m_buffer.size() - m_start > m_maxResponseBytes)
                fail({ErrorKind::Network,
                      tr("%1 sent a response too long to be IMAP").arg(where())});
            return false;
        }
        const qint64 literal = literalSize(m_buffer.constData() + m_scanFrom, end - m_scanFrom);
        if (literal == -2 || literal > m_maxResponseBytes) {
            fail({ErrorKind::Network, tr("%1 announced an impossible literal").arg(where())});
            return false;
        }
        if (literal >= 0) {
            if (m_buffer.size() < end + 2 + literal)
                return false; // the literal is still arriving
            m_scanFrom = end + 2 + literal;
            continue;
        }
        *response = m_buffer.mid(m_start, end - m_start);
        m_start = m_scanFrom = end + 2;
        return true;
    }
}

void ImapClient::onReadyRead()
{
    if (m_step == Step::Closed || m_step == Step::Failed || m_step == Step::TlsHandshake)
        return;
    if (m_paused)
        return;
    if (m_socket->bytesAvailable() > 0) {
        m_buffer += m_socket->readAll();
        if (m_inFlight > 0 && !m_waitingForContinuation)
            m_watchdog.start(); // the server is talking: only silence counts
    }
    QByteArray response;
    while (!m_paused && m_step != Step::Failed && m_step != Step::Closed &&
           m_step != Step::TlsHandshake && takeResponse(&response)) {
        handleResponse(response);
    }
    // Consumed responses leave the buffer once per read, not once per response.
    if (m_start > 0 && m_step != Step::Failed && m_step != Step::Closed) {
        m_buffer.remove(0, m_start);
        m_scanFrom -= m_start;
        m_start = 0;
    }
}

void ImapClient::handleResponse(const QByteArray &response)
{
    if (m_step != Step::Ready) {
        handleLoginStep(response);
        return;
    }
    if (response.startsWith("* ")) {
        if (response.startsWith("* BYE")) {
            fail({ErrorKind::Network, tr("%1 closed the connection: %2")
                                          .arg(where(), QString::fromUtf8(response.mid(6)))});
            return;
        }
        Q_EMIT untagged(response);
        return;
    }
    if (response.startsWith('+')) {
        m_waitingForContinuation = true;
        m_watchdog.stop(); // the server waits for us now (IDLE may last for minutes)
        Q_EMIT continuation(response.mid(2));
        return;
    }
    const qsizetype space = response.indexOf(' ');
    const qsizetype statusEnd = response.indexOf(' ', space + 1);
    const QByteArray tag = response.left(space);
    const QByteArray status =
        response.mid(space + 1, statusEnd < 0 ? -1 : statusEnd - space - 1).toUpper();
    const QString text = statusEnd < 0 ? QString() : QString::fromUtf8(response.mid(statusEnd + 1));
    m_inFlight = qMax(0, m_inFlight - 1);
    if (m_inFlight == 0)
        m_watchdog.stop();
    Q_EMIT completed(tag, status == "OK", text);
}

void ImapClient::handleLoginStep(const QByteArray &response)
{
    if (m_step == Step::Greeting) {
        if (response.startsWith("* PREAUTH")) {
            if (m_account.imap.security == Security::StartTls) {
                // RFC 3501 6.2.1: no STARTTLS after PREAUTH; the session would stay in the
                // clear.
                fail({ErrorKind::Network,
                      tr("%1 skipped the login, so the connection cannot be encrypted")
                          .arg(where())});
                return;
            }
            m_step = Step::Ready;
            m_watchdog.stop();
            Q_EMIT ready();
        } else if (!response.startsWith("* OK")) {
            fail({ErrorKind::Network, tr("%1 did not greet as an IMAP server: %2")
                                          .arg(where(), QString::fromUtf8(response.left(80)))});
        } else if (m_account.imap.security == Security::StartTls) {
            m_step = Step::StartTls;
            m_loginTag = send("STARTTLS");
        } else {
            authenticate();
        }
        return;
    }
    if (response.startsWith('+') && m_step == Step::Authenticate) {
        // A second challenge is an XOAUTH2 error report: an empty answer gets the NO.
        if (m_authenticationSent) {
            write(QByteArray());
            return;
        }
        m_authenticationSent = true;
        const QByteArray user = m_account.loginName().toUtf8();
        const QByteArray secret = m_password.toUtf8();
        const QByteArray answer = usesOAuth() ? "user=" + user +
                                                    "\x01"
                                                    "auth=Bearer " +
                                                    secret + "\x01\x01"
                                              : '\0' + user + '\0' + secret;
        write(answer.toBase64());
        return;
    }
    if (response.startsWith("* BYE")) {
        fail({ErrorKind::Network,
              tr("%1 closed the connection: %2").arg(where(), QString::fromUtf8(response.mid(6)))});
        return;
    }
    if (!response.startsWith(m_loginTag + ' '))
        return; // CAPABILITY and other untagged data of the login
    m_inFlight = qMax(0, m_inFlight - 1);
    m_watchdog.stop();
    const QByteArray rest = response.mid(m_loginTag.size() + 1);
    const bool ok = rest.startsWith("OK");
    const QString detail = QString::fromUtf8(rest.mid(rest.indexOf(' ') + 1));
    if (m_step == Step::StartTls) {
        if (!ok) {
            fail({ErrorKind::Network, tr("%1 refused STARTTLS: %2").arg(where(), detail)});
            return;
        }
        // Anything after the OK came in the clear and may be an attacker's (the
        // CVE-2011-0411 kind of injection): refuse it rather than read it after TLS.
        if (m_buffer.size() > m_start || m_socket->bytesAvailable() > 0) {
            fail({ErrorKind::Network,
                  tr("%1 sent data before the TLS handshake; the connection is not trusted")
                      .arg(where())});
            return;
        }
        m_step = Step::TlsHandshake;
        m_watchdog.start(); // the handshake has the same time limit as a command
        m_socket->startClientEncryption();
        return;
    }
    if (!ok) {
        fail({ErrorKind::Authentication, tr("%1 rejected the login: %2").arg(where(), detail)});
        return;
    }
    m_step = Step::Ready;
    Q_EMIT ready();
}

void ImapClient::fail(const Error &error)
{
    if (m_step == Step::Failed)
        return;
    m_step = Step::Failed;
    m_watchdog.stop();
    m_socket->abort();
    m_buffer.clear();
    m_start = m_scanFrom = 0;
    m_inFlight = 0;
    Q_EMIT failed(error);
}

} // namespace Tidings
