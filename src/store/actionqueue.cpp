// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/actionqueue.h"
#include "store/actioneffects.h"
#include "store/database.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

namespace Tidings {

namespace {
Error queryError(const QSqlQuery &q, const char *what)
{
    return sqlError(QString::fromLatin1(what), q.lastError().text());
}

// SQLite stores a null QString as NULL, which the NOT NULL text columns refuse.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}
} // namespace

ActionQueue::ActionQueue(Database &db)
    : m_db(db)
    , m_effects(db)
{
}

Error ActionQueue::enqueue(MailAction &action)
{
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    if (Error e = enqueueInTransaction(action); e.isError())
        return e;
    return t.commit();
}

Error ActionQueue::enqueueInTransaction(MailAction &action)
{
    Error e;
    const qint64 source = m_effects.mailboxId(action.account, action.mailbox, &e);
    if (e.isError())
        return e;
    QSqlQuery q(m_db.handle());
    if (action.uidValidity == 0) {
        q.prepare(QStringLiteral("SELECT uidvalidity FROM mailbox WHERE id = ?"));
        q.addBindValue(source);
        if (!q.exec())
            return queryError(q, "select uidvalidity");
        if (q.next())
            action.uidValidity = q.value(0).toLongLong();
    }
    for (ActionItem &item : action.items) {
        if (item.uid <= 0)
            continue;
        q.prepare(QStringLiteral("SELECT flags, message_id FROM message "
                                 "WHERE mailbox_id = ? AND uid = ?"));
        q.addBindValue(source);
        q.addBindValue(item.uid);
        if (!q.exec())
            return queryError(q, "select message");
        if (q.next()) {
            item.oldFlags = MessageFlags::fromInt(q.value(0).toInt());
            if (item.messageId.isEmpty())
                item.messageId = q.value(1).toString().toLatin1();
        }
    }
    if (Error ie = insert(action); ie.isError())
        return ie;
    return m_effects.apply(action, true);
}

Error ActionQueue::insert(MailAction &action)
{
    if (!action.created.isValid())
        action.created = QDateTime::currentDateTimeUtc();
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("INSERT INTO action (account, mailbox, kind, flags, target, "
                             "uidvalidity, state, undo_of, created, undoable) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(action.account), QVariant(action.mailbox), QVariant(int(action.kind)),
          QVariant(int(action.flags.toInt())), QVariant(text(action.target)),
          QVariant(action.uidValidity), QVariant(int(ActionState::Pending)),
          QVariant(action.undoOf), QVariant(action.created.toSecsSinceEpoch()),
          QVariant(action.undoable ? 1 : 0)})
        q.addBindValue(v);
    if (!q.exec())
        return queryError(q, "insert action");
    action.id = q.lastInsertId().toLongLong();
    action.state = ActionState::Pending;
    q.prepare(QStringLiteral("INSERT INTO action_item (action_id, seq, uid, message_id, "
                             "old_flags) VALUES (?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < action.items.size(); ++i) {
        const ActionItem &item = action.items.at(i);
        q.bindValue(0, action.id);
        q.bindValue(1, qint64(i));
        q.bindValue(2, item.uid);
        q.bindValue(3, text(QString::fromLatin1(item.messageId)));
        q.bindValue(4, int(item.oldFlags.toInt()));
        if (!q.exec())
            return queryError(q, "insert action item");
    }
    return {};
}

Error ActionQueue::setState(qint64 id, ActionState state, const QString &cause)
{
    return execBound(m_db,
                     QStringLiteral("UPDATE action SET state = ?, attempts = attempts + 1, "
                                    "last_error = ? WHERE id = ?"),
                     {int(state), text(cause), id}, "update action");
}

Error ActionQueue::complete(qint64 id, const QList<ActionItem> &items)
{
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    if (Error e = setState(id, ActionState::Done, {}); e.isError())
        return e;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items.at(i).resultUid <= 0)
            continue;
        if (Error e = execBound(m_db,
                                QStringLiteral("UPDATE action_item SET result_uid = ? "
                                               "WHERE action_id = ? AND seq = ?"),
                                {items.at(i).resultUid, id, qint64(i)}, "update action item");
            e.isError())
            return e;
    }
    if (const std::optional<MailAction> action = find(id)) {
        if (Error e = m_effects.renumber(*action, items); e.isError())
            return e;
    }
    if (Error e = prune(); e.isError())
        return e;
    return t.commit();
}

Error ActionQueue::recordAttempt(qint64 id, const QString &cause)
{
    return execBound(m_db,
                     QStringLiteral("UPDATE action SET attempts = attempts + 1, last_error = ? "
                                    "WHERE id = ? AND state = ?"),
                     {text(cause), id, int(ActionState::Pending)}, "update action");
}

Error ActionQueue::fail(qint64 id, const QString &cause)
{
    const std::optional<MailAction> action = find(id);
    if (!action)
        return sqlError(QStringLiteral("fail action"), QStringLiteral("no action %1").arg(id));
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    if (Error e = setState(id, ActionState::Failed, cause); e.isError())
        return e;
    if (Error e = m_effects.rollback(*action); e.isError())
        return e;
    // What the server did is unknown in part (a COPY may have run before a refused STORE):
    // the next sync of these mailboxes compares everything instead of trusting QRESYNC.
    if (Error e = execBound(m_db,
                            QStringLiteral("UPDATE mailbox SET highestmodseq = 0 "
                                           "WHERE account = ? AND path IN (?, ?)"),
                            {action->account, action->mailbox, action->target}, "reset mailbox");
        e.isError())
        return e;
    return t.commit();
}

MailAction ActionQueue::inverseOf(const MailAction &action) const
{
    MailAction inverse;
    inverse.account = action.account;
    inverse.undoOf = action.id;
    if (action.isMove()) {
        inverse.kind = ActionKind::Move;
        inverse.mailbox = action.target;
        inverse.target = action.mailbox;
        for (const ActionItem &item : action.items) {
            if (item.resultUid > 0 || !item.messageId.isEmpty())
                inverse.items.append({item.resultUid, item.messageId, {}, 0});
        }
        return inverse;
    }
    inverse.kind =
        action.kind == ActionKind::AddFlags ? ActionKind::RemoveFlags : ActionKind::AddFlags;
    inverse.mailbox = action.mailbox;
    inverse.flags = action.flags;
    inverse.uidValidity = action.uidValidity;
    const bool added = action.kind == ActionKind::AddFlags;
    for (const ActionItem &item : action.items) {
        // Only what the action changed: a message that was already read stays read.
        const bool changed = added ? (action.flags & ~item.oldFlags).toInt() != 0
                                   : (action.flags & item.oldFlags).toInt() != 0;
        if (changed)
            inverse.items.append({item.uid, item.messageId, {}, 0});
    }
    return inverse;
}

Error ActionQueue::undoLast(const QList<qint64> &inFlight, MailAction *undone)
{
    const QList<MailAction> candidates =
        select(QStringLiteral("undo_of = 0 AND undone = 0 AND undoable = 1 AND state IN (?, ?) "
                              "ORDER BY id DESC LIMIT 1"),
               {int(ActionState::Pending), int(ActionState::Done)});
    *undone = {};
    if (candidates.isEmpty())
        return {};
    const MailAction action = candidates.constFirst();
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    if (action.state == ActionState::Pending && !inFlight.contains(action.id)) {
        // Never sent: forgetting it is the whole undo.
        if (Error e = execBound(m_db, QStringLiteral("UPDATE action SET state = ? WHERE id = ?"),
                                {int(ActionState::Cancelled), action.id}, "cancel action");
            e.isError())
            return e;
        if (Error e = m_effects.rollback(action); e.isError())
            return e;
    } else {
        MailAction inverse = inverseOf(action);
        if (inverse.items.isEmpty() && action.isMove())
            return {ErrorKind::Refused,
                    QCoreApplication::translate("Tidings::ActionQueue",
                                                "this move cannot be undone: the server did not "
                                                "say where the messages went and they have no "
                                                "Message-ID to find them by")};
        if (!inverse.items.isEmpty()) {
            if (Error e = enqueueInTransaction(inverse); e.isError())
                return e;
        }
    }
    if (Error e = execBound(m_db, QStringLiteral("UPDATE action SET undone = 1 WHERE id = ?"),
                            {action.id}, "mark undone");
        e.isError())
        return e;
    if (Error e = t.commit(); e.isError())
        return e;
    *undone = action;
    return {};
}

Error ActionQueue::reapplyPending(const QString &account, const QString &path)
{
    QList<MailAction> actions =
        select(QStringLiteral("state = ? AND account = ? AND (mailbox = ? OR target = ?) "
                              "ORDER BY id"),
               {int(ActionState::Pending), account, path, path});
    if (actions.isEmpty())
        return {};
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    for (MailAction &action : actions) {
        if (Error e = m_effects.apply(action, false); e.isError())
            return e;
    }
    return t.commit();
}

Error ActionQueue::prune()
{
    return execBound(
        m_db,
        QStringLiteral("DELETE FROM action WHERE state != ? AND id NOT IN "
                       "(SELECT id FROM action WHERE state != ? ORDER BY id DESC LIMIT ?)"),
        {int(ActionState::Pending), int(ActionState::Pending), HistoryLimit}, "prune actions");
}

QList<MailAction> ActionQueue::pending() const
{
    return select(QStringLiteral("state = ? ORDER BY id"), {int(ActionState::Pending)});
}

bool ActionQueue::hasPending() const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT 1 FROM action WHERE state = ? LIMIT 1"));
    q.addBindValue(int(ActionState::Pending));
    return q.exec() && q.next();
}

bool ActionQueue::hasPendingFor(const QString &account, const QString &path) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT 1 FROM action WHERE state = ? AND account = ? "
                             "AND (mailbox = ? OR target = ?) LIMIT 1"));
    for (const QVariant &v :
         {QVariant(int(ActionState::Pending)), QVariant(account), QVariant(path), QVariant(path)})
        q.addBindValue(v);
    return q.exec() && q.next();
}

std::optional<MailAction> ActionQueue::find(qint64 id) const
{
    const QList<MailAction> found = select(QStringLiteral("id = ?"), {id});
    if (found.isEmpty())
        return std::nullopt;
    return found.constFirst();
}

QList<MailAction> ActionQueue::select(const QString &where, const QVariantList &values) const
{
    QSqlQuery q(m_db.handle());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, account, mailbox, kind, flags, target, uidvalidity, "
                             "state, attempts, last_error, undo_of, undone, created "
                             "FROM action WHERE ") +
              where);
    for (const QVariant &v : values)
        q.addBindValue(v);
    QList<MailAction> result;
    if (!q.exec()) {
        qWarning("store: reading the action queue failed: %s", qPrintable(q.lastError().text()));
        return result;
    }
    while (q.next()) {
        MailAction a;
        a.id = q.value(0).toLongLong();
        a.account = q.value(1).toString();
        a.mailbox = q.value(2).toString();
        a.kind = ActionKind(q.value(3).toInt());
        a.flags = MessageFlags::fromInt(q.value(4).toInt());
        a.target = q.value(5).toString();
        a.uidValidity = q.value(6).toLongLong();
        a.state = ActionState(q.value(7).toInt());
        a.attempts = q.value(8).toInt();
        a.lastError = q.value(9).toString();
        a.undoOf = q.value(10).toLongLong();
        a.undone = q.value(11).toBool();
        a.created = QDateTime::fromSecsSinceEpoch(q.value(12).toLongLong(), QTimeZone::UTC);
        result.append(a);
    }
    QSqlQuery items(m_db.handle());
    items.prepare(QStringLiteral("SELECT uid, message_id, old_flags, result_uid FROM action_item "
                                 "WHERE action_id = ? ORDER BY seq"));
    for (MailAction &a : result) {
        items.bindValue(0, a.id);
        if (!items.exec())
            continue;
        while (items.next())
            a.items.append({items.value(0).toLongLong(), items.value(1).toString().toLatin1(),
                            MessageFlags::fromInt(items.value(2).toInt()),
                            items.value(3).toLongLong()});
    }
    return result;
}

} // namespace Tidings
