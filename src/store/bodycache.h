// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QHash>
#include <optional>

namespace Tidings {

class Database;

// Messages fetched when first opened, so a message read once opens offline and instantly.
// Either whole (RFC 5322 bytes), or, for a big message, part by part: its header and
// BODYSTRUCTURE, and the parts fetched so far (the text shown, the attachments saved).
// Rows go with their envelope (triggers in the schema).
class BodyCache
{
public:
    explicit BodyCache(Database &db);

    // One fetched part: its MIME header and its bytes as sent (transfer-encoded).
    struct Part
    {
        QByteArray mime;
        QByteArray data;
    };
    // What is cached of one message.
    struct Entry
    {
        QByteArray raw;       // the whole message, or only its header when structure is set
        QByteArray structure; // BODYSTRUCTURE as the server sent it; empty for a whole message
        bool isPartial() const { return !structure.isEmpty(); }
    };

    // A whole message; replaces a partial entry and its parts.
    Error store(qint64 mailboxId, qint64 uid, const QByteArray &raw);
    // A message opened part by part: its header and structure, then its parts one by one.
    Error storePartial(qint64 mailboxId, qint64 uid, const QByteArray &header,
                       const QByteArray &structure, const QHash<QByteArray, Part> &parts);
    Error storePart(qint64 mailboxId, qint64 uid, const QByteArray &section, const Part &part);

    // Nothing when the body was never fetched.
    std::optional<Entry> entry(qint64 mailboxId, qint64 uid, Error *error = nullptr) const;
    // The whole message; nothing also when only some of its parts are here.
    std::optional<QByteArray> raw(qint64 mailboxId, qint64 uid, Error *error = nullptr) const;
    QHash<QByteArray, Part> parts(qint64 mailboxId, qint64 uid, Error *error = nullptr) const;
    std::optional<Part> part(qint64 mailboxId, qint64 uid, const QByteArray &section,
                             Error *error = nullptr) const;
    // Bytes held for one message, body and parts (tests check what a big message costs).
    qint64 storedBytes(qint64 mailboxId, qint64 uid) const;

private:
    Error insertPart(qint64 mailboxId, qint64 uid, const QByteArray &section, const Part &part);

    Database &m_db;
};

} // namespace Tidings
