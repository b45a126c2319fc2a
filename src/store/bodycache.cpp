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
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO body (mailbox_id, uid, raw) VALUES (?, ?, ?)"));
    q.addBindValue(mailboxId);
    q.addBindValue(uid);
    q.addBindValue(raw);
    if (!q.exec())
        return sqlError(QStringLiteral("store body"), q.lastError().text());
    return t.commit();
}

std::optional<QByteArray> BodyCache::raw(qint64 mailboxId, qint64 uid, Error *error) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT raw FROM body WHERE mailbox_id = ? AND uid = ?"));
    q.addBindValue(mailboxId);
    q.addBindValue(uid);
    if (!q.exec()) {
        if (error)
            *error = sqlError(QStringLiteral("read body"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return q.value(0).toByteArray();
}

} // namespace Tidings
