// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/database.h"
#include "store/migrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QThreadPool>
#include <QUuid>
#include <QVariant>
#include <sqlite3.h>

namespace Tidings {

namespace {
// SQLite's busy handler: `tries` earlier calls, each about a millisecond apart.
int waitForLock(void *, int tries)
{
    if (tries >= Database::BusyTimeoutMs)
        return 0;
    QThread::usleep(1000);
    return 1;
}
} // namespace

Error sqlError(const QString &what, const QString &detail)
{
    return {ErrorKind::BadInput,
            QCoreApplication::translate("Tidings::Database", "cache: %1: %2").arg(what, detail)};
}

Database::Database(const QString &path)
    : m_path(path)
    , m_connection(QStringLiteral("tidings-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_thread(QThread::currentThread())
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase Database::handle() const
{
    Q_ASSERT_X(QThread::currentThread() == m_thread, "Database", "used from a foreign thread");
    return QSqlDatabase::database(m_connection, false);
}

sqlite3 *Database::nativeHandle() const
{
    // Qt's SQLite driver and this code share the system libsqlite3 (Debian builds Qt's plugin
    // against it), so the driver's handle is a connection this library can use.
    const QSqlDatabase db = handle();
    const QVariant native = db.isValid() ? db.driver()->handle() : QVariant();
    if (!native.isValid() || qstrcmp(native.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(native.constData());
}

qint64 Database::changeCount() const
{
    sqlite3 *db = nativeHandle();
    return db ? qint64(sqlite3_total_changes64(db)) : -1;
}

Error Database::exec(const QString &sql)
{
    QSqlQuery q(handle());
    if (!q.exec(sql))
        return sqlError(sql.section(QLatin1Char(' '), 0, 2), q.lastError().text());
    return {};
}

int Database::schemaVersion() const
{
    QSqlQuery q(handle());
    return q.exec(QStringLiteral("PRAGMA user_version")) && q.next() ? q.value(0).toInt() : -1;
}

Error Database::open()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open())
        return sqlError(m_path, db.lastError().text());
    // Another connection's write (the sync's writer, the search indexer) is waited for in
    // 1 ms steps. SQLite's own busy_timeout sleeps up to 100 ms at a time and kept missing
    // the indexer's short gaps between steps: a GUI commit waited 630 ms (measured, right
    // after a cold sync of 100k messages).
    sqlite3_busy_handler(nativeHandle(), &waitForLock, nullptr);
    // WAL: readers never block the writer; NORMAL sync is durable across application crashes
    // (only a power loss may lose the last transactions, which a resync restores).
    for (const char *pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
        if (Error e = exec(QString::fromLatin1(pragma)); e.isError())
            return e;
    }
    if (Error e = exec(QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(AutoCheckpointPages));
        e.isError())
        return e;
    if (Error e = exec(QStringLiteral("PRAGMA journal_size_limit=%1").arg(JournalSizeLimit));
        e.isError())
        return e;
    return migrate(*this);
}

void Database::checkpointWhenIdle()
{
    Q_ASSERT(QThread::currentThread() == m_thread);
    if (!m_idleTimer) {
        m_idleTimer = std::make_unique<QTimer>();
        m_idleTimer->setSingleShot(true);
        m_idleTimer->setInterval(IdleCheckpointMs);
        QObject::connect(m_idleTimer.get(), &QTimer::timeout, m_idleTimer.get(),
                         [path = m_path] { checkpointInBackground(path); });
    }
    m_idleTimer->start(); // again from now: a busy database is not idle
}

void Database::checkpointInBackground(const QString &path)
{
    QThreadPool::globalInstance()->start([native = QFile::encodeName(path)] {
        sqlite3 *db = nullptr;
        // Never creates the file: a cache deleted meanwhile stays deleted.
        if (sqlite3_open_v2(native.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
            sqlite3_busy_timeout(db, BusyTimeoutMs);
            // A connection finds the log on its first read; until then there is none to copy.
            sqlite3_exec(db, "SELECT 1 FROM sqlite_schema LIMIT 1", nullptr, nullptr, nullptr);
            sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        }
        sqlite3_close(db);
    });
}

} // namespace Tidings
