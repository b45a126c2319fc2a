// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/smtpsender.h"

#include <KSMTP/LoginJob>
#include <KSMTP/SendJob>
#include <KSMTP/Session>
#include <QCoreApplication>

namespace Tidings {

namespace {
struct SmtpSenderText
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::SmtpSender)
};

KSmtp::Session::EncryptionMode encryptionOf(Security security)
{
    switch (security) {
    case Security::Tls:
        return KSmtp::Session::TLS;
    case Security::StartTls:
        return KSmtp::Session::STARTTLS;
    case Security::None:
        break;
    }
    return KSmtp::Session::Unencrypted;
}

bool mentions(const QString &reply, const QString &address)
{
    return !address.isEmpty() &&
           reply.contains(QLatin1Char('<') + address + QLatin1Char('>'), Qt::CaseInsensitive);
}
} // namespace

SmtpSender::SmtpSender(const Account &account, QObject *parent)
    : QObject(parent)
    , m_account(account)
{
    m_watchdog.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, &SmtpSender::onTimeout);
}

SmtpSender::~SmtpSender()
{
    delete m_session;
}

QString SmtpSender::where() const
{
    return QStringLiteral("%1:%2").arg(m_account.smtp.host).arg(m_account.smtp.port);
}

void SmtpSender::send(const QString &secret, const OutgoingMessage &message)
{
    Q_ASSERT(!m_session);
    m_secret = secret;
    m_message = message;
    if (m_account.smtp.host.isEmpty() || m_account.smtp.port == 0) {
        finish({SmtpOutcome::Permanent,
                {ErrorKind::BadInput,
                 SmtpSenderText::tr("account %1 has no SMTP server").arg(m_account.name)},
                {}});
        return;
    }
    m_session = new KSmtp::Session(m_account.smtp.host, m_account.smtp.port);
    m_session->setEncryptionMode(encryptionOf(m_account.smtp.security));
    m_session->setSocketTimeout(m_account.timeoutSeconds * 1000);
    connect(m_session, &KSmtp::Session::stateChanged, this,
            [this](KSmtp::Session::State state) { onSessionState(int(state)); });
    connect(m_session, &KSmtp::Session::connectionError, this, [this](const QString &error) {
        m_connectionError = error.simplified();
        // A refused connection or a rejected certificate ends the attempt; KSMTP reports no
        // state change for a socket that never connected.
        if (m_stage == Stage::Connecting)
            finish(connectFailure());
        else if (m_stage == Stage::LoggingIn)
            finish(networkFailure(m_connectionError));
    });
    m_stage = Stage::Connecting;
    m_watchdog.start(m_account.timeoutSeconds * 1000);
    m_session->open();
}

void SmtpSender::onSessionState(int state)
{
    if (m_stage == Stage::Finished)
        return;
    if (state == KSmtp::Session::Handshake)
        m_greeted = true;
    if (state == KSmtp::Session::NotAuthenticated && m_stage == Stage::Connecting) {
        login();
        return;
    }
    if (state != KSmtp::Session::Disconnected)
        return;
    switch (m_stage) {
    case Stage::Connecting:
        finish(connectFailure());
        return;
    case Stage::LoggingIn:
        finish(networkFailure(SmtpSenderText::tr("connection lost while logging in")));
        return;
    case Stage::Sending:
    case Stage::Finished:
        return; // the send job reports the loss itself
    }
}

void SmtpSender::login()
{
    // Never send credentials in the clear when encryption was asked for (KSMTP already quits
    // in that case; this guards against a version that does not).
    if (m_account.smtp.security == Security::StartTls && !m_session->allowsTls()) {
        finish(connectFailure());
        return;
    }
    m_stage = Stage::LoggingIn;
    m_watchdog.start(m_account.timeoutSeconds * 1000);
    auto *job = new KSmtp::LoginJob(m_session);
    job->setUserName(m_account.loginName());
    job->setPassword(m_secret);
    job->setPreferedAuthMode(m_account.oauthProvider.isEmpty() ? KSmtp::LoginJob::Plain
                                                               : KSmtp::LoginJob::XOAuth2);
    connect(job, &KJob::result, this, &SmtpSender::onLoginResult);
    job->start();
}

void SmtpSender::onLoginResult(KJob *job)
{
    if (m_stage != Stage::LoggingIn)
        return;
    if (!job->error()) {
        sendMessage();
        return;
    }
    if (m_session->state() == KSmtp::Session::Disconnected) {
        finish(networkFailure(job->errorText()));
        return;
    }
    const QString reply = serverReplyOf(job->errorText());
    finish({SmtpOutcome::AuthFailed,
            {ErrorKind::Authentication,
             SmtpSenderText::tr("SMTP server %1 refused the login of %2: %3")
                 .arg(where(), m_account.loginName(), reply.isEmpty() ? job->errorText() : reply)},
            reply});
}

void SmtpSender::sendMessage()
{
    m_stage = Stage::Sending;
    m_watchdog.start(m_account.timeoutSeconds * 1000 +
                     int(m_message.data.size() / MinimumBytesPerSecond) * 1000);
    auto *job = new KSmtp::SendJob(m_session);
    job->setFrom(m_message.envelopeFrom);
    job->setTo(m_message.recipients);
    job->setData(m_message.data);
    connect(job, &KJob::result, this, &SmtpSender::onSendResult);
    job->start();
}

void SmtpSender::onSendResult(KJob *job)
{
    if (m_stage != Stage::Sending)
        return;
    if (!job->error()) {
        finish({SmtpOutcome::Accepted, {}, {}});
        return;
    }
    if (m_session->state() == KSmtp::Session::Disconnected) {
        finish({SmtpOutcome::Uncertain,
                {ErrorKind::Network,
                 SmtpSenderText::tr("the connection to %1 was lost while sending (%2): the "
                                    "message may or may not have gone out")
                     .arg(where(), job->errorText())},
                {}});
        return;
    }
    finish(refusal(job->errorText()));
}

SmtpResult SmtpSender::refusal(const QString &ksmtpErrorText) const
{
    const QString reply = serverReplyOf(ksmtpErrorText);
    const QString shown = reply.isEmpty() ? ksmtpErrorText : reply;
    const SmtpOutcome outcome = classifyReply(ksmtpErrorText);
    if (outcome == SmtpOutcome::Transient)
        return {outcome,
                {ErrorKind::Network,
                 SmtpSenderText::tr("SMTP server %1 deferred the message: %2").arg(where(), shown)},
                reply};
    // A sender-login mismatch names the envelope sender and no recipient (Postfix:
    // "553 5.7.1 <x>: Sender address rejected: not owned by user y").
    bool namesRecipient = false;
    for (const QString &r : m_message.recipients)
        namesRecipient = namesRecipient || mentions(shown, r);
    const bool senderRefused = (mentions(shown, m_message.envelopeFrom) && !namesRecipient) ||
                               shown.contains(QLatin1String("sender address"), Qt::CaseInsensitive);
    if (senderRefused)
        return {outcome,
                {ErrorKind::Refused,
                 SmtpSenderText::tr("SMTP server %1 refused to send as %2 (identity %3): the "
                                    "server must allow account %4 (login %5) to send as that "
                                    "address. Server reply: %6")
                     .arg(where(), m_message.fromAddress, m_message.identity, m_account.name,
                          m_account.loginName(), shown)},
                reply};
    return {outcome,
            {ErrorKind::Refused,
             SmtpSenderText::tr("SMTP server %1 refused the message: %2").arg(where(), shown)},
            reply};
}

SmtpResult SmtpSender::connectFailure() const
{
    // KSMTP quits by itself when STARTTLS was asked for and the EHLO answer lacks it.
    if (m_greeted && m_account.smtp.security == Security::StartTls && !m_session->allowsTls())
        return {SmtpOutcome::Transient,
                {ErrorKind::Network,
                 SmtpSenderText::tr("SMTP server %1 does not offer STARTTLS; the password was "
                                    "not sent")
                     .arg(where())},
                {}};
    return networkFailure(m_connectionError.isEmpty()
                              ? SmtpSenderText::tr("connection closed before login")
                              : m_connectionError);
}

SmtpResult SmtpSender::networkFailure(const QString &cause) const
{
    return {SmtpOutcome::Transient,
            {ErrorKind::Network,
             SmtpSenderText::tr("cannot send through SMTP server %1: %2").arg(where(), cause)},
            {}};
}

void SmtpSender::onTimeout()
{
    switch (m_stage) {
    case Stage::Connecting:
    case Stage::LoggingIn:
        finish(networkFailure(SmtpSenderText::tr("no answer within %n second(s)", nullptr,
                                                 m_account.timeoutSeconds)));
        return;
    case Stage::Sending:
        finish({SmtpOutcome::Uncertain,
                {ErrorKind::Network,
                 SmtpSenderText::tr("SMTP server %1 stopped answering while the message was "
                                    "being sent: it may or may not have gone out")
                     .arg(where())},
                {}});
        return;
    case Stage::Finished:
        return;
    }
}

void SmtpSender::finish(const SmtpResult &result)
{
    if (m_stage == Stage::Finished)
        return;
    m_stage = Stage::Finished;
    m_watchdog.stop();
    m_secret.clear();
    if (m_session && m_session->state() != KSmtp::Session::Disconnected)
        m_session->quit();
    Q_EMIT finished(result);
}

} // namespace Tidings
