// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/imapconnection.h"

#include <KIMAP/CapabilitiesJob>
#include <KIMAP/EnableJob>
#include <KIMAP/LoginJob>
#include <KIMAP/Session>
#include <KIMAP/SessionUiProxy>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace Tidings {

Q_LOGGING_CATEGORY(lcImapConnection, "tidings.imap.connection", QtWarningMsg)

namespace {
// KIMAP's own timer only covers socket inactivity; the watchdog also bounds a server that
// trickles bytes. One extra second lets KIMAP report its own, more precise, cause first.
constexpr int WatchdogGraceMs = 1000;
// Timers fire a little early or late; a failure this close to the timeout is the timeout.
constexpr int TimeoutSlackMs = 200;

// KIMAP::Session starts its socket thread, which connects at once, before it connects that
// thread's signals to itself (KIMAP 24.12 session.cpp, Session::Session; sessionthread.cpp,
// SessionThread::SessionThread). When the GUI thread is preempted in between, as on a loaded
// 2-core machine, the "socket connected" notification (and maybe the greeting), or the
// "connection refused" error, is dropped: the session never starts its queued LoginJob, or
// never learns its socket failed, and the login hangs until a timeout. A fresh session
// almost never loses the race twice; a few attempts make it vanishingly rare.
constexpr int LostConnectRetries = 2;

// See ImapConnection::loseConnectNotificationsForTest().
int s_lostStartsForTest = 0;

// Gives lupdate and tr() the same context for the free functions below.
struct ImapConnectionText
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::ImapConnection)
};

// KIMAP asks this whether to accept a certificate that failed verification. We never do
// silently: the answer is no, and the connection reports a TLS failure.
class RejectingUiProxy : public KIMAP::SessionUiProxy
{
public:
    explicit RejectingUiProxy(std::shared_ptr<bool> flag)
        : m_flag(std::move(flag))
    {
    }
    bool ignoreSslError(const KSslErrorUiData &) override
    {
        *m_flag = true;
        return false;
    }

private:
    std::shared_ptr<bool> m_flag;
};

// Records that the session started the job: the only way to tell a login that KIMAP never
// started (see LostConnectRetries) from one that waits for the server.
class ObservedLoginJob : public KIMAP::LoginJob
{
public:
    ObservedLoginJob(KIMAP::Session *session, std::shared_ptr<bool> started)
        : KIMAP::LoginJob(session)
        , m_started(std::move(started))
    {
    }

protected:
    void doStart() override
    {
        if (s_lostStartsForTest > 0) {
            --s_lostStartsForTest;
            return;
        }
        *m_started = true;
        KIMAP::LoginJob::doStart();
    }

private:
    std::shared_ptr<bool> m_started;
};

KIMAP::LoginJob::EncryptionMode encryptionFor(Security security)
{
    switch (security) {
    case Security::Tls:
        return KIMAP::LoginJob::SSLorTLS;
    case Security::StartTls:
        return KIMAP::LoginJob::STARTTLS;
    case Security::None:
        return KIMAP::LoginJob::Unencrypted;
    }
    return KIMAP::LoginJob::SSLorTLS;
}
} // namespace

Error trustCertificates(const QString &caFile)
{
    static QSet<QString> loaded;
    if (caFile.isEmpty() || loaded.contains(caFile))
        return {};
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(caFile, QSsl::Pem);
    if (certs.isEmpty())
        return {ErrorKind::BadInput,
                ImapConnectionText::tr("no PEM certificate could be read from %1").arg(caFile)};
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.addCaCertificates(certs);
    QSslConfiguration::setDefaultConfiguration(config);
    loaded.insert(caFile);
    return {};
}

Error prepareToConnect(const Account &account)
{
    if (const QString why = account.validate(); !why.isEmpty())
        return {ErrorKind::BadInput, why};
    return trustCertificates(account.caFile);
}

ImapConnection::ImapConnection(const Account &account, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_tlsRejected(std::make_shared<bool>(false))
{
    m_watchdog.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        // Not a word from KIMAP, not even "connection failed": its socket may have been
        // refused before it listened (see LostConnectRetries). A host that drops the SYN looks
        // the same and pays the retries, up to LostConnectRetries more timeouts.
        if (m_state == State::Connecting && !m_greeted && !m_connectFailed && retryLostConnect())
            return;
        fail({ErrorKind::Network, ImapConnectionText::tr("no answer from %1 within %2 s")
                                      .arg(where())
                                      .arg(m_account.timeoutSeconds)});
    });
}

ImapConnection::~ImapConnection()
{
    close();
}

QString ImapConnection::where() const
{
    return QStringLiteral("%1:%2").arg(m_account.imap.host).arg(m_account.imap.port);
}

void ImapConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ImapConnection::open(const QString &password)
{
    close();
    m_error = {};
    if (const Error e = prepareToConnect(m_account); e.isError()) {
        fail(e);
        return;
    }
    m_password = password;
    m_retriesLeft = LostConnectRetries;
    setState(State::Connecting);
    startAttempt();
}

void ImapConnection::startAttempt()
{
    dropSession();
    m_greeted = false;
    m_connectFailed = false;
    *m_tlsRejected = false;
    m_session = new KIMAP::Session(m_account.imap.host, m_account.imap.port, this);
    m_session->setTimeout(m_account.timeoutSeconds);
    m_session->setUiProxy(KIMAP::SessionUiProxy::Ptr(new RejectingUiProxy(m_tlsRejected)));
    auto started = std::make_shared<bool>(false);
    connect(m_session, &KIMAP::Session::connectionFailed, this, [this] { m_connectFailed = true; });
    connect(m_session, &KIMAP::Session::stateChanged, this,
            [this, started](KIMAP::Session::State now, KIMAP::Session::State before) {
                if (now == KIMAP::Session::Disconnected || before != KIMAP::Session::Disconnected)
                    return;
                m_greeted = true;
                // The greeting makes KIMAP start the queued LoginJob right after this signal,
                // directly or through one queued call; two hops of our own run after either.
                QMetaObject::invokeMethod(
                    this,
                    [this, started, session = m_session] {
                        QMetaObject::invokeMethod(
                            this,
                            [this, started, session] {
                                if (session == m_session && m_state == State::Connecting &&
                                    !*started)
                                    retryLostConnect();
                            },
                            Qt::QueuedConnection);
                    },
                    Qt::QueuedConnection);
            });
    connect(m_session, &KIMAP::Session::connectionLost, this, [this] {
        if (m_state == State::Ready)
            fail({ErrorKind::Network,
                  ImapConnectionText::tr("the connection to %1 was closed").arg(where())});
    });

    auto *login = new ObservedLoginJob(m_session, started);
    login->setUserName(m_account.loginName());
    login->setPassword(m_password);
    login->setEncryptionMode(encryptionFor(m_account.imap.security));
    // A token account signs in with XOAUTH2 (the token stands where the password would).
    login->setAuthenticationMode(m_account.oauthProvider.isEmpty() ? KIMAP::LoginJob::Plain
                                                                   : KIMAP::LoginJob::XOAuth2);
    m_login = login;
    connect(login, &KJob::result, this, &ImapConnection::onLoginResult);
    m_openedAt.start();
    m_watchdog.start(m_account.timeoutSeconds * 1000 + WatchdogGraceMs);
    login->start();
}

void ImapConnection::loseConnectNotificationsForTest(int sessions)
{
    s_lostStartsForTest = sessions;
}

bool ImapConnection::retryLostConnect()
{
    if (m_retriesLeft <= 0)
        return false;
    --m_retriesLeft;
    qCInfo(lcImapConnection, "%s: KIMAP lost the connect notification, connecting again",
           qPrintable(where()));
    startAttempt();
    return true;
}

void ImapConnection::onLoginResult(KJob *job)
{
    // A dropped attempt's job ends when its session goes away; only the current one counts.
    if (m_state != State::Connecting || job != m_login)
        return;
    m_capabilities.clear();
    m_qresync = false;
    if (job->error()) {
        // KIMAP reports "connection failed" (not "lost") for a socket it never saw connect; if
        // that comes from its own inactivity timer, the socket was connected all along and the
        // notification was lost before the greeting (see LostConnectRetries).
        const bool lostConnect =
            m_connectFailed && !m_greeted &&
            m_openedAt.elapsed() + TimeoutSlackMs >= m_account.timeoutSeconds * 1000;
        if (lostConnect && retryLostConnect())
            return;
        fail(classifyLoginFailure(job));
        return;
    }
    m_secret = std::exchange(m_password, {});
    queryCapabilities();
}

void ImapConnection::queryCapabilities()
{
    // Capabilities change after login (RFC 3501 6.2.2), so ask now, not at the greeting.
    auto *caps = new KIMAP::CapabilitiesJob(m_session);
    connect(caps, &KJob::result, this, [this, caps] {
        if (caps->error()) {
            fail({ErrorKind::Network, ImapConnectionText::tr("%1: CAPABILITY failed: %2")
                                          .arg(where(), caps->errorText())});
            return;
        }
        m_capabilities.clear();
        for (const QString &c : caps->capabilities())
            m_capabilities.append(c.toUpper());
        if (!hasCapability(QStringLiteral("QRESYNC"))) {
            becomeReady();
            return;
        }
        // RFC 7162 3.2.3: QRESYNC parameters to SELECT need ENABLE QRESYNC first.
        auto *enable = new KIMAP::EnableJob(m_session);
        enable->setCapabilities({QStringLiteral("QRESYNC")});
        connect(enable, &KJob::result, this, [this, enable] {
            m_qresync = !enable->error() && enable->enabledCapabilities().contains(
                                                QStringLiteral("QRESYNC"), Qt::CaseInsensitive);
            becomeReady();
        });
        enable->start();
    });
    caps->start();
}

void ImapConnection::becomeReady()
{
    if (m_state != State::Connecting)
        return;
    m_watchdog.stop();
    setState(State::Ready);
    Q_EMIT ready();
}

Error ImapConnection::classifyLoginFailure(KJob *job) const
{
    const QString text = job->errorText();
    if (*m_tlsRejected)
        return {ErrorKind::Network,
                ImapConnectionText::tr(
                    "TLS: the certificate of %1 is not trusted (add it with --ca-file if you "
                    "trust this server)")
                    .arg(where())};
    // KIMAP's inactivity timer ends a silent peer with a bare socket error.
    if (!m_greeted && m_openedAt.elapsed() + TimeoutSlackMs >= m_account.timeoutSeconds * 1000)
        return {ErrorKind::Network, ImapConnectionText::tr("no answer from %1 within %2 s")
                                        .arg(where())
                                        .arg(m_account.timeoutSeconds)};
    if (m_connectFailed && !m_greeted)
        return {ErrorKind::Network, ImapConnectionText::tr("cannot connect to %1").arg(where())};
    if (text.contains(QLatin1String("STARTTLS")) || text.contains(QLatin1String("SSL")) ||
        text.contains(QLatin1String("TLS")))
        return {ErrorKind::Network,
                ImapConnectionText::tr("TLS with %1 failed: %2").arg(where(), text)};
    if (job->error() == KIMAP::LoginJob::ERR_COULD_NOT_CONNECT)
        return {ErrorKind::Network,
                m_greeted
                    ? ImapConnectionText::tr("%1 closed the connection during login").arg(where())
                    : ImapConnectionText::tr("cannot connect to %1").arg(where())};
    if (m_greeted)
        return {ErrorKind::Authentication,
                ImapConnectionText::tr("login as %1 at %2 was rejected: %3")
                    .arg(m_account.loginName(), where(), text)};
    return {ErrorKind::Network,
            ImapConnectionText::tr("cannot connect to %1: %2").arg(where(), text)};
}

void ImapConnection::fail(const Error &error)
{
    if (m_state == State::Failed)
        return;
    m_watchdog.stop();
    m_password.clear();
    m_secret.clear();
    m_error = error;
    // A session whose login failed may still be usable (PREAUTH): never issue commands on it.
    dropSession();
    setState(State::Failed);
    Q_EMIT failed(error);
}

void ImapConnection::dropSession()
{
    if (m_login)
        m_login->disconnect(this);
    m_login = nullptr;
    if (!m_session)
        return;
    m_session->disconnect(this);
    m_session->close();
    m_session->deleteLater();
    m_session = nullptr;
}

void ImapConnection::close()
{
    m_watchdog.stop();
    m_password.clear();
    m_secret.clear();
    dropSession();
    if (m_state != State::Failed)
        setState(State::Disconnected);
}

} // namespace Tidings
