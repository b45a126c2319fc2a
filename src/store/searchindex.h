// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QList>
#include <QString>

namespace Tidings {

class Database;

// Local full-text search (SQLite FTS5) over subject, sender, recipients and body text.
// Envelopes are indexed after a sync, in small steps (indexPending), so the sync itself
// never waits for the index; bodies are indexed when they are fetched (indexBody).
class SearchIndex
{
public:
    explicit SearchIndex(Database &db);

    // Indexes up to `limit` envelopes that are not in the index yet; `indexed` says how
    // many were (0: the index is complete).
    Error indexPending(int limit, int *indexed);
    Error indexBody(qint64 mailboxId, qint64 uid, const QString &recipients, const QString &text);
    // UIDs in the mailbox whose text matches every word of `text` (prefixes match too).
    QList<qint64> search(qint64 mailboxId, const QString &text, Error *error = nullptr) const;

    // The FTS5 query for what a user typed: every word must occur, as a word or a prefix;
    // FTS5 operators in the input are taken literally.
    static QString matchExpression(const QString &text);
    // One step is one write transaction. Every other write (the sync's writer, a user's
    // action on the GUI thread) waits for it: measured after a cold sync of 100k messages,
    // a step of 2,000 held the lock 100-150 ms, one of 500 about a quarter of that.
    static constexpr int StepSize = 500;

private:
    Database &m_db;
    // Where indexPending goes on: (mailbox_id, uid) of the last envelope it indexed.
    qint64 m_cursorMailbox = 0;
    qint64 m_cursorUid = 0;
};

} // namespace Tidings
