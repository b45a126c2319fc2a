// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/bodycache.h"
#include "store/database.h"
#include "store/transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Tidings {

BodyCache::BodyCache(Database &db)
    : m_db(db)
{
}

Error BodyCache::store(qint64 mailboxId, qint64 uid, const QByteArray &raw)
{
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("DELETE FROM body_part WHERE mailbox_id = ? AND uid = ?"));
    q.addBindValue(mailboxId);
    q.addBindValue(uid);
    if (!q.exec())
        return sqlError(QStringLiteral("store body"), q.lastError().text());
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO body (mailbox_id, uid, raw) VALUES (?, ?, ?)"));
    q.addBindValue(mailboxId);
    q.addBindValue(uid);
    q.addBindValue(raw);
    if (!q.exec())
        return sqlError(QStringLiteral("store body"), q.lastError().text());
    return t.commit();
}

Error BodyCache::storePartial(qint64 mailboxId, qint64 uid, const QByteArray &header,
                              const QByteArray &structure, const QHash<QByteArray, Part> &parts)
{
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO body (mailbox_id, uid, raw, structure) "
                             "VALUES (?, ?, ?, ?)"));
    q.addBindValue(mailboxId);
    q.addBindValue(uid);
    q.addBindValue(header);
    q.addBindValue(structure);
    if (!q.exec())
        return sqlError(QStringLiteral("store message structure"), q.lastError().text());
    for (auto it = parts.cbegin(); it != parts.cend(); ++it) {
        if (const Error e = insertPart(mailboxId, uid, it.key(), it.value()); e.isError())
            return e;
    }
    return t.commit();
}

Error BodyCache::storePart(qint64 mailboxId, qint64 uid, const QByteArray &section,
                           const Part &part)
{
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    if (const Error e = insertPart(mailboxId, uid, section, part); e.isError())
        return e;
    return t.commit();
}

Error BodyCache::insertPart(qint64 mailboxId, qint64 uid, const QByteArray &section,
                            const Part &part)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO body_part (mailbox_id, uid, section, mime, "
                             "data) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(mailboxId);
    q.addBindValue(uid);
    q.addBindValue(QString::fromLatin1(section));
    q.addBindValue(part.mime);
    q.addBindValue(part.data);
    if (!q.exec())
        return sqlError(QStringLiteral("store message part"), q.lastError().text());
    return {};
}

std::optional<BodyCache::Entry> BodyCache::entry(qint64 mailboxId, qint64 uid, Error *error) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT raw, structure FROM body WHERE mailbox_id = ? AND uid = ?"));
    q.addBindValue(mailboxId);
    q.addBindValue(uid);
    if (!q.exec()) {
        if (error)
            *error = sqlError(QStringLiteral("read body"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return Entry{q.value(0).toByteArray(), q.value(1).toByteArray()};
}

std::optional<QByteArray> BodyCache::raw(qint64 mailboxId, qint64 uid, Error *error) const
{
    std::optional<Entry> e = entry(mailboxId, uid, error);
    if (!e || e->isPartial())
        return std::nullopt;
    return e->raw;
}

QHash<QByteArray, BodyCache::Part> BodyCache::parts(qint64 mailboxId, qint64 uid,
                                                    Error *error) const
{
    QHash<QByteArray, Part> out;
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral(
        "SELECT section, mime, data FROM body_part WHERE mailbox_id = ? AND uid = ?"));
    q.addBindValue(mailboxId);
    q.addBindValue(uid);
    if (!q.exec()) {
        if (error)
            *error = sqlError(QStringLiteral("read message parts"), q.lastError().text());
        return out;
    }
    while (q.next())
        out.insert(q.value(0).toString().toLatin1(),
                   Part{q.value(1).toByteArray(), q.value(2).toByteArray()});
    return out;
}

std::optional<BodyCache::Part> BodyCache::part(qint64 mailboxId, qint64 uid,
                                               const QByteArray &section, Error *error) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT mime, data FROM body_part WHERE mailbox_id = ? AND uid = ? "
                             "AND section = ?"));
    q.addBindValue(mailboxId);
    q.addBindValue(uid);
    q.addBindValue(QString::fromLatin1(section));
    if (!q.exec()) {
        if (error)
            *error = sqlError(QStringLiteral("read message part"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return Part{q.value(0).toByteArray(), q.value(1).toByteArray()};
}

qint64 BodyCache::storedBytes(qint64 mailboxId, qint64 uid) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral(
        "SELECT (SELECT COALESCE(SUM(length(raw) + COALESCE(length(structure), 0)), 0) FROM body"
        " WHERE mailbox_id = ? AND uid = ?) + (SELECT COALESCE(SUM(length(mime) +"
        " length(data)), 0) FROM body_part WHERE mailbox_id = ? AND uid = ?)"));
    for (int i = 0; i < 2; ++i) {
        q.addBindValue(mailboxId);
        q.addBindValue(uid);
    }
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace Tidings
