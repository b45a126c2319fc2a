// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mailboxchanges.h"

namespace Tidings {

void MailboxListing::reserve(qsizetype messages)
{
    input.messages.reserve(messages);
    flags.reserve(messages);
}

void MailboxListing::append(const Envelope &e)
{
    QByteArrayList references;
    references.reserve(e.references.size());
    for (const QByteArray &r : e.references)
        references.append(idsAsText(r));
    input.append(e.uid, threadTimeOfCached(e.date.isValid() ? e.date.toSecsSinceEpoch() : 0),
                 idsAsText(e.messageId), references, idsAsText(e.inReplyTo));
    flags.append(e.flags);
}

} // namespace Tidings
