// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/envelopeconverter.h"

#include <KMime/Headers>
#include <KMime/Message>

namespace Tidings {

namespace {
Address toAddress(const KMime::Types::Mailbox &mailbox)
{
    return {mailbox.name().trimmed(), QString::fromUtf8(mailbox.address()).trimmed()};
}
} // namespace

Envelope envelopeFromFetch(const KIMAP::Message &message, Recipients recipients)
{
    Envelope e;
    e.uid = message.uid;
    e.size = message.size;
    e.flags = flagsFromImap(message.flags);
    const KIMAP::MessagePtr &m = message.message;
    if (m) {
        if (const auto *subject = m->subject(false))
            // KMime keeps the CR of IMAP's CRLF line ends in unstructured fields.
            e.subject = subject->asUnicodeString().trimmed();
        if (const auto *from = m->from(false); from && !from->mailboxes().isEmpty())
            e.from = toAddress(from->mailboxes().constFirst());
        if (const auto *to = recipients == Recipients::Include ? m->to(false) : nullptr) {
            for (const auto &mb : to->mailboxes())
                e.to.append(toAddress(mb));
        }
        // KIMAP 24.12 seeds Date from INTERNALDATE, but the parse() of the header block that
        // follows drops that seed: a message without a valid Date: gets no date here.
        // readHeaderFields() (headerfields.h) falls back to INTERNALDATE itself.
        if (const auto *date = m->date(false); date && date->dateTime().isValid())
            e.date = date->dateTime();
        if (const auto *id = m->messageID(false))
            e.messageId = id->identifier();
        if (const auto *irt = m->header<KMime::Headers::InReplyTo>();
            irt && !irt->identifiers().isEmpty())
            e.inReplyTo = irt->identifiers().constFirst();
        if (const auto *refs = m->references(false))
            e.references = refs->identifiers();
    }
    return e;
}

} // namespace Tidings
