// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/draft.h"
#include "core/error.h"
#include "core/identity.h"

#include <QByteArray>
#include <QDateTime>

namespace Tidings {

// Turns a Draft into the RFC 5322 message that goes to SMTP and to the Sent copy, with KMime.
// From is the identity; Sender is the account owner for an on-behalf identity only (RFC 5322
// 3.6.2); Bcc recipients are never written into the headers (they travel as RCPT TO only).
class MessageComposer
{
public:
    MessageComposer(const Identity &identity, const Address &accountOwner);

    // The Date header; now when not set (tests fix it).
    void setDate(const QDateTime &date) { m_date = date; }

    enum class Purpose
    {
        Send,  // needs a recipient; Bcc only in the envelope
        Draft, // for the Drafts mailbox: may have no recipient yet, keeps Bcc
    };

    // Fills in draft.messageId when it is empty (generated once with the identity's domain,
    // so a resend after an edit keeps it) and returns the message with CRLF line ends.
    Error compose(Draft &draft, QByteArray *mime, Purpose purpose = Purpose::Send) const;

    // The body text with the identity's signature after "-- " (RFC 3676 4.3), unless the
    // text already carries it.
    QString bodyWithSignature(const QString &body) const;
    // The same for an HTML body, in a <div> before </body>.
    QString htmlWithSignature(const QString &htmlBody) const;

    // The header a draft names the message it answers in: account, mailbox (base64) and UID.
    static constexpr const char *AnswersHeader = "X-Tidings-Answers";

    // A Message-ID (without angle brackets) in the domain of `email`.
    static QByteArray generateMessageId(const QString &email);

private:
    Identity m_identity;
    Address m_owner;
    QDateTime m_date;
};

} // namespace Tidings
