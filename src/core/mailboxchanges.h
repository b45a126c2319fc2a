// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"

#include <QHash>
#include <QList>

namespace Tidings {

// What one sync changed in a cached mailbox, message by message, so a list showing the
// mailbox can apply it where it stands instead of reading 100,000 rows again (which also
// keeps the reader's selection and open threads). Not itemised (`itemised` false) after a
// full fetch, or when more arrived than a list should take one by one: reload then.
struct MailboxChanges
{
    bool itemised = false;
    QHash<qint64, MessageFlags> flags; // UID -> its flags now
    QList<qint64> removed;
    QList<qint64> added;

    bool isEmpty() const { return flags.isEmpty() && removed.isEmpty() && added.isEmpty(); }
    // Beyond this many new messages a reload is cheaper than threading them one by one.
    static constexpr int MaxAdded = 2000;
};

} // namespace Tidings
