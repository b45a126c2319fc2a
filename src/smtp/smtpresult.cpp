// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtp/smtpresult.h"

#include <QRegularExpression>

namespace Tidings {

namespace {
// RFC 3463 2: class "." subject "." detail, class 2, 4 or 5.
const QRegularExpression &enhancedCode()
{
    static const QRegularExpression re(
        QStringLiteral("(?<![\\d.])([245])\\.\\d{1,3}\\.\\d{1,3}(?![\\d.])"));
    return re;
}
// KSMTP's text for 421 (the server is closing the channel), which carries no server text.
const QLatin1String ServiceNotAvailable("Service not available");
} // namespace

QString serverReplyOf(const QString &ksmtpErrorText)
{
    const QRegularExpressionMatch m = enhancedCode().match(ksmtpErrorText);
    return m.hasMatch() ? ksmtpErrorText.mid(m.capturedStart()).trimmed() : QString();
}

SmtpOutcome classifyReply(const QString &ksmtpErrorText)
{
    const QRegularExpressionMatch m = enhancedCode().match(ksmtpErrorText);
    if (m.hasMatch())
        return m.captured(1) == QLatin1String("4") ? SmtpOutcome::Transient
                                                   : SmtpOutcome::Permanent;
    if (ksmtpErrorText.startsWith(ServiceNotAvailable))
        return SmtpOutcome::Transient;
    // Unknown class: stop and keep the message for the user rather than retry blindly.
    return SmtpOutcome::Permanent;
}

} // namespace Tidings
