// SPDX-License-Identifier: GPL-3.0-or-later
// A connection that drops in the middle of a header fetch, against real Dovecot behind a
// proxy that cuts it: the sync reports the drop, and the next sync leaves the cache exactly
// equal to the server (nothing lost, nothing twice), also when mail changed in between.
#include "imaptesthelpers.h"

#include "fixtures/dovecotserver.h"
#include "fixtures/droppingproxy.h"
#include "fixtures/mailgenerator.h"
#include "fixtures/tempdir.h"
#include "imap/mailboxsync.h"
#include "store/database.h"
#include "store/messagecache.h"

#include <KIMAP/ExpungeJob>
#include <KIMAP/SelectJob>
#include <KIMAP/StoreJob>
#include <QSet>
#include <QTimeZone>

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Password = QStringLiteral("pw");
const QString Inbox = QStringLiteral("INBOX");
// Enough that the fetch spans several batches, so the drop lands after some were stored.
constexpr int Total = 3000;
// About a third of the header data: the first (500-message) batch is through, the rest not.
constexpr qint64 DropAfterBytes = 450'000;
} // namespace

class TestSyncInterrupted : public QObject
{
    Q_OBJECT
private:
    SyncResult sync(ImapConnection &connection, Error *error, MessageCache *cache = nullptr)
    {
        MailboxSync s(&connection, cache ? cache : m_cache.get(), Inbox);
        SyncResult result;
        *error = {ErrorKind::Network, QStringLiteral("test: no result")};
        bool done = false;
        connect(&s, &MailboxSync::finished, &s, [&](const SyncResult &r, const Error &e) {
            result = r;
            *error = e;
            done = true;
        });
        s.start();
        if (!QTest::qWaitFor([&] { return done; }, ResultTimeoutMs))
            qWarning("sync timed out");
        return result;
    }

    QByteArray message(int i) const
    {
        return MailGenerator(QStringLiteral("Alice"), Alice)
            .message(QStringLiteral("Sender %1").arg(i % 17),
                     QStringLiteral("s%1@example.org").arg(i % 17), Alice,
                     QStringLiteral("Status report number %1 with a longer subject line").arg(i),
                     QStringLiteral("body"),
                     QDateTime(QDate(2026, 1, 1), QTime(8, 0), QTimeZone::UTC).addSecs(i * 60),
                     "<report" + QByteArray::number(i) + "@example.org>");
    }

    Account account(quint16 port) const
    {
        return loopbackAccount(port, Security::StartTls, Alice, m_dovecot.certificatePath());
    }

    // What the server holds, read by a separate session: UID -> flags.
    QHash<qint64, MessageFlags> serverState()
    {
        ImapConnection check(account(m_dovecot.imapPort()));
        if (openSync(check, Password).isError())
            return {};
        QList<Envelope> server;
        if (loadSync(check, Inbox, server).isError())
            return {};
        QHash<qint64, MessageFlags> flags;
        for (const Envelope &e : server)
            flags.insert(e.uid, e.flags);
        return flags;
    }

    // Another client changes the mailbox while we are offline.
    bool changeOnServer(const QList<qint64> &expunge, const QList<qint64> &flag)
    {
        ImapConnection other(account(m_dovecot.imapPort()));
        if (openSync(other, Password).isError())
            return false;
        auto *select = new KIMAP::SelectJob(other.session());
        select->setMailBox(Inbox);
        if (!select->exec())
            return false;
        for (const auto &[uids, flagName] : {std::pair{expunge, QByteArray("\\Deleted")},
                                             std::pair{flag, QByteArray("\\Flagged")}}) {
            auto *store = new KIMAP::StoreJob(other.session());
            store->setUidBased(true);
            KIMAP::ImapSet set;
            set.add(uids);
            store->setSequenceSet(set);
            store->setFlags({flagName});
            store->setMode(KIMAP::StoreJob::AppendFlags);
            if (!store->exec())
                return false;
        }
        return (new KIMAP::ExpungeJob(other.session()))->exec();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Tidings::Error>();
        qRegisterMetaType<Tidings::SyncResult>();
        m_dovecot.addUser(Alice, Password);
        for (int i = 0; i < Total; ++i)
            QVERIFY(m_dovecot.deliver(Alice, Inbox, message(i),
                                      i % 4 ? QStringLiteral("S") : QString()));
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(!m_db->open().isError());
        m_cache = std::make_unique<MessageCache>(*m_db);
    }

    void dropMidFetchThenResume()
    {
        DroppingProxy proxy(m_dovecot.imapPort());
        QVERIFY(proxy.start());
        {
            ImapConnection flaky(account(proxy.port()));
            QVERIFY(!openSync(flaky, Password).isError());
            // The headers come over a connection of their own: that is the one cut.
            proxy.dropNextAfter(DropAfterBytes);
            Error error;
            sync(flaky, &error);
            QCOMPARE(proxy.drops(), 1);
            QCOMPARE(error.kind, ErrorKind::Network);
            QVERIFY(!error.message.isEmpty());
        }
        const qint64 mailboxId = m_cache->state(QStringLiteral("test"), Inbox).id;
        const qsizetype partial = m_cache->count(mailboxId);
        qInfo("cached before the drop: %lld of %d", qlonglong(partial), Total);
        QVERIFY(partial > 0 && partial < Total);
        const QList<qint64> cachedBefore = m_cache->uids(mailboxId);

        // While we were away: 25 messages expunged (some cached, some not), 40 flagged.
        QList<qint64> expunged;
        for (qint64 uid = 10; uid <= Total; uid += 120)
            expunged.append(uid);
        QList<qint64> flagged;
        for (qint64 uid = 7; uid <= Total; uid += 75)
            flagged.append(uid);
        QVERIFY(changeOnServer(expunged, flagged));
        for (int i = 0; i < 5; ++i)
            QVERIFY(m_dovecot.deliver(Alice, Inbox, message(Total + i)));

        ImapConnection direct(account(m_dovecot.imapPort()));
        QVERIFY(!openSync(direct, Password).isError());
        Error error;
        const SyncResult r = sync(direct, &error);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        qInfo("resumed with mode %s: %d added, %d changed, %d removed", qPrintable(r.mode), r.added,
              r.changed, r.removed);

        // Resumed, not restarted: only what was not cached yet came over the wire.
        QCOMPARE(r.mode, QStringLiteral("flags"));
        const qsizetype keptFromBefore =
            std::count_if(cachedBefore.cbegin(), cachedBefore.cend(),
                          [&](qint64 uid) { return !expunged.contains(uid); });
        QCOMPARE(r.added, int(Total - expunged.size() + 5 - keptFromBefore));

        const QHash<qint64, MessageFlags> server = serverState();
        QCOMPARE(server.size(), qsizetype(Total - expunged.size() + 5));
        QCOMPARE(m_cache->flags(mailboxId), server);
        const QList<Envelope> cached = m_cache->envelopes(mailboxId);
        QCOMPARE(cached.size(), server.size());
        QSet<QByteArray> ids;
        for (const Envelope &e : cached)
            ids.insert(e.messageId);
        QCOMPARE(ids.size(), server.size()); // each message once

        // And a sync right after has nothing left to do.
        const SyncResult again = sync(direct, &error);
        QVERIFY(!error.isError());
        QCOMPARE(again.added + again.changed + again.removed, 0);
    }

    // A server that refuses a second connection (a per-user connection limit): the headers
    // come over the command session instead, and the sync is complete.
    void headerConnectionRefusedFallsBack()
    {
        DroppingProxy proxy(m_dovecot.imapPort());
        QVERIFY(proxy.start());
        ImapConnection connection(account(proxy.port()));
        QVERIFY(!openSync(connection, Password).isError());
        proxy.dropNextAfter(0); // cut at the greeting, before any login
        Database db(m_dir.filePath(QStringLiteral("fallback.sqlite")));
        QVERIFY(!db.open().isError());
        MessageCache cache(db);
        Error error;
        const SyncResult r = sync(connection, &error, &cache);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QCOMPARE(proxy.drops(), 1);
        QCOMPARE(r.mode, QStringLiteral("full"));
        const QHash<qint64, MessageFlags> server = serverState();
        QCOMPARE(r.added, int(server.size()));
        QCOMPARE(cache.flags(cache.state(QStringLiteral("test"), Inbox).id), server);
    }

private:
    DovecotServer m_dovecot;
    TempDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageCache> m_cache;
};

QTEST_GUILESS_MAIN(TestSyncInterrupted)
#include "test_sync_interrupted.moc"
