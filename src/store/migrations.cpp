// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/migrations.h"
#include "store/database.h"
#include "store/transaction.h"

#include <QStringList>

namespace Tidings {

namespace {
// Migration N (1-based) brings user_version from N-1 to N.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> all = {
        // 1: mailboxes with their sync state, message envelopes.
        {
            QStringLiteral("CREATE TABLE mailbox ("
                           " id INTEGER PRIMARY KEY,"
                           " account TEXT NOT NULL,"
                           " path TEXT NOT NULL,"
                           " uidvalidity INTEGER NOT NULL DEFAULT 0,"
                           " highestmodseq INTEGER NOT NULL DEFAULT 0,"
                           " uidnext INTEGER NOT NULL DEFAULT 0,"
                           " UNIQUE (account, path))"),
            QStringLiteral("CREATE TABLE message ("
                           " mailbox_id INTEGER NOT NULL REFERENCES mailbox(id) ON DELETE CASCADE,"
                           " uid INTEGER NOT NULL,"
                           " flags INTEGER NOT NULL DEFAULT 0,"
                           " subject TEXT NOT NULL DEFAULT '',"
                           " from_name TEXT NOT NULL DEFAULT '',"
                           " from_email TEXT NOT NULL DEFAULT '',"
                           " date INTEGER NOT NULL DEFAULT 0,"
                           " size INTEGER NOT NULL DEFAULT 0,"
                           " message_id TEXT NOT NULL DEFAULT '',"
                           " in_reply_to TEXT NOT NULL DEFAULT '',"
                           " refs TEXT NOT NULL DEFAULT '',"
                           " thread_id INTEGER NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (mailbox_id, uid)) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX message_by_date ON message (mailbox_id, date)"),
            QStringLiteral("CREATE INDEX message_by_message_id ON message (message_id)"),
            QStringLiteral("CREATE INDEX message_by_thread ON message (thread_id)"),
        },
        // 2: message bodies fetched on demand, senders whose remote content may load.
        {
            QStringLiteral("CREATE TABLE body ("
                           " mailbox_id INTEGER NOT NULL REFERENCES mailbox(id) ON DELETE CASCADE,"
                           " uid INTEGER NOT NULL,"
                           " raw BLOB NOT NULL,"
                           " PRIMARY KEY (mailbox_id, uid)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE remote_content_sender ("
                           " email TEXT PRIMARY KEY COLLATE NOCASE) WITHOUT ROWID"),
            // Expunged or cleared messages take their bodies with them. INSERT OR REPLACE of
            // an envelope does not fire this (recursive_triggers is off), so a resync keeps them.
            QStringLiteral("CREATE TRIGGER message_deleted AFTER DELETE ON message BEGIN"
                           " DELETE FROM body WHERE mailbox_id = old.mailbox_id AND uid = old.uid;"
                           " END"),
        },
        // 3: full-text search. Contentless (the text lives in message and body already);
        // the rowid is (mailbox_id << 32 | uid), as a UID is 32 bits (RFC 3501 2.3.1.1).
        {
            QStringLiteral("CREATE VIRTUAL TABLE message_fts USING fts5("
                           " subject, sender, recipients, body,"
                           " content='', contentless_delete=1,"
                           " tokenize='unicode61 remove_diacritics 2')"),
            // 0 until the envelope is in message_fts; an envelope stored again starts at 0.
            QStringLiteral("ALTER TABLE message ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE body ADD COLUMN text TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE body ADD COLUMN recipients TEXT NOT NULL DEFAULT ''"),
            QStringLiteral(
                "CREATE TRIGGER message_unindexed AFTER DELETE ON message BEGIN"
                " DELETE FROM message_fts WHERE rowid = (old.mailbox_id << 32) | old.uid;"
                " END"),
        },
        // 4: no query reads these two, and every insert paid for them. Measured, 100,000
        // envelopes in batches of 5,000: 2.05 s with them, 1.0 s without; the Message-ID one
        // alone was 0.9 s (random keys). Threading reads the whole mailbox instead.
        {
            QStringLiteral("DROP INDEX message_by_message_id"),
            QStringLiteral("DROP INDEX message_by_thread"),
        },
        // 5: the persistent action queue (store/ActionQueue): user actions applied to the cache
        // at once and replayed on the server; rows a move took out of the cache, for rollback.
        {
            QStringLiteral("CREATE TABLE action ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " account TEXT NOT NULL,"
                           " mailbox TEXT NOT NULL,"
                           " kind INTEGER NOT NULL,"
                           " flags INTEGER NOT NULL DEFAULT 0,"
                           " target TEXT NOT NULL DEFAULT '',"
                           " uidvalidity INTEGER NOT NULL DEFAULT 0,"
                           " state INTEGER NOT NULL DEFAULT 0,"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " last_error TEXT NOT NULL DEFAULT '',"
                           " undo_of INTEGER NOT NULL DEFAULT 0,"
                           " undone INTEGER NOT NULL DEFAULT 0,"
                           " created INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX action_by_state ON action (state, id)"),
            QStringLiteral("CREATE TABLE action_item ("
                           " action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,"
                           " seq INTEGER NOT NULL,"
                           " uid INTEGER NOT NULL DEFAULT 0,"
                           " message_id TEXT NOT NULL DEFAULT '',"
                           " old_flags INTEGER NOT NULL DEFAULT 0,"
                           " result_uid INTEGER NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (action_id, seq)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE action_saved_message ("
                           " action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,"
                           " uid INTEGER NOT NULL,"
                           " flags INTEGER NOT NULL DEFAULT 0,"
                           " subject TEXT NOT NULL DEFAULT '',"
                           " from_name TEXT NOT NULL DEFAULT '',"
                           " from_email TEXT NOT NULL DEFAULT '',"
                           " date INTEGER NOT NULL DEFAULT 0,"
                           " size INTEGER NOT NULL DEFAULT 0,"
                           " message_id TEXT NOT NULL DEFAULT '',"
                           " in_reply_to TEXT NOT NULL DEFAULT '',"
                           " refs TEXT NOT NULL DEFAULT '',"
                           " thread_id INTEGER NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (action_id, uid)) WITHOUT ROWID"),
        },
        // 6: actions the client takes by itself (read on open) are not offered for undo.
        {
            QStringLiteral("ALTER TABLE action ADD COLUMN undoable INTEGER NOT NULL DEFAULT 1"),
        },
        // 7: the outbox (store/Outbox): each message on its way out with its exact MIME
        // bytes and where its send stands, so an accepted message is never sent twice.
        {
            QStringLiteral("CREATE TABLE outbox ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " account TEXT NOT NULL,"
                           " identity TEXT NOT NULL,"
                           " draft_id INTEGER NOT NULL DEFAULT 0,"
                           " message_id TEXT NOT NULL,"
                           " subject TEXT NOT NULL DEFAULT '',"
                           " envelope_from TEXT NOT NULL,"
                           " recipients TEXT NOT NULL,"
                           " mime BLOB NOT NULL,"
                           " sent_mailbox TEXT NOT NULL DEFAULT '',"
                           " answered_account TEXT NOT NULL DEFAULT '',"
                           " answered_mailbox TEXT NOT NULL DEFAULT '',"
                           " answered_uid INTEGER NOT NULL DEFAULT 0,"
                           " state INTEGER NOT NULL DEFAULT 0,"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " retry_at INTEGER NOT NULL DEFAULT 0,"
                           " last_error TEXT NOT NULL DEFAULT '',"
                           " owner_pid INTEGER NOT NULL DEFAULT 0,"
                           " created INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX outbox_by_state ON outbox (state, retry_at)"),
        },
        // 8: local drafts (store/DraftStore): the whole Draft as one versioned blob, the
        // columns a Drafts list shows, and where the server copy is. Addresses the user has
        // sent to, for completion (models/AddressCompleter).
        {
            QStringLiteral("CREATE TABLE draft ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " identity TEXT NOT NULL DEFAULT '',"
                           " subject TEXT NOT NULL DEFAULT '',"
                           " recipients TEXT NOT NULL DEFAULT '',"
                           " content BLOB NOT NULL,"
                           " server_account TEXT NOT NULL DEFAULT '',"
                           " server_mailbox TEXT NOT NULL DEFAULT '',"
                           " server_uid INTEGER NOT NULL DEFAULT 0,"
                           " updated INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE sent_recipient ("
                           " email TEXT PRIMARY KEY COLLATE NOCASE,"
                           " name TEXT NOT NULL DEFAULT '',"
                           " count INTEGER NOT NULL DEFAULT 0,"
                           " last_used INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"),
        },
        // 9: messages opened part by part (store/BodyCache). A body row with a structure
        // holds only the message's header in raw, and its BODYSTRUCTURE; the parts fetched
        // so far (text shown, attachments saved) are rows of body_part with their MIME
        // header and their bytes as sent (still transfer-encoded). Rows of earlier versions
        // have no structure: they are whole messages, as before.
        {
            QStringLiteral("ALTER TABLE body ADD COLUMN structure BLOB"),
            QStringLiteral("CREATE TABLE body_part ("
                           " mailbox_id INTEGER NOT NULL REFERENCES mailbox(id) ON DELETE CASCADE,"
                           " uid INTEGER NOT NULL,"
                           " section TEXT NOT NULL,"
                           " mime BLOB NOT NULL,"
                           " data BLOB NOT NULL,"
                           " PRIMARY KEY (mailbox_id, uid, section)) WITHOUT ROWID"),
            QStringLiteral("CREATE TRIGGER message_parts_deleted AFTER DELETE ON message BEGIN"
                           " DELETE FROM body_part WHERE mailbox_id = old.mailbox_id"
                           " AND uid = old.uid;"
                           " END"),
        },
    };
    return all;
}
} // namespace

int latestSchemaVersion()
{
    return int(migrations().size());
}

Error migrate(Database &db)
{
    const int current = db.schemaVersion();
    if (current < 0)
        return sqlError(QStringLiteral("PRAGMA user_version"), QStringLiteral("unreadable"));
    if (current > latestSchemaVersion())
        return sqlError(db.path(), QStringLiteral("made by a newer Tidings (schema %1, this one "
                                                  "knows %2)")
                                       .arg(current)
                                       .arg(latestSchemaVersion()));
    for (int version = current + 1; version <= latestSchemaVersion(); ++version) {
        Transaction t(db);
        if (!t.isActive())
            return t.error();
        for (const QString &sql : migrations().at(version - 1)) {
            if (Error e = db.exec(sql); e.isError())
                return e;
        }
        if (Error e = db.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)); e.isError())
            return e;
        if (Error e = t.commit(); e.isError())
            return e;
    }
    return {};
}

} // namespace Tidings
