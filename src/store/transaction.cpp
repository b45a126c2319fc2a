// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/transaction.h"
#include "store/database.h"

#include <QLoggingCategory>
#include <QSqlError>

namespace Tidings {

Transaction::Transaction(Database &db)
    : m_db(db)
{
    m_held.start();
    m_active = m_db.handle().transaction();
    if (!m_active)
        m_error = sqlError(QStringLiteral("BEGIN"), m_db.handle().lastError().text());
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.handle().rollback();
}

Error Transaction::commit()
{
    if (!m_active)
        return m_error;
    m_active = false;
    if (!m_db.handle().commit()) {
        m_error = sqlError(QStringLiteral("COMMIT"), m_db.handle().lastError().text());
        m_db.handle().rollback();
        return m_error;
    }
    if (m_held.elapsed() > LongHoldMs)
        qWarning("store: write transaction held the lock for %lld ms", qlonglong(m_held.elapsed()));
    return {};
}

} // namespace Tidings
