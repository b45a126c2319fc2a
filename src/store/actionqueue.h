// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/mailaction.h"
#include "store/actioneffects.h"

#include <QList>
#include <optional>

namespace Tidings {

class Database;

// The persistent queue of user actions. Queuing applies the action to the message cache in
// the same transaction (optimistic: the list shows it at once, also offline), so a crash
// leaves either both or neither. The replay (imap/ActionReplayer) takes pending actions
// oldest first and reports each back as done, failed (rolled back) or still pending.
class ActionQueue
{
public:
    explicit ActionQueue(Database &db);

    // Fills in the items' Message-IDs and flags from the cache, applies the action to the
    // cache and queues it; `action.id` is set.
    Error enqueue(MailAction &action);

    QList<MailAction> pending() const; // oldest first
    std::optional<MailAction> find(qint64 id) const;
    bool hasPending() const;
    // Pending actions take messages out of or put them into this mailbox.
    bool hasPendingFor(const QString &account, const QString &path) const;

    // The server confirmed the action; `items` carry the UIDs a move got in its target.
    Error complete(qint64 id, const QList<ActionItem> &items = {});
    // Not sent (offline, connection lost): stays queued for the next attempt.
    Error recordAttempt(qint64 id, const QString &cause);
    // The server refused: the cache is rolled back and the affected mailboxes are marked so
    // their next sync compares every flag and UID with the server.
    Error fail(qint64 id, const QString &cause);

    // Reverses the newest action not yet undone: a pending one (not `inFlight`, which the
    // replay is sending right now) is cancelled and rolled back; otherwise the inverse action
    // is queued. `undone` gets the reversed action; Error::none() with id 0 if nothing is left.
    Error undoLast(const QList<qint64> &inFlight, MailAction *undone);

    // A sync wrote the server's state over the optimistic one: puts pending actions on
    // `path` back on top so the list does not flicker back until they are replayed.
    Error reapplyPending(const QString &account, const QString &path);

    // Finished actions kept for undo; older ones are dropped.
    static constexpr int HistoryLimit = 200;

private:
    Error enqueueInTransaction(MailAction &action);
    Error setState(qint64 id, ActionState state, const QString &cause);
    Error insert(MailAction &action);
    Error prune();
    MailAction inverseOf(const MailAction &action) const;
    QList<MailAction> select(const QString &where, const QVariantList &values) const;

    Database &m_db;
    ActionEffects m_effects;
};

} // namespace Tidings
