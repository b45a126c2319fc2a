// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <optional>

namespace Tidings {

class Database;

// Whole messages (RFC 5322 bytes) fetched when first opened, so a message read once opens
// offline and instantly. Rows go with their envelope (a trigger in the schema).
class BodyCache
{
public:
    explicit BodyCache(Database &db);

    Error store(qint64 mailboxId, qint64 uid, const QByteArray &raw);
    // Nothing when the body was never fetched.
    std::optional<QByteArray> raw(qint64 mailboxId, qint64 uid, Error *error = nullptr) const;

private:
    Database &m_db;
};

} // namespace Tidings
