// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QSqlDatabase>
#include <QString>
#include <QThread>

namespace Tidings {

// One SQLite file (WAL, foreign keys on, schema migrated to the latest version). A
// connection belongs to the thread that opened it; every use asserts that.
class Database
{
public:
    explicit Database(const QString &path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Error open();
    QSqlDatabase handle() const;
    QString path() const { return m_path; }
    int schemaVersion() const;

    // Runs one statement that returns nothing; the error names the statement.
    Error exec(const QString &sql);

private:
    QString m_path;
    QString m_connection;
    QThread *m_thread;
};

Error sqlError(const QString &what, const QString &detail);

} // namespace Tidings
