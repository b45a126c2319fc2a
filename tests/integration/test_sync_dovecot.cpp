// SPDX-License-Identifier: GPL-3.0-or-later
// Every sync path against a real Dovecot 2.4 (QRESYNC, CONDSTORE), with another client
// changing the mailbox in between.
#include "fixtures/dovecotserver.h"
#include "fixtures/mailgenerator.h"
#include "imap/mailboxsync.h"
#include "imaptesthelpers.h"
#include "store/database.h"
#include "store/messagecache.h"

#include <KIMAP/ExpungeJob>
#include <KIMAP/SelectJob>
#include <KIMAP/StoreJob>
#include <QTemporaryDir>
#include <algorithm>

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Password = QStringLiteral("pw");
constexpr int Initial = 40;
} // namespace

class TestSyncDovecot : public QObject
{
    Q_OBJECT
private:
    // `duringSync` runs when the first batch is stored.
    SyncResult sync(Error *error = nullptr, const std::function<void()> &duringSync = {})
    {
        MailboxSync s(m_connection.get(), m_cache.get(), QStringLiteral("INBOX"));
        if (duringSync)
            connect(&s, &MailboxSync::batchStored, &s, duringSync, Qt::SingleShotConnection);
        SyncResult result;
        Error err{ErrorKind::Network, QStringLiteral("test: no result")};
        bool done = false;
        connect(&s, &MailboxSync::finished, &s, [&](const SyncResult &r, const Error &e) {
            result = r;
            err = e;
            done = true;
        });
        s.start();
        if (!QTest::qWaitFor([&] { return done; }, ResultTimeoutMs))
            qWarning("sync timed out");
        if (error)
            *error = err;
        else if (err.isError())
            qWarning("sync failed: %s", qPrintable(err.message));
        return result;
    }

    // Another client: its own session, STORE/EXPUNGE on INBOX.
    bool otherClient(const QByteArrayList &flags, KIMAP::StoreJob::StoreMode mode,
                     const QList<qint64> &uids, bool expunge = false)
    {
        ImapConnection other(loopbackAccount(m_dovecot.imapPort(), Security::StartTls, Alice,
                                             m_dovecot.certificatePath()));
        if (openSync(other, Password).isError())
            return false;
        auto *select = new KIMAP::SelectJob(other.session());
        select->setMailBox(QStringLiteral("INBOX"));
        if (!select->exec())
            return false;
        auto *store = new KIMAP::StoreJob(other.session());
        store->setUidBased(true);
        KIMAP::ImapSet set;
        set.add(uids);
        store->setSequenceSet(set);
        store->setFlags(flags);
        store->setMode(mode);
        if (!store->exec())
            return false;
        if (expunge) {
            auto *job = new KIMAP::ExpungeJob(other.session());
            if (!job->exec())
                return false;
        }
        return true;
    }

    QByteArray message(int i) const
    {
        return MailGenerator(QStringLiteral("Alice"), Alice)
            .message(QStringLiteral("Sender"), QStringLiteral("s@example.org"), Alice,
                     QStringLiteral("Message %1").arg(i), QStringLiteral("body"),
                     QDateTime(QDate(2026, 11, 1), QTime(8, 0), QTimeZone::UTC).addSecs(i * 60),
                     "<s" + QByteArray::number(i) + "@example.org>");
    }

    void expectCacheMatchesServer()
    {
        const MailboxSyncState state =
            m_cache->state(QStringLiteral("test"), QStringLiteral("INBOX"));
        ImapConnection check(loopbackAccount(m_dovecot.imapPort(), Security::StartTls, Alice,
                                             m_dovecot.certificatePath()));
        QVERIFY(!openSync(check, Password).isError());
        QList<Envelope> server;
        QVERIFY(!loadSync(check, QStringLiteral("INBOX"), server).isError());
        QHash<qint64, MessageFlags> serverFlags;
        for (const Envelope &e : server)
            serverFlags.insert(e.uid, e.flags);
        QCOMPARE(m_cache->flags(state.id), serverFlags);
    }

    // A full sync's listing holds every cached message of INBOX once, as cached.
    void expectListingIsTheCache(const SyncResult &r)
    {
        QVERIFY(r.changes.listing);
        const MailboxListing &listing = *r.changes.listing;
        const qint64 box = m_cache->state(QStringLiteral("test"), QStringLiteral("INBOX")).id;
        const QHash<qint64, MessageFlags> cached = m_cache->flags(box);
        QCOMPARE(listing.size(), cached.size());
        QSet<qint64> seen;
        for (qsizetype i = 0; i < listing.size(); ++i) {
            const qint64 uid = listing.input.messages.at(i).uid;
            QVERIFY(!seen.contains(uid));
            seen.insert(uid);
            QVERIFY(cached.contains(uid));
            QCOMPARE(listing.flags.at(i), cached.value(uid));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Tidings::Error>();
        qRegisterMetaType<Tidings::SyncResult>();
        m_dovecot.addUser(Alice, Password);
        for (int i = 0; i < Initial; ++i)
            QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"), message(i),
                                      i % 3 ? QStringLiteral("S") : QString()));
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(!m_db->open().isError());
        m_cache = std::make_unique<MessageCache>(*m_db);
        m_connection = std::make_unique<ImapConnection>(loopbackAccount(
            m_dovecot.imapPort(), Security::StartTls, Alice, m_dovecot.certificatePath()));
        QVERIFY(!openSync(*m_connection, Password).isError());
        QVERIFY(m_connection->qresyncEnabled());
    }

    void freshSyncFetchesEverything()
    {
        const SyncResult r = sync();
        QCOMPARE(r.mode, QStringLiteral("full"));
        QCOMPARE(r.added, Initial);
        QVERIFY(!r.changes.itemised); // a list reloads after a full fetch
        const MailboxSyncState state =
            m_cache->state(QStringLiteral("test"), QStringLiteral("INBOX"));
        expectListingIsTheCache(r);
        QVERIFY(state.uidValidity > 0);
        QVERIFY(state.highestModSeq > 0);
        QCOMPARE(state.uidNext, qint64(Initial + 1));
        const QList<Envelope> cached = m_cache->envelopes(state.id);
        QCOMPARE(cached.size(), Initial);
        QCOMPARE(cached.constFirst().subject, QStringLiteral("Message %1").arg(Initial - 1));
        expectCacheMatchesServer();
    }

    void unchangedMailboxCostsNothing()
    {
        const SyncResult r = sync();
        QCOMPARE(r.mode, QStringLiteral("qresync"));
        QCOMPARE(r.added + r.changed + r.removed, 0);
        QVERIFY(r.changes.itemised);
        QVERIFY(r.changes.isEmpty());
        QVERIFY(!r.changes.listing); // a listing comes of full fetches only
    }

    void flagsChangedByAnotherClient()
    {
        QVERIFY(otherClient({"\\Flagged"}, KIMAP::StoreJob::AppendFlags, {1, 2, 3}));
        QVERIFY(otherClient({"\\Seen"}, KIMAP::StoreJob::RemoveFlags, {2}));
        const SyncResult r = sync();
        QCOMPARE(r.mode, QStringLiteral("qresync"));
        QCOMPARE(r.changed, 3);
        QCOMPARE(r.added, 0);
        // Each change named, with the flags the server has now.
        QVERIFY(r.changes.itemised);
        QCOMPARE(r.changes.flags.size(), 3);
        QVERIFY(r.changes.flags.value(1).testFlag(MessageFlag::Flagged));
        QVERIFY(r.changes.flags.value(2).testFlag(MessageFlag::Flagged));
        QVERIFY(!r.changes.flags.value(2).testFlag(MessageFlag::Seen));
        QVERIFY(r.changes.removed.isEmpty() && r.changes.added.isEmpty());
        expectCacheMatchesServer();
    }

    void expungedByAnotherClient()
    {
        QVERIFY(otherClient({"\\Deleted"}, KIMAP::StoreJob::AppendFlags, {5, 6}, true));
        const SyncResult r = sync();
        QCOMPARE(r.mode, QStringLiteral("qresync"));
        QCOMPARE(r.removed, 2);
        QList<qint64> removed = r.changes.removed;
        std::sort(removed.begin(), removed.end());
        QCOMPARE(removed, (QList<qint64>{5, 6}));
        const MailboxSyncState state =
            m_cache->state(QStringLiteral("test"), QStringLiteral("INBOX"));
        QVERIFY(!m_cache->uids(state.id).contains(5));
        QCOMPARE(m_cache->count(state.id), Initial - 2);
        expectCacheMatchesServer();
    }

    void newMailArrives()
    {
        for (int i = 100; i < 103; ++i)
            QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"), message(i)));
        const SyncResult r = sync();
        QCOMPARE(r.mode, QStringLiteral("qresync"));
        QCOMPARE(r.added, 3);
        QCOMPARE(r.removed, 0);
        QList<qint64> added = r.changes.added;
        std::sort(added.begin(), added.end());
        QCOMPARE(added, (QList<qint64>{Initial + 1, Initial + 2, Initial + 3}));
        expectCacheMatchesServer();
    }

    void withoutModseqFallsBackToFlagComparison()
    {
        // A cache written against a server without CONDSTORE has no HIGHESTMODSEQ.
        MailboxSyncState state = m_cache->state(QStringLiteral("test"), QStringLiteral("INBOX"));
        state.highestModSeq = 0;
        QVERIFY(!m_cache->saveState(state).isError());
        QVERIFY(otherClient({"\\Answered"}, KIMAP::StoreJob::AppendFlags, {7}));
        QVERIFY(otherClient({"\\Deleted"}, KIMAP::StoreJob::AppendFlags, {8}, true));
        QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"), message(200)));
        const SyncResult r = sync();
        QCOMPARE(r.mode, QStringLiteral("flags"));
        QCOMPARE(r.changed, 1);
        QCOMPARE(r.removed, 1);
        QCOMPARE(r.added, 1);
        QVERIFY(r.changes.itemised);
        QCOMPARE(r.changes.flags.keys(), QList<qint64>{7});
        QCOMPARE(r.changes.removed, QList<qint64>{8});
        QCOMPARE(r.changes.added.size(), 1);
        expectCacheMatchesServer();
        QVERIFY(m_cache->state(QStringLiteral("test"), QStringLiteral("INBOX")).highestModSeq > 0);
    }

    void countThatContradictsTheServerForcesFullSync()
    {
        // Lose a row behind the sync engine's back: QRESYNC alone would never notice.
        const MailboxSyncState state =
            m_cache->state(QStringLiteral("test"), QStringLiteral("INBOX"));
        const qint64 victim = m_cache->uids(state.id).constFirst();
        QVERIFY(!m_cache->remove(state.id, {victim}).isError());
        const SyncResult r = sync();
        QCOMPARE(r.mode, QStringLiteral("full"));
        QVERIFY(!r.changes.itemised);
        QVERIFY(m_cache->uids(state.id).contains(victim));
        expectCacheMatchesServer();
        expectListingIsTheCache(r);
    }

    void aWriteDuringAFullSyncWithholdsTheListing()
    {
        const MailboxSyncState state =
            m_cache->state(QStringLiteral("test"), QStringLiteral("INBOX"));
        QVERIFY(!m_cache->clear(state.id).isError());
        // Say, the user marks a message read while the list fills: the listing would not
        // know, so the list must read the cache.
        const SyncResult r = sync(nullptr, [this, id = state.id] {
            QVERIFY(!m_cache->setFlags(id, {{m_cache->uids(id).constFirst(), {}}}).isError());
        });
        QCOMPARE(r.mode, QStringLiteral("full"));
        QCOMPARE(r.added, m_cache->count(state.id));
        QVERIFY(!r.changes.listing);
        // Without such a write, the next full sync has one.
        QVERIFY(!m_cache->clear(state.id).isError());
        expectListingIsTheCache(sync());
    }

    void uidValidityChangeDropsTheCache()
    {
        const MailboxSyncState before =
            m_cache->state(QStringLiteral("test"), QStringLiteral("INBOX"));
        QString out;
        QVERIFY2(
            m_dovecot.doveadm({QStringLiteral("mailbox"), QStringLiteral("update"),
                               QStringLiteral("-u"), Alice, QStringLiteral("--uid-validity"),
                               QString::number(before.uidValidity + 1000), QStringLiteral("INBOX")},
                              &out),
            qPrintable(out));
        const SyncResult r = sync();
        QVERIFY(r.uidValidityChanged);
        QCOMPARE(r.mode, QStringLiteral("full"));
        const MailboxSyncState after =
            m_cache->state(QStringLiteral("test"), QStringLiteral("INBOX"));
        QCOMPARE(after.uidValidity, before.uidValidity + 1000);
        expectCacheMatchesServer();
    }

    void missingMailboxIsReportedNotFatal()
    {
        MailboxSync s(m_connection.get(), m_cache.get(), QStringLiteral("Nope"));
        QSignalSpy finished(&s, &MailboxSync::finished);
        s.start();
        QVERIFY(finished.wait(ResultTimeoutMs));
        QCOMPARE(finished.constFirst().at(1).value<Error>().kind, ErrorKind::Refused);
        QCOMPARE(sync().mode, QStringLiteral("qresync")); // the session still works
    }

private:
    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageCache> m_cache;
    std::unique_ptr<ImapConnection> m_connection;
};

QTEST_GUILESS_MAIN(TestSyncDovecot)
#include "test_sync_dovecot.moc"
