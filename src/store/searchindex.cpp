// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/searchindex.h"
#include "store/database.h"
#include "store/transaction.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Tidings {

namespace {
Error queryError(const QSqlQuery &q, const char *what)
{
    return sqlError(QString::fromLatin1(what), q.lastError().text());
}
} // namespace

SearchIndex::SearchIndex(Database &db)
    : m_db(db)
{
}

QString SearchIndex::matchExpression(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s\"]+"));
    QStringList terms;
    for (const QString &word : text.split(separators, Qt::SkipEmptyParts))
        terms.append(QStringLiteral("\"%1\"*").arg(word));
    return terms.join(QLatin1Char(' '));
}

Error SearchIndex::indexPending(int limit, int *indexed)
{
    *indexed = 0;
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    QSqlQuery pending(m_db.handle());
    pending.setForwardOnly(true);
    // Walks the primary key from the cursor: each step reads only what it indexes.
    pending.prepare(QStringLiteral("SELECT m.mailbox_id, m.uid, m.subject, "
                                   "m.from_name || ' ' || m.from_email, "
                                   "coalesce(b.recipients, ''), coalesce(b.text, '') "
                                   "FROM message m LEFT JOIN body b "
                                   "ON b.mailbox_id = m.mailbox_id AND b.uid = m.uid "
                                   "WHERE (m.mailbox_id, m.uid) > (?, ?) AND m.indexed = 0 "
                                   "ORDER BY m.mailbox_id, m.uid LIMIT ?"));
    pending.addBindValue(m_cursorMailbox);
    pending.addBindValue(m_cursorUid);
    pending.addBindValue(limit);
    if (!pending.exec())
        return queryError(pending, "find unindexed messages");
    QSqlQuery insert(m_db.handle());
    insert.prepare(QStringLiteral("INSERT OR REPLACE INTO message_fts "
                                  "(rowid, subject, sender, recipients, body) "
                                  "VALUES (?, ?, ?, ?, ?)"));
    QSqlQuery mark(m_db.handle());
    mark.prepare(QStringLiteral("UPDATE message SET indexed = 1 WHERE mailbox_id = ? AND uid = ?"));
    while (pending.next()) {
        const qint64 mailbox = pending.value(0).toLongLong();
        const qint64 uid = pending.value(1).toLongLong();
        insert.bindValue(0, (mailbox << 32) | uid);
        for (int column = 2; column <= 5; ++column)
            insert.bindValue(column - 1, pending.value(column));
        if (!insert.exec())
            return queryError(insert, "index message");
        mark.bindValue(0, mailbox);
        mark.bindValue(1, uid);
        if (!mark.exec())
            return queryError(mark, "mark indexed");
        m_cursorMailbox = mailbox;
        m_cursorUid = uid;
        ++*indexed;
    }
    if (*indexed == 0) {
        // Done up to the end; envelopes stored behind the cursor meanwhile come next time.
        m_cursorMailbox = 0;
        m_cursorUid = 0;
    }
    return t.commit();
}

Error SearchIndex::indexBody(qint64 mailboxId, qint64 uid, const QString &recipients,
                             const QString &text)
{
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("UPDATE body SET recipients = ?, text = ? "
                             "WHERE mailbox_id = ? AND uid = ?"));
    q.addBindValue(recipients);
    q.addBindValue(text);
    q.addBindValue(mailboxId);
    q.addBindValue(uid);
    if (!q.exec())
        return queryError(q, "store body text");
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO message_fts "
                             "(rowid, subject, sender, recipients, body) "
                             "SELECT (m.mailbox_id << 32) | m.uid, m.subject, "
                             "m.from_name || ' ' || m.from_email, ?, ? "
                             "FROM message m WHERE m.mailbox_id = ? AND m.uid = ?"));
    q.addBindValue(recipients);
    q.addBindValue(text);
    q.addBindValue(mailboxId);
    q.addBindValue(uid);
    if (!q.exec())
        return queryError(q, "index body");
    return t.commit();
}

QList<qint64> SearchIndex::search(qint64 mailboxId, const QString &text, Error *error) const
{
    const QString match = matchExpression(text);
    if (match.isEmpty())
        return {};
    QSqlQuery q(m_db.handle());
    q.setForwardOnly(true);
    // The mailbox is a rowid range: no join needed.
    q.prepare(QStringLiteral("SELECT rowid & 0xffffffff FROM message_fts "
                             "WHERE message_fts MATCH ? AND rowid BETWEEN ? AND ?"));
    q.addBindValue(match);
    q.addBindValue(mailboxId << 32);
    q.addBindValue((mailboxId << 32) | 0xffffffffLL);
    QList<qint64> uids;
    if (!q.exec()) {
        if (error)
            *error = queryError(q, "search");
        return {};
    }
    while (q.next())
        uids.append(q.value(0).toLongLong());
    return uids;
}

} // namespace Tidings
