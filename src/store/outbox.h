// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/outboxentry.h"

#include <QList>
#include <optional>

namespace Tidings {

class Database;

// The persisted send state machine (core/OutboxEntry). Every transition is its own committed
// transaction, so a crash at any point leaves a state the next start can act on; the only
// step that is never repeated is SMTP, and the store enforces that: claim() takes only a
// queued entry, and nothing moves an accepted entry back.
class Outbox
{
public:
    explicit Outbox(Database &db);

    // Stores a new queued entry; `entry.id` and `entry.created` are set.
    Error enqueue(OutboxEntry &entry);

    QList<OutboxEntry> entries() const; // oldest first, every state
    std::optional<OutboxEntry> find(qint64 id) const;
    // Queued entries whose retry time has come, and accepted/saved ones whose next step has.
    QList<OutboxEntry> due(const QDateTime &now) const;
    // The earliest retry time of an entry still waiting, invalid when none waits.
    QDateTime nextRetry() const;

    // Queued -> Sending for process `ownerPid`. False when another process (or a retry in
    // this one) took it first, or it is not queued any more.
    bool claim(qint64 id, qint64 ownerPid, Error *error);
    // Sending -> Accepted, committed on its own: the SMTP server said 250 to DATA.
    Error markAccepted(qint64 id);
    // Sending -> Queued: not sent (4xx, unreachable); tried again at `retryAt`.
    Error markTransient(qint64 id, const QString &cause, const QDateTime &retryAt);
    // Sending -> Failed: refused for good; the bytes stay for editing.
    Error markFailed(qint64 id, const QString &cause);
    // Sending -> Interrupted: the connection dropped mid-transaction, outcome unknown.
    Error markInterrupted(qint64 id, const QString &cause);
    // Accepted -> Saved.
    Error markSaved(qint64 id);
    // Accepted stays Accepted: the Sent copy failed and is tried again at `retryAt`.
    Error markSaveFailed(qint64 id, const QString &cause, const QDateTime &retryAt);
    // Saved -> Done; `note` is kept as last_error when something secondary went wrong.
    Error markDone(qint64 id, const QString &note = {});

    // Start-up: an entry left Sending by a process that no longer runs becomes Interrupted;
    // it is never sent again by itself. Returns how many.
    int recoverInterrupted(Error *error);
    // The user asks to send a failed, interrupted or waiting entry (again) now.
    Error requeue(qint64 id);
    // The user edited a failed, interrupted or waiting entry: new bytes and recipients.
    Error replace(const OutboxEntry &entry);
    // Discards an entry that has not been accepted (queued, failed, interrupted), or a done one.
    Error remove(qint64 id);

private:
    Error transition(qint64 id, const QList<OutboxState> &from, OutboxState to,
                     const QString &sqlSet, const QVariantList &values, const char *what);
    QList<OutboxEntry> select(const QString &where, const QVariantList &values) const;

    Database &m_db;
};

// True when process `pid` still runs (a `sending` entry of it is in flight, not abandoned).
bool processIsAlive(qint64 pid);

} // namespace Tidings
