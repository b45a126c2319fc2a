// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/recipienthistory.h"
#include "store/database.h"
#include "store/transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Tidings {

RecipientHistory::RecipientHistory(Database &db)
    : m_db(db)
{
}

Error RecipientHistory::recordRecipients(const QList<Address> &recipients, const QDateTime &when)
{
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral(
        "INSERT INTO sent_recipient (email, name, count, last_used) VALUES (?, ?, 1, ?)"
        " ON CONFLICT (email) DO UPDATE SET count = count + 1,"
        " last_used = max(last_used, excluded.last_used),"
        " name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE name END"));
    for (const Address &a : recipients) {
        const QString email = a.email.trimmed();
        if (email.isEmpty())
            continue;
        q.addBindValue(email);
        q.addBindValue(a.name.trimmed().isNull() ? QStringLiteral("") : a.name.trimmed());
        q.addBindValue(when.toSecsSinceEpoch());
        if (!q.exec())
            return sqlError(QStringLiteral("record recipient"), q.lastError().text());
    }
    return t.commit();
}

} // namespace Tidings
