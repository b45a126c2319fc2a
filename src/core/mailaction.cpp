// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mailaction.h"

namespace Tidings {

QList<qint64> MailAction::uids() const
{
    QList<qint64> out;
    for (const ActionItem &item : items) {
        if (item.uid > 0)
            out.append(item.uid);
    }
    return out;
}

QByteArrayList flagsToImap(MessageFlags flags)
{
    QByteArrayList out;
    if (flags.testFlag(MessageFlag::Seen))
        out.append("\\Seen");
    if (flags.testFlag(MessageFlag::Flagged))
        out.append("\\Flagged");
    if (flags.testFlag(MessageFlag::Answered))
        out.append("\\Answered");
    if (flags.testFlag(MessageFlag::Deleted))
        out.append("\\Deleted");
    if (flags.testFlag(MessageFlag::Draft))
        out.append("\\Draft");
    return out;
}

} // namespace Tidings
