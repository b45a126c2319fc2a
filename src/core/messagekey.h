// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHashFunctions>
#include <QtGlobal>

namespace Tidings {

// A message wherever it is listed: UIDs repeat across mailboxes (RFC 3501 2.3.1.1), so a
// list showing several mailboxes (the unified inbox) names a message by the cache's id of
// its mailbox and its UID there.
struct MessageKey
{
    qint64 mailboxId = 0;
    qint64 uid = 0;

    bool isValid() const { return mailboxId > 0 && uid > 0; }
    friend bool operator==(const MessageKey &, const MessageKey &) = default;
};

inline size_t qHash(const MessageKey &key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.mailboxId, key.uid);
}

} // namespace Tidings
