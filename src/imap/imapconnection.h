// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/error.h"

#include <KIMAP/Session>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class KJob;

namespace Tidings {

// One logged-in KIMAP session for an account. Turns every way a connection can fail
// (refused, unreachable, TLS, wrong password, server hang-up, silence) into one Error with
// a one-line cause, within the account's timeout.
class ImapConnection : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Disconnected,
        Connecting,
        Ready,
        Failed
    };
    Q_ENUM(State)

    explicit ImapConnection(const Account &account, QObject *parent = nullptr);
    ~ImapConnection() override;

    void open(const QString &password);
    void close();

    State state() const { return m_state; }
    const Account &account() const { return m_account; }
    Error lastError() const { return m_error; }
    KIMAP::Session *session() const { return m_session; }
    // What the server announced after login, upper case ("QRESYNC", "CONDSTORE", ...).
    bool hasCapability(const QString &name) const { return m_capabilities.contains(name); }
    // QRESYNC (RFC 7162) was enabled on this session.
    bool qresyncEnabled() const { return m_qresync; }

    // The password or token that logged this session in, while it is open: for a second
    // connection of the same account (the bulk header fetch).
    QString secret() const { return m_secret; }

    // Reports a failure seen by a job running on this connection; the session is closed.
    void fail(const Error &error);

    // Test seam: the LoginJob of the next `sessions` sessions is never started, as when KIMAP
    // loses the race described at LostConnectRetries in imapconnection.cpp, which no test can
    // provoke on demand.
    static void loseConnectNotificationsForTest(int sessions);

Q_SIGNALS:
    void ready();
    void failed(const Tidings::Error &error);
    void stateChanged(Tidings::ImapConnection::State state);

private:
    void setState(State state);
    void startAttempt();
    bool retryLostConnect();
    void dropSession();
    void onLoginResult(KJob *job);
    void queryCapabilities();
    void becomeReady();
    Error classifyLoginFailure(KJob *job) const;
    QString where() const;

    Account m_account;
    QPointer<KIMAP::Session> m_session;
    QPointer<KJob> m_login;
    // Kept only while connecting, for a fresh attempt after KIMAP lost the connect.
    QString m_password;
    QString m_secret;
    int m_retriesLeft = 0;
    QTimer m_watchdog;
    QElapsedTimer m_openedAt;
    State m_state = State::Disconnected;
    Error m_error;
    bool m_greeted = false;
    bool m_connectFailed = false;
    std::shared_ptr<bool> m_tlsRejected;
    QStringList m_capabilities;
    bool m_qresync = false;
};

// Adds the PEM certificates of `caFile` to the trust store every new TLS socket of this
// process starts from. KIMAP gives no access to its socket, so the trust is process-wide: an
// account's extra CA is trusted for the other accounts of the same profile too. Without one,
// a certificate that fails verification is always refused.
Error trustCertificates(const QString &caFile);
// What every connection of an account checks first: the settings make sense, and the
// account's CA file (if any) is readable and trusted.
Error prepareToConnect(const Account &account);

} // namespace Tidings
