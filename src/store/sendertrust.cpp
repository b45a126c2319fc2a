// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sendertrust.h"
#include "store/database.h"
#include "store/transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Tidings {

SenderTrust::SenderTrust(Database &db)
    : m_db(db)
{
}

bool SenderTrust::allowsRemoteContent(const QString &email) const
{
    if (email.isEmpty())
        return false;
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT 1 FROM remote_content_sender WHERE email = ?"));
    q.addBindValue(email);
    return q.exec() && q.next();
}

Error SenderTrust::allowRemoteContent(const QString &email)
{
    if (email.isEmpty())
        return {ErrorKind::BadInput, QStringLiteral("no sender address")};
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO remote_content_sender (email) VALUES (?)"));
    q.addBindValue(email);
    if (!q.exec())
        return sqlError(QStringLiteral("trust sender"), q.lastError().text());
    return t.commit();
}

Error SenderTrust::revokeRemoteContent(const QString &email)
{
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("DELETE FROM remote_content_sender WHERE email = ?"));
    q.addBindValue(email);
    if (!q.exec())
        return sqlError(QStringLiteral("distrust sender"), q.lastError().text());
    return t.commit();
}

} // namespace Tidings
