// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <atomic>
#include <functional>
#include <memory>

namespace Tidings {

// Brings the full-text index up to date on a worker thread with its own database connection:
// after a sync of 100,000 envelopes that is seconds of FTS5 inserts the window must not wait
// for. It runs in SearchIndex::StepSize steps so the sync's writer gets the write lock
// between them.
class SearchIndexer : public QObject
{
    Q_OBJECT
public:
    explicit SearchIndexer(const QString &databasePath, QObject *parent = nullptr);
    ~SearchIndexer() override;

    // Indexes whatever is not indexed yet; a request while a pass runs adds one more pass.
    void request();
    // Runs `next` once everything cached up to now is indexed (at once when it is).
    void whenIndexed(QObject *context, const std::function<void()> &next);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void indexed(int envelopes);
    void failed(const Tidings::Error &error);

private:
    void startPass();

    QString m_path;
    bool m_running = false;
    bool m_again = false;
    std::shared_ptr<std::atomic_bool> m_stop;
    // Its own single thread: a long pass must not hold up the message list's loads, which
    // use the global pool (two threads on a two-core machine). Declared last, so it is
    // destroyed first and waits for a pass told to stop.
    QThreadPool m_pool;
};

} // namespace Tidings
