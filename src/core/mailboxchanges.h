// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"
#include "core/threadinput.h"

#include <QHash>
#include <QList>
#include <memory>

namespace Tidings {

// A whole mailbox as a list threads it, in the form the cache keeps it in (dates to the
// second, Message-IDs as text), so it threads exactly as the cache read back would.
struct MailboxListing
{
    ThreadInput input;         // in the order appended
    QList<MessageFlags> flags; // of input.messages[i]

    void reserve(qsizetype messages);
    void append(const Envelope &e);
    qsizetype size() const { return input.messages.size(); }
};

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
    // After a full fetch: every message the cache now holds for the mailbox, as fetched, so
    // a list need not read them back. Null when the sync cannot vouch for that (something
    // else wrote to the cache meanwhile, or the fetch needed mending).
    std::shared_ptr<const MailboxListing> listing;

    bool isEmpty() const { return flags.isEmpty() && removed.isEmpty() && added.isEmpty(); }
    // Beyond this many new messages a reload is cheaper than threading them one by one.
    static constexpr int MaxAdded = 2000;
};

} // namespace Tidings
