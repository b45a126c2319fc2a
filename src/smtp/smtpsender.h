// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "smtp/smtpresult.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class KJob;
namespace KSmtp {
class Session;
}

namespace Tidings {

// Runs one SMTP session through KSMTP: connect (implicit TLS or STARTTLS, refusing to log in
// when STARTTLS was asked for and the server does not offer it), log in (PLAIN/LOGIN, or
// XOAUTH2 with the token as the secret for an OAuth account), send one message, quit. The
// result says whether the server took it and, if not, whether trying again can help.
// The account's CA file must already be trusted (prepareToConnect() in imap/). One use per
// object.
class SmtpSender : public QObject
{
    Q_OBJECT
public:
    explicit SmtpSender(const Account &account, QObject *parent = nullptr);
    ~SmtpSender() override;

    void send(const QString &secret, const OutgoingMessage &message);

    // The DATA transfer gets the account's timeout plus one second per this many bytes: a
    // slow uplink (128 kbit/s) still sends a 25 MB message before the watchdog fires.
    static constexpr int MinimumBytesPerSecond = 16 * 1024;

Q_SIGNALS:
    // Exactly once per send().
    void finished(const Tidings::SmtpResult &result);

private:
    enum class Stage
    {
        Connecting,
        LoggingIn,
        Sending,
        Finished
    };
    void onSessionState(int state);
    void login();
    void onLoginResult(KJob *job);
    void sendMessage();
    void onSendResult(KJob *job);
    void onTimeout();
    void finish(const SmtpResult &result);
    SmtpResult connectFailure() const;
    SmtpResult networkFailure(const QString &cause) const;
    SmtpResult refusal(const QString &ksmtpErrorText) const;
    QString where() const;

    Account m_account;
    QString m_secret;
    OutgoingMessage m_message;
    QPointer<KSmtp::Session> m_session;
    QTimer m_watchdog;
    Stage m_stage = Stage::Connecting;
    QString m_connectionError;
    bool m_greeted = false; // the server answered, EHLO was sent
};

} // namespace Tidings
