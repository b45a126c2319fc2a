// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace Tidings {

class Database;

// One prepared statement on a Database's own SQLite connection, bound through SQLite's C API.
// For the hot loops only (a cold sync writes 100,000 rows): QSqlQuery::bindValue() builds a
// placeholder name with QString::arg() and a QVariant per value, which measured as much as
// SQLite's own work. It runs inside the caller's Transaction like any other query.
class RawStatement
{
public:
    RawStatement(Database &db, const char *sql);
    ~RawStatement();
    RawStatement(const RawStatement &) = delete;
    RawStatement &operator=(const RawStatement &) = delete;

    bool isValid() const { return m_statement != nullptr; }
    // Parameters count from 1, as in SQL. The text must outlive step().
    void bind(int parameter, qint64 value);
    void bind(int parameter, const QString &text);
    // Text already in UTF-8 (or ASCII), bound as it is.
    void bindUtf8(int parameter, QByteArrayView text);
    // Runs the statement once and resets it for the next row; false with error() on failure.
    bool step();
    // Rows the last step() of an INSERT, UPDATE or DELETE changed.
    int changes() const;
    // For a query of one integer: its value in the first row, or `absent` when there is no
    // row (or on failure, with error()).
    qint64 queryInt(qint64 absent);
    // For a query of many rows: true while there is one, then false and reset, with error()
    // on failure. Columns count from 0; a view lives until the next call to next().
    bool next();
    qint64 columnInt(int column) const;
    QByteArrayView columnBytes(int column) const;
    QString error() const { return m_error; }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QString m_error;
};

} // namespace Tidings
