// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/rawstatement.h"
#include "store/database.h"

#include <sqlite3.h>

namespace Tidings {

RawStatement::RawStatement(Database &db, const char *sql)
{
    m_db = db.nativeHandle();
    if (!m_db) {
        m_error = QStringLiteral("not an open SQLite connection");
        return;
    }
    if (sqlite3_prepare_v2(m_db, sql, -1, &m_statement, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        m_statement = nullptr;
    }
}

RawStatement::~RawStatement()
{
    sqlite3_finalize(m_statement);
}

void RawStatement::bind(int parameter, qint64 value)
{
    sqlite3_bind_int64(m_statement, parameter, value);
}

void RawStatement::bind(int parameter, const QString &text)
{
    // UTF-16 as QString holds it; SQLite converts to the database's UTF-8 itself.
    sqlite3_bind_text16(m_statement, parameter, text.utf16(), int(text.size() * 2), SQLITE_STATIC);
}

void RawStatement::bindUtf8(int parameter, QByteArrayView text)
{
    // A null view would bind SQL NULL; empty text is "".
    sqlite3_bind_text(m_statement, parameter, text.data() ? text.data() : "", int(text.size()),
                      SQLITE_STATIC);
}

bool RawStatement::step()
{
    const int result = sqlite3_step(m_statement);
    if (result != SQLITE_DONE && result != SQLITE_ROW)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_statement);
    return result == SQLITE_DONE || result == SQLITE_ROW;
}

int RawStatement::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 RawStatement::queryInt(qint64 absent)
{
    const int result = sqlite3_step(m_statement);
    const qint64 value = result == SQLITE_ROW ? sqlite3_column_int64(m_statement, 0) : absent;
    if (result != SQLITE_DONE && result != SQLITE_ROW)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_statement);
    return value;
}

bool RawStatement::next()
{
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW)
        return true;
    if (result != SQLITE_DONE)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_statement);
    return false;
}

qint64 RawStatement::columnInt(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QByteArrayView RawStatement::columnBytes(int column) const
{
    // Text as stored (UTF-8), without a conversion; the pointer before the size, as SQLite
    // asks.
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_statement, column));
}

} // namespace Tidings
