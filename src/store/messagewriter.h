// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"
#include "core/error.h"

#include <QObject>
#include <QString>

class QThread;

namespace Tidings {

class Database;

// Stores envelope batches on a thread of its own, through its own connection to the cache
// file, so a sync keeps fetching and parsing while SQLite writes (measured, 100k messages:
// the writes were 1.5 s of a 4.1 s sync when both shared one thread). WAL lets the owner's
// connection keep reading meanwhile. Batches are written in the order they were queued,
// one transaction each, and reported back in that order on the owner's thread.
class MessageWriter : public QObject
{
    Q_OBJECT
public:
    explicit MessageWriter(const QString &databasePath, QObject *parent = nullptr);
    // Writes what is still queued, then stops the thread.
    ~MessageWriter() override;

    // Returns at once; stored() follows.
    void store(qint64 mailboxId, const QList<Envelope> &envelopes);
    // Batches queued and not reported yet.
    int pending() const { return m_pending; }

Q_SIGNALS:
    // One per store() call, in order, on the thread that owns this object.
    void stored(int count, const Tidings::Error &error);

private:
    void onStored(int count, const Error &error);

    QThread *m_thread;
    QObject *m_worker;
    int m_pending = 0;
};

} // namespace Tidings
