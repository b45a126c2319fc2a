// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/messagewriter.h"
#include "store/database.h"
#include "store/messagecache.h"

#include <QThread>
#include <memory>

namespace Tidings {

namespace {
// Lives on the writer thread; its connection is opened there on first use (a QSqlDatabase
// connection belongs to the thread that made it).
class WriterWorker : public QObject
{
public:
    explicit WriterWorker(const QString &path)
        : m_path(path)
    {
    }

    Error store(qint64 mailboxId, const QList<Envelope> &envelopes)
    {
        if (!m_db) {
            m_db = std::make_unique<Database>(m_path);
            m_openError = m_db->open();
            if (!m_openError.isError())
                m_cache = std::make_unique<MessageCache>(*m_db);
        }
        if (m_openError.isError())
            return m_openError;
        return m_cache->store(mailboxId, envelopes);
    }

    void close()
    {
        m_cache.reset();
        m_db.reset();
    }

private:
    QString m_path;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageCache> m_cache;
    Error m_openError;
};
} // namespace

MessageWriter::MessageWriter(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_worker(new WriterWorker(databasePath))
{
    m_thread->setObjectName(QStringLiteral("tidings-writer"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

MessageWriter::~MessageWriter()
{
    auto *worker = static_cast<WriterWorker *>(m_worker);
    // Queued after every pending batch: the connection closes on its own thread, last.
    QMetaObject::invokeMethod(
        worker, [worker] { worker->close(); }, Qt::QueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    delete m_thread;
}

void MessageWriter::store(qint64 mailboxId, const QList<Envelope> &envelopes)
{
    ++m_pending;
    auto *worker = static_cast<WriterWorker *>(m_worker);
    // The owner outlives this call: its destructor waits for the thread, and a report still
    // posted to it then is dropped with it.
    MessageWriter *owner = this;
    QMetaObject::invokeMethod(
        worker,
        [worker, owner, mailboxId, envelopes] {
            const Error error = worker->store(mailboxId, envelopes);
            const int count = int(envelopes.size());
            QMetaObject::invokeMethod(
                owner, [owner, count, error] { owner->onStored(count, error); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void MessageWriter::onStored(int count, const Error &error)
{
    --m_pending;
    Q_EMIT stored(count, error);
}

} // namespace Tidings
