// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"
#include "core/error.h"

#include <QHash>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace Tidings {

class Database;

// What the cache remembers of a mailbox between syncs (RFC 3501 2.3.1.1, RFC 7162).
struct MailboxSyncState
{
    qint64 id = 0;
    qint64 uidValidity = 0;
    quint64 highestModSeq = 0;
    qint64 uidNext = 0;
};

// Envelopes and sync state of every mailbox of a profile, in SQLite.
class MessageCache
{
public:
    explicit MessageCache(Database &db);

    // The SQLite file, for a second connection on another thread (MessageWriter).
    QString databasePath() const;
    // See Database::checkpointWhenIdle().
    void checkpointWhenIdle();
    // See Database::changeCount(): writes through this cache's connection.
    qint64 changeCount() const;

    // Creates the mailbox row on first use.
    MailboxSyncState state(const QString &account, const QString &path, Error *error = nullptr);
    Error saveState(const MailboxSyncState &state);

    // Each call is one transaction.
    Error store(qint64 mailboxId, const QList<Envelope> &envelopes);
    Error setFlags(qint64 mailboxId, const QHash<qint64, MessageFlags> &flags);
    Error remove(qint64 mailboxId, const QList<qint64> &uids);
    // A resync's changes in one transaction: `removed` go, and each cached UID of `flags`
    // takes its flags; `changed` gets those whose flags differed (UIDs not cached are left
    // out: to a resync they are new mail).
    Error update(qint64 mailboxId, const QList<qint64> &removed,
                 const QHash<qint64, MessageFlags> &flags, QHash<qint64, MessageFlags> *changed);
    Error clear(qint64 mailboxId); // UIDVALIDITY changed: every cached UID is meaningless

    QList<qint64> uids(qint64 mailboxId) const;
    QHash<qint64, MessageFlags> flags(qint64 mailboxId, Error *error = nullptr) const;
    qsizetype count(qint64 mailboxId) const;       // -1 when the cache cannot be read
    qsizetype unreadCount(qint64 mailboxId) const; // -1 when the cache cannot be read
    // Drops every mailbox and message of an account (the account was removed).
    Error forgetAccount(const QString &account);
    // Newest first.
    QList<Envelope> envelopes(qint64 mailboxId) const;
    // One message, for a list row on screen; nullopt when it is not cached.
    std::optional<Envelope> envelope(qint64 mailboxId, qint64 uid) const;

    // What threading a mailbox needs, in envelopes()' order, one row at a time so a large
    // mailbox is never held as strings. `refs` is space-separated.
    // The views last for the call only.
    using ThreadingRow = std::function<void(qint64 uid, qint64 dateSecs, MessageFlags flags,
                                            QByteArrayView messageId, QByteArrayView inReplyTo,
                                            QByteArrayView refs)>;
    Error forEachThreadingRow(qint64 mailboxId, const ThreadingRow &row) const;
    // The same for these UIDs only, in no particular order.
    Error forEachThreadingRow(qint64 mailboxId, const QList<qint64> &uids,
                              const ThreadingRow &row) const;
    // Every cached UID with its flags, in no particular order.
    Error forEachFlags(qint64 mailboxId,
                       const std::function<void(qint64 uid, MessageFlags flags)> &row) const;

private:
    Database &m_db;
};

} // namespace Tidings
