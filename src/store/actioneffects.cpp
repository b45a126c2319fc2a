// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/actioneffects.h"
#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Tidings {

namespace {
// The message columns a move keeps aside so a rollback or an undo can show the rows again.
const QString SavedColumns =
    QStringLiteral("uid, flags, subject, from_name, from_email, date, size, message_id, "
                   "in_reply_to, refs, thread_id");

Error queryError(const QSqlQuery &q, const char *what)
{
    return sqlError(QString::fromLatin1(what), q.lastError().text());
}

// Selects one item's cached row: by UID when known, else by Message-ID.
QString itemWhere(const ActionItem &item)
{
    return item.uid > 0 ? QStringLiteral("mailbox_id = ? AND uid = ?")
                        : QStringLiteral("mailbox_id = ? AND message_id = ?");
}

QVariant itemKey(const ActionItem &item)
{
    return item.uid > 0 ? QVariant(item.uid) : QVariant(QString::fromLatin1(item.messageId));
}

bool addressable(const ActionItem &item)
{
    return item.uid > 0 || !item.messageId.isEmpty();
}
} // namespace

Error execBound(Database &db, const QString &sql, const QVariantList &values, const char *what)
{
    QSqlQuery q(db.handle());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    return q.exec() ? Error{} : queryError(q, what);
}

ActionEffects::ActionEffects(Database &db)
    : m_db(db)
{
}

qint64 ActionEffects::mailboxId(const QString &account, const QString &path, Error *error)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO mailbox (account, path) VALUES (?, ?)"));
    q.addBindValue(account);
    q.addBindValue(path);
    if (!q.exec()) {
        *error = queryError(q, "insert mailbox");
        return 0;
    }
    q.prepare(QStringLiteral("SELECT id FROM mailbox WHERE account = ? AND path = ?"));
    q.addBindValue(account);
    q.addBindValue(path);
    if (!q.exec() || !q.next()) {
        *error = queryError(q, "select mailbox");
        return 0;
    }
    return q.value(0).toLongLong();
}

Error ActionEffects::apply(const MailAction &action, bool saveRows)
{
    Error e;
    const qint64 source = mailboxId(action.account, action.mailbox, &e);
    if (e.isError())
        return e;
    const int flags = int(action.flags.toInt());
    for (const ActionItem &item : std::as_const(action.items)) {
        if (!addressable(item))
            continue;
        const QString where = itemWhere(item);
        const QVariantList key{source, itemKey(item)};
        switch (action.kind) {
        case ActionKind::AddFlags:
            e = execBound(m_db,
                          QStringLiteral("UPDATE message SET flags = flags | ? WHERE ") + where,
                          QVariantList{flags} + key, "add flags");
            break;
        case ActionKind::RemoveFlags:
            e = execBound(m_db,
                          QStringLiteral("UPDATE message SET flags = flags & ~? WHERE ") + where,
                          QVariantList{flags} + key, "remove flags");
            break;
        case ActionKind::Move:
            if (saveRows)
                e = execBound(m_db,
                              QStringLiteral("INSERT OR REPLACE INTO action_saved_message "
                                             "(action_id, %1) SELECT ?, %1 FROM message WHERE ")
                                      .arg(SavedColumns) +
                                  where,
                              QVariantList{action.id} + key, "save message");
            if (!e.isError())
                e = execBound(m_db, QStringLiteral("DELETE FROM message WHERE ") + where, key,
                              "remove moved message");
            break;
        }
        if (e.isError())
            return e;
    }
    if (action.isMove() && action.undoOf != 0) {
        // Undoing a move shows the messages where they were, under their old UIDs until
        // the next sync of that mailbox learns the new ones.
        const qint64 back = mailboxId(action.account, action.target, &e);
        if (e.isError())
            return e;
        return execBound(
            m_db,
            QStringLiteral("INSERT OR IGNORE INTO message (mailbox_id, %1) SELECT ?, %1 "
                           "FROM action_saved_message WHERE action_id = ?")
                .arg(SavedColumns),
            {back, action.undoOf}, "show undone messages");
    }
    return {};
}

Error ActionEffects::rollback(const MailAction &action)
{
    Error e;
    const qint64 source = mailboxId(action.account, action.mailbox, &e);
    if (e.isError())
        return e;
    if (action.isMove()) {
        e = execBound(m_db,
                      QStringLiteral("INSERT OR REPLACE INTO message (mailbox_id, %1) SELECT ?, %1 "
                                     "FROM action_saved_message WHERE action_id = ?")
                          .arg(SavedColumns),
                      {source, action.id}, "restore moved messages");
        if (e.isError() || action.undoOf == 0)
            return e;
        const qint64 back = mailboxId(action.account, action.target, &e);
        if (e.isError())
            return e;
        return execBound(
            m_db,
            QStringLiteral("DELETE FROM message WHERE mailbox_id = ? AND uid IN "
                           "(SELECT uid FROM action_saved_message WHERE action_id = ?)"),
            {back, action.undoOf}, "hide undone messages");
    }
    // Only the flags this action changed: a later action's change to the same message stays.
    for (const ActionItem &item : action.items) {
        if (!addressable(item))
            continue;
        const bool added = action.kind == ActionKind::AddFlags;
        const MessageFlags changed =
            added ? (action.flags & ~item.oldFlags) : (action.flags & item.oldFlags);
        if (changed.toInt() == 0)
            continue;
        const QString sql = added ? QStringLiteral("UPDATE message SET flags = flags & ~? WHERE ")
                                  : QStringLiteral("UPDATE message SET flags = flags | ? WHERE ");
        e = execBound(m_db, sql + itemWhere(item), {int(changed.toInt()), source, itemKey(item)},
                      "restore flags");
        if (e.isError())
            return e;
    }
    return {};
}

Error ActionEffects::renumber(const MailAction &action, const QList<ActionItem> &items)
{
    if (!action.isMove() || action.undoOf == 0)
        return {};
    Error e;
    const qint64 back = mailboxId(action.account, action.target, &e);
    if (e.isError())
        return e;
    // An undone move showed its messages again under their old UIDs: now the server has
    // given them new ones, and an action on the old ones would find nothing.
    for (const ActionItem &item : items) {
        if (item.resultUid <= 0 || item.messageId.isEmpty())
            continue;
        e = execBound(m_db,
                      QStringLiteral("UPDATE OR REPLACE message SET uid = ? WHERE mailbox_id = ? "
                                     "AND message_id = ? AND uid IN (SELECT uid FROM "
                                     "action_saved_message WHERE action_id = ?)"),
                      {item.resultUid, back, QString::fromLatin1(item.messageId), action.undoOf},
                      "renumber undone message");
        if (e.isError())
            return e;
    }
    return {};
}

} // namespace Tidings
