// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/mailaction.h"

#include <QVariantList>

namespace Tidings {

class Database;

// What an action does to the message cache: applied when it is queued (and again over a
// sync that wrote the server's older state), rolled back when the server refuses it or the
// user cancels it, and an undone move's rows renumbered once the server gave their UIDs.
// Every call runs inside the caller's transaction.
class ActionEffects
{
public:
    explicit ActionEffects(Database &db);

    // Creates the mailbox row on first use.
    qint64 mailboxId(const QString &account, const QString &path, Error *error);
    // A move first keeps the rows aside (saveRows) for a rollback or an undo.
    Error apply(const MailAction &action, bool saveRows);
    Error rollback(const MailAction &action);
    // `items` as the replay completed them, with the UIDs a move got in its target.
    Error renumber(const MailAction &action, const QList<ActionItem> &items);

private:
    Database &m_db;
};

// Runs one statement with `values` bound in order; the error names `what`.
Error execBound(Database &db, const QString &sql, const QVariantList &values, const char *what);

} // namespace Tidings
