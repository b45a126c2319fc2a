// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/messagelistmodel.h"

#include <limits>
#include <memory>

namespace Tidings {

// A message without a valid date, in threadTime() terms.
constexpr qint64 NoThreadTime = std::numeric_limits<qint64>::min();

// Reads and threads one cached mailbox through a connection of its own, so it runs on any
// thread (the list model's loads run on a pool thread). Per message only numbers are kept.
// With `previous` (the last load's input), only messages it lacks are read.
MessageListModel::Loaded loadMessageList(const QString &databasePath, qint64 mailboxId,
                                         const std::shared_ptr<const ThreadInput> &previous);

// Per thread: its latest date, its unread messages and its size, kept at the root.
void countThreads(MessageListModel::Loaded &loaded);

} // namespace Tidings
