// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"
#include "core/error.h"
#include "core/mailboxchanges.h"
#include "store/messagecache.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <functional>
#include <memory>

#include <KIMAP/FetchJob>

namespace KIMAP {
class SelectJob;
}

namespace Tidings {

class HeaderFetcher;
class ImapConnection;
class MessageWriter;

struct SyncResult
{
    QString mailbox;
    QString mode; // "qresync", "flags" or "full"
    int added = 0;
    int changed = 0;
    int removed = 0;
    bool uidValidityChanged = false;
    qint64 elapsedMs = 0;
    MailboxChanges changes; // itemised for "qresync" and "flags"
};

// Brings one mailbox's cache up to date with the cheapest correct method the server allows:
// QRESYNC (RFC 7162: changed flags and VANISHED in the SELECT reply, then new UIDs only),
// else a UID+FLAGS comparison, else (nothing cached, UIDVALIDITY changed, HIGHESTMODSEQ went
// backwards, counts disagree) a full header fetch, newest first, one transaction per batch.
class MailboxSync : public QObject
{
    Q_OBJECT
public:
    MailboxSync(ImapConnection *connection, MessageCache *cache, const QString &mailbox,
                QObject *parent = nullptr);
    ~MailboxSync() override;
    void start();
    // Stops here: nothing more is fetched or written, and finished() is not emitted. (For a
    // caller about to delete it: a queued step would still run before deleteLater().)
    void cancel();
    // Whether the result will list each change (SyncResult::changes); until then a list
    // showing the mailbox learns of stored batches only by reading them (batchStored()).
    bool itemisesChanges() const { return m_result.changes.itemised; }

    // Envelopes per FETCH and per transaction. 500 rows insert in a few ms, so the first
    // screen (newest messages) is cached long before a large mailbox is complete.
    static constexpr int BatchSize = 500;
    // After the first screen. Measured, 100k messages on loopback: cold sync 4.7 s with
    // 500 per FETCH, 4.1 s with 5,000 (fewer round trips and commits). KIMAP hands over a
    // FETCH's messages at its end, all parsed at once: the GUI's peak RSS over a cold sync
    // was 137-146 MB with 5,000 and 122-124 MB with 2,000, at the same speed (three runs).
    static constexpr int LargeBatchSize = 2000;
    // Batches fetched but not yet stored. The writer usually keeps up; when SQLite falls
    // behind (a busy machine), fetching further ahead would only grow memory.
    static constexpr int MaxQueuedBatches = 2;
    // Fewer messages than this are fetched on the command session: a second
    // connection's login costs more than KIMAP's parsing of a few hundred messages.
    static constexpr int BulkFetchThreshold = 1000;
    // A full fetch's listing reserves room for the messages up to this many at once.
    static constexpr qint64 MaxReservedMessages = 1'000'000;

Q_SIGNALS:
    // A batch of envelopes is in the cache (a list can show them now).
    void batchStored(int count);
    void finished(const Tidings::SyncResult &result, const Tidings::Error &error);

private:
    void select();
    void onSelected(KIMAP::SelectJob *job);
    void fetchAllNewestFirst(qint64 upToSequence);
    void compareFlags();
    // UIDs from `fromUid` up to the SELECT's UIDNEXT, as one of m_openParts.
    void fetchNewUids(qint64 fromUid);
    void fetchMissing(QList<qint64> uids); // by UID, descending, in LargeBatchSize steps
    // The same on a connection and thread of its own (HeaderFetcher); `fallback` runs
    // instead when that connection cannot log in (a server limiting connections).
    void fetchInBulk(const QList<qint64> &uids, std::function<void()> fallback,
                     qint64 upToSequence = 0);
    // A full fetch: the newest BatchSize on the command session, the rest in bulk.
    void fetchFullInTwo();
    // One of m_openParts (fetches, a resync's cache update) is over; after the last, verify
    // once all are stored.
    void partDone();
    void verifyAndFinish();
    void restartFull();
    KIMAP::FetchJob *newFetch(const KIMAP::ImapSet &set, bool uidBased,
                              KIMAP::FetchJob::FetchScope::Mode mode);
    // True when the sync is over: already finished, or `job` failed (then finished with
    // `failure`, whose %1 is the mailbox and %2 the server's answer).
    bool endedBy(KJob *job, const QString &failure);
    // Queues a batch for the writer thread; the next FETCH goes out meanwhile.
    void storeBatch(const QList<Envelope> &batch);
    void onStored(int count, const Error &error);
    // Runs `next` once at most `pending` batches wait for the writer (0: all are stored).
    void afterWrites(int pending, std::function<void()> next);
    void finish(const Error &error);
    bool stillConnected();

    ImapConnection *m_connection;
    MessageCache *m_cache;
    std::unique_ptr<MessageWriter> m_writer; // made on the first batch
    std::unique_ptr<HeaderFetcher> m_fetcher;
    std::function<void()> m_afterWrites;
    int m_afterWritesPending = 0;
    SyncResult m_result;
    MailboxSyncState m_state;
    QElapsedTimer m_clock;
    qint64 m_serverCount = 0;
    qint64 m_serverUidNext = 0;
    quint64 m_serverModSeq = 0;
    // A full fetch: what it stored, for SyncResult::changes.listing, and the cache's
    // connection's write count when it began (see verifyAndFinish()).
    std::shared_ptr<MailboxListing> m_listing;
    qint64 m_cacheWritesBefore = -1;
    QList<qint64> m_vanished;
    QHash<qint64, MessageFlags> m_modified;
    bool m_fullRetried = false;
    bool m_fetchedInTwo = false;
    int m_openParts = 0;
    bool m_done = false;
};

} // namespace Tidings

Q_DECLARE_METATYPE(Tidings::SyncResult)
