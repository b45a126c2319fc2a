// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/searchindexer.h"

#include "store/database.h"
#include "store/searchindex.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QThread>
#include <atomic>

namespace Tidings {

namespace {
constexpr int StepPauseMs = 2;

struct Pass
{
    int indexed = 0;
    Error error;
};

Pass indexEverything(const QString &path, const std::atomic_bool &stop)
{
    Pass pass;
    Database db(path);
    if (pass.error = db.open(); pass.error.isError())
        return pass;
    SearchIndex index(db);
    for (int step = 1; step > 0 && !stop;) {
        if (pass.error = index.indexPending(SearchIndex::StepSize, &step); pass.error.isError())
            break;
        pass.indexed += step;
        // A gap for a writer waiting on the lock (Database polls every millisecond).
        QThread::msleep(StepPauseMs);
    }
    return pass;
}
} // namespace

SearchIndexer::SearchIndexer(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
    , m_stop(std::make_shared<std::atomic_bool>(false))
{
    m_pool.setMaxThreadCount(1);
}

SearchIndexer::~SearchIndexer()
{
    // A pass still running stops after its step; it owns its connection and its flag.
    *m_stop = true;
}

void SearchIndexer::request()
{
    if (m_running) {
        m_again = true;
        return;
    }
    startPass();
}

void SearchIndexer::startPass()
{
    m_running = true;
    m_again = false;
    auto promise = std::make_shared<QPromise<Pass>>();
    auto *watcher = new QFutureWatcher<Pass>(this);
    connect(watcher, &QFutureWatcher<Pass>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Pass pass = watcher->future().resultCount() > 0 ? watcher->result() : Pass{};
        m_running = false;
        if (pass.error.isError())
            Q_EMIT failed(pass.error);
        if (m_again) {
            startPass();
            return;
        }
        Q_EMIT indexed(pass.indexed);
    });
    watcher->setFuture(promise->future());
    m_pool.start([promise, path = m_path, stop = m_stop] {
        promise->start();
        promise->addResult(indexEverything(path, *stop));
        promise->finish();
    });
}

void SearchIndexer::whenIndexed(QObject *context, const std::function<void()> &next)
{
    // A pass now catches up with everything cached so far, even if one is running (it may
    // have started before the newest envelopes were written).
    request();
    connect(this, &SearchIndexer::indexed, context, next, Qt::SingleShotConnection);
}

} // namespace Tidings
