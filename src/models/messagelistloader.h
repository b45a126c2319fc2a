// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/messagelistmodel.h"

#include <memory>

namespace Tidings {

// The order a load lists messages in (MessageCache::forEachThreadingRow()): newest first,
// then by UID. Threading depends on it: the first message to name a parent wins.
inline bool listedBefore(const ThreadInput::Message &a, const ThreadInput::Message &b)
{
    return a.when != b.when ? a.when > b.when : a.uid > b.uid;
}

// Reads and threads one cached mailbox through a connection of its own, so it runs on any
// thread (the list model's loads run on a pool thread). Per message only numbers are kept.
// With `previous` (the last load's input), only messages it lacks are read.
MessageListModel::Loaded loadMessageList(const QString &databasePath, qint64 mailboxId,
                                         const std::shared_ptr<const ThreadInput> &previous);

// A sync's listing of a whole mailbox (MailboxChanges::listing) threaded as a load of it
// from the cache would be, without reading the cache.
MessageListModel::Loaded loadListing(const MailboxListing &listing);

// Several cached mailboxes (the unified inbox) in one list: each read and threaded on its
// own, so a conversation never joins messages of two accounts. `previous` holds the last
// load's parts, for incremental reads per mailbox.
MessageListModel::Loaded loadMessageLists(const QString &databasePath,
                                          const QList<qint64> &mailboxIds,
                                          const QList<MessageListModel::Part> &previous);

// Appends `part`, one mailbox threaded on its own, after what `into` holds: its node
// indices move up by the messages already there.
void appendLoaded(MessageListModel::Loaded &into, MessageListModel::Loaded &&part,
                  qint64 mailboxId);

// Per thread: its latest date, its unread messages and its size, kept at the root.
void countThreads(MessageListModel::Loaded &loaded);

} // namespace Tidings
