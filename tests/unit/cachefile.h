// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/database.h"
#include "store/messagecache.h"

#include <QTemporaryDir>
#include <memory>

// A cache file of its own in a temporary folder, with one mailbox (account "a", INBOX),
// for the tests of the store and of the lists on top of it.
struct CacheFile
{
    QTemporaryDir dir;
    Tidings::Database db{dir.filePath(QStringLiteral("cache.sqlite"))};
    std::unique_ptr<Tidings::MessageCache> cache;
    qint64 box = 0; // the mailbox's id, once open()

    bool open()
    {
        if (db.open().isError())
            return false;
        cache = std::make_unique<Tidings::MessageCache>(db);
        box = cache->state(QStringLiteral("a"), QStringLiteral("INBOX")).id;
        return box > 0;
    }
};
