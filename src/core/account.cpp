// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/account.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace Tidings {

namespace {
constexpr quint16 ImapsPort = 993;
constexpr quint16 ImapPort = 143;
constexpr quint16 SmtpsPort = 465;
constexpr quint16 SubmissionPort = 587;

// Gives lupdate and tr() the same context for the free functions below.
struct AccountText
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::Account)
};
} // namespace

QString securityToString(Security security)
{
    switch (security) {
    case Security::Tls:
        return QStringLiteral("tls");
    case Security::StartTls:
        return QStringLiteral("starttls");
    case Security::None:
        return QStringLiteral("none");
    }
    return {};
}

std::optional<Security> securityFromString(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("tls") || t == QLatin1String("ssl"))
        return Security::Tls;
    if (t == QLatin1String("starttls"))
        return Security::StartTls;
    if (t == QLatin1String("none") || t == QLatin1String("plain"))
        return Security::None;
    return std::nullopt;
}

bool ServerEndpoint::isLoopback() const
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

quint16 defaultImapPort(Security security)
{
    return security == Security::Tls ? ImapsPort : ImapPort;
}

quint16 defaultSmtpPort(Security security)
{
    return security == Security::Tls ? SmtpsPort : SubmissionPort;
}

QString Account::validate() const
{
    if (name.trimmed().isEmpty())
        return AccountText::tr("the account has no name");
    if (name.contains(QLatin1Char('/')))
        return AccountText::tr("the account name must not contain '/'");
    if (!email.contains(QLatin1Char('@')))
        return AccountText::tr("'%1' is not an e-mail address").arg(email);
    if (imap.host.isEmpty())
        return AccountText::tr("no IMAP host given");
    if (imap.port == 0)
        return AccountText::tr("the IMAP port must be between 1 and 65535");
    if (imap.security == Security::None && !imap.isLoopback() && !plainConfirmed)
        return AccountText::tr(
                   "refusing an unencrypted connection to %1: only loopback hosts may be used "
                   "without TLS unless you confirm it")
            .arg(imap.host);
    if (!smtp.host.isEmpty() && smtp.security == Security::None && !smtp.isLoopback() &&
        !plainConfirmed)
        return AccountText::tr(
                   "refusing an unencrypted connection to %1: only loopback hosts may be used "
                   "without TLS unless you confirm it")
            .arg(smtp.host);
    return {};
}

} // namespace Tidings
