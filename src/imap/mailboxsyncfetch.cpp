// SPDX-License-Identifier: GPL-3.0-or-later
// MailboxSync: fetching headers (on the command session or in bulk on a connection of its
// own) and handing them to the writer thread.
#include "imap/envelopeconverter.h"
#include "imap/headerfetcher.h"
#include "imap/imapconnection.h"
#include "imap/mailboxsync.h"
#include "store/messagewriter.h"

#include <KIMAP/FetchJob>
#include <KIMAP/Session>
#include <QCoreApplication>
#include <utility>

namespace Tidings {

namespace {
struct SyncText
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::MailboxSync)
};
} // namespace

void MailboxSync::storeBatch(const QList<Envelope> &batch)
{
    if (m_done || batch.isEmpty())
        return;
    if (m_listing) {
        for (const Envelope &e : batch)
            m_listing->append(e);
    }
    MailboxChanges &changes = m_result.changes;
    if (changes.itemised && changes.added.size() + batch.size() > MailboxChanges::MaxAdded) {
        changes = {};
    } else if (changes.itemised) {
        for (const Envelope &e : batch)
            changes.added.append(e.uid);
    }
    // A resync's few new messages are stored on the spot: starting the writer thread and
    // its connection costs more than writing a few hundred rows.
    if (!m_writer && changes.itemised && batch.size() <= BatchSize) {
        onStored(int(batch.size()), m_cache->store(m_state.id, batch));
        return;
    }
    if (!m_writer) {
        m_writer = std::make_unique<MessageWriter>(m_cache->databasePath());
        connect(m_writer.get(), &MessageWriter::stored, this, &MailboxSync::onStored);
    }
    m_writer->store(m_state.id, batch);
}

void MailboxSync::onStored(int count, const Error &error)
{
    if (m_done)
        return;
    if (error.isError()) {
        finish(error);
        return;
    }
    m_result.added += count;
    if (m_fetcher)
        m_fetcher->batchStored();
    Q_EMIT batchStored(count);
    if (m_afterWrites && (!m_writer || m_writer->pending() <= m_afterWritesPending))
        std::exchange(m_afterWrites, nullptr)();
}

void MailboxSync::afterWrites(int pending, std::function<void()> next)
{
    if (m_done)
        return;
    if (!m_writer || m_writer->pending() <= pending) {
        next();
        return;
    }
    m_afterWritesPending = pending;
    m_afterWrites = std::move(next);
}

void MailboxSync::fetchAllNewestFirst(qint64 upToSequence)
{
    if (!stillConnected())
        return;
    if (upToSequence < 1) {
        partDone();
        return;
    }
    // The first batch is small so the newest messages show at once; later ones are large
    // because every FETCH costs a round trip and a transaction.
    const qint64 size = upToSequence == m_serverCount ? BatchSize : LargeBatchSize;
    const qint64 from = qMax<qint64>(1, upToSequence - size + 1);
    // Sequence numbers: the newest messages are the highest.
    auto *job =
        newFetch(KIMAP::ImapSet(from, upToSequence), false, KIMAP::FetchJob::FetchScope::Headers);
    auto batch = std::make_shared<QList<Envelope>>();
    connect(job, &KIMAP::FetchJob::messagesAvailable, this,
            [batch](const QMap<qint64, KIMAP::Message> &messages) {
                for (const KIMAP::Message &m : messages)
                    batch->append(envelopeFromFetch(m, Recipients::Skip));
            });
    connect(job, &KJob::result, this, [this, job, batch, from] {
        if (endedBy(job, SyncText::tr("fetching %1 failed: %2")))
            return;
        storeBatch(*batch);
        afterWrites(MaxQueuedBatches - 1, [this, from] { fetchAllNewestFirst(from - 1); });
    });
    job->start();
}

void MailboxSync::partDone()
{
    if (--m_openParts == 0)
        afterWrites(0, [this] { verifyAndFinish(); });
}

void MailboxSync::fetchFullInTwo()
{
    // The newest batch on the command session, which has the mailbox selected already: the
    // first screen does not wait for the second connection's login. The rest meanwhile on
    // that connection.
    m_openParts = 2;
    m_fetchedInTwo = true;
    const qint64 rest = m_serverCount - BatchSize;
    auto *job = newFetch(KIMAP::ImapSet(rest + 1, m_serverCount), false,
                         KIMAP::FetchJob::FetchScope::Headers);
    auto batch = std::make_shared<QList<Envelope>>();
    connect(job, &KIMAP::FetchJob::messagesAvailable, this,
            [batch](const QMap<qint64, KIMAP::Message> &messages) {
                for (const KIMAP::Message &m : messages)
                    batch->append(envelopeFromFetch(m, Recipients::Skip));
            });
    connect(job, &KJob::result, this, [this, job, batch] {
        if (endedBy(job, SyncText::tr("fetching %1 failed: %2")))
            return;
        storeBatch(*batch);
        partDone();
    });
    job->start();
    fetchInBulk(
        {}, [this, rest] { fetchAllNewestFirst(rest); }, rest);
}

void MailboxSync::fetchInBulk(const QList<qint64> &uids, std::function<void()> fallback,
                              qint64 upToSequence)
{
    if (!stillConnected())
        return;
    const QString secret = m_connection->secret();
    if (secret.isEmpty()) {
        fallback();
        return;
    }
    m_fetcher = std::make_unique<HeaderFetcher>(m_connection->account(), secret, m_result.mailbox,
                                                m_state.uidValidity, m_serverUidNext);
    connect(m_fetcher.get(), &HeaderFetcher::batchArrived, this, &MailboxSync::storeBatch);
    connect(m_fetcher.get(), &HeaderFetcher::finished, this,
            [this, fallback](const Error &error, bool connected) {
                // Deleted later: this runs inside its signal.
                m_fetcher.release()->deleteLater();
                if (m_done)
                    return;
                if (error.isError() && !connected) {
                    // Nothing arrived: the command session fetches instead.
                    fallback();
                    return;
                }
                if (error.isError()) {
                    // What was stored stays: the next sync fetches only what is missing.
                    afterWrites(0, [this, error] { finish(error); });
                    return;
                }
                partDone();
            });
    if (uids.isEmpty())
        m_fetcher->fetchNewestFirst(upToSequence, LargeBatchSize);
    else
        m_fetcher->fetchUids(uids, LargeBatchSize);
}

void MailboxSync::fetchMissing(QList<qint64> uids)
{
    if (!stillConnected())
        return;
    if (uids.isEmpty()) {
        partDone();
        return;
    }
    const QList<qint64> chunk = uids.first(qMin<qsizetype>(uids.size(), LargeBatchSize));
    uids.remove(0, chunk.size());
    KIMAP::ImapSet set;
    set.add(chunk);
    set.optimize();
    auto *job = newFetch(set, true, KIMAP::FetchJob::FetchScope::Headers);
    auto batch = std::make_shared<QList<Envelope>>();
    connect(job, &KIMAP::FetchJob::messagesAvailable, this,
            [batch](const QMap<qint64, KIMAP::Message> &messages) {
                for (const KIMAP::Message &m : messages)
                    batch->append(envelopeFromFetch(m, Recipients::Skip));
            });
    connect(job, &KJob::result, this, [this, job, batch, rest = std::move(uids)] {
        if (endedBy(job, SyncText::tr("fetching messages of %1 failed: %2")))
            return;
        storeBatch(*batch);
        afterWrites(MaxQueuedBatches - 1, [this, rest] { fetchMissing(rest); });
    });
    job->start();
}

void MailboxSync::fetchNewUids(qint64 fromUid)
{
    if (!stillConnected())
        return;
    auto *job = newFetch(KIMAP::ImapSet(fromUid, 0), true, KIMAP::FetchJob::FetchScope::Headers);
    auto batch = std::make_shared<QList<Envelope>>();
    connect(job, &KIMAP::FetchJob::messagesAvailable, this,
            [this, batch, fromUid](const QMap<qint64, KIMAP::Message> &messages) {
                for (const KIMAP::Message &m : messages) {
                    // "N:*" always matches the highest UID, even when it is below N. Mail
                    // that arrived after SELECT is left for the next sync, so the count
                    // check compares the same snapshot.
                    if (m.uid >= fromUid && (m_serverUidNext <= 0 || m.uid < m_serverUidNext))
                        batch->append(envelopeFromFetch(m, Recipients::Skip));
                }
                if (batch->size() >= BatchSize) {
                    storeBatch(*batch);
                    batch->clear();
                }
            });
    connect(job, &KJob::result, this, [this, job, batch] {
        if (endedBy(job, SyncText::tr("fetching new messages of %1 failed: %2")))
            return;
        storeBatch(*batch);
        partDone();
    });
    job->start();
}

} // namespace Tidings
