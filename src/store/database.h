// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QSqlDatabase>
#include <QString>
#include <QThread>
#include <QTimer>
#include <memory>

struct sqlite3;

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
    // Rows inserted, changed or deleted through this connection since it opened; -1 when
    // closed. A caller that saw it unchanged knows nothing here wrote meanwhile.
    qint64 changeCount() const;
    // The SQLite connection under Qt's driver (for RawStatement); null when closed.
    sqlite3 *nativeHandle() const;

    // Copies what the write-ahead log holds into the database file once the database has
    // been left alone for IdleCheckpointMs: on a pool thread with a connection of its own,
    // so no commit on the GUI thread does it, and the next commit starts a fresh log. (A
    // resync's 4 MB of changed pages took 25 ms to commit with the copy, 3 ms without it,
    // measured.) Call after writing or reading much; on the thread that opened this.
    void checkpointWhenIdle();
    static constexpr int IdleCheckpointMs = 500;
    // The copy is made now, on a pool thread; nothing when the file is gone.
    static void checkpointInBackground(const QString &path);
    // A commit does it itself once the log is this large: a backstop (80 MB of 4 KB pages).
    // Not sooner: the copy is the committer's work, and a cold sync's writer made it four
    // times over 100k envelopes at SQLite's default and twice at 2,000 pages (measured: the
    // writes took 0.47 s with it, 0.37 s without). The idle checkpoint copies it after.
    static constexpr int AutoCheckpointPages = 20000;
    // How long a statement waits for another connection's write lock before it fails.
    static constexpr int BusyTimeoutMs = 5000;
    // What a log's file keeps of its size once copied (bytes).
    static constexpr int JournalSizeLimit = 16 * 1024 * 1024;

private:
    QString m_path;
    QString m_connection;
    QThread *m_thread;
    std::unique_ptr<QTimer> m_idleTimer;
};

Error sqlError(const QString &what, const QString &detail);

} // namespace Tidings
