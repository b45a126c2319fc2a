// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Tidings {

// What one SMTP transaction came to. Only Accepted means the server took responsibility for
// the message (RFC 5321 4.1.1.4, 250 after DATA); every other outcome left it with us.
enum class SmtpOutcome
{
    Accepted,
    Transient, // 4xx, or the server could not be reached: try again later
    Permanent, // 5xx: this message will not go out as it is
    AuthFailed,
    // The connection dropped during the transaction: the server may have taken the message
    // before its answer was lost (RFC 1047), so sending again may deliver it twice.
    Uncertain,
};

struct SmtpResult
{
    SmtpOutcome outcome = SmtpOutcome::Accepted;
    Error error;         // one line for the user, the server's reply included
    QString serverReply; // as the server said it, when it said something
};

// The part of a KSMTP error text that the server wrote, from its RFC 3463 enhanced status
// code on ("5.7.1 <x>: Sender address rejected: ..."); empty when there is none.
QString serverReplyOf(const QString &ksmtpErrorText);
// Transient, Permanent or Uncertain for a failed KSMTP job with `errorText`. KSMTP does not
// hand out the reply code, only its text: the class digit of the enhanced status code that
// the text starts with (Postfix, Exim, Exchange, Gmail and Dovecot all send one) tells 4xx
// from 5xx. Without one, only KSMTP's 421 text is known to be transient.
SmtpOutcome classifyReply(const QString &ksmtpErrorText);

// The message and its SMTP envelope.
struct OutgoingMessage
{
    QString envelopeFrom;   // MAIL FROM
    QStringList recipients; // RCPT TO, To + Cc + Bcc
    QByteArray data;        // CRLF line ends
    QString identity;       // Identity::label() or key, named in a refusal
    QString fromAddress;    // the From: address, for the sender-refused message
};

} // namespace Tidings

Q_DECLARE_METATYPE(Tidings::SmtpResult)
