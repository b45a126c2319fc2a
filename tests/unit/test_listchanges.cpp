// SPDX-License-Identifier: GPL-3.0-or-later
// MessageListModel::applyChanges(): a sync's changes taken where the list stands must give
// the list a full reload would, row for row, while the view keeps what it holds.
#include "cachefile.h"
#include "models/messagelistmodel.h"
#include "store/database.h"
#include "store/messagecache.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tidings;

namespace {
const QDateTime Base(QDate(2026, 11, 1), QTime(12, 0), QTimeZone::UTC);

QByteArray idOf(int n)
{
    return "m" + QByteArray::number(n) + "@x";
}

// Mail as mailboxes have it: conversations whose parents may be missing or arrive late, IDs
// that repeat, messages without one, dates out of order.
class Mailer
{
public:
    explicit Mailer(quint32 seed)
        : m_random(seed)
    {
    }

    Envelope next()
    {
        const int n = ++m_count;
        Envelope e;
        e.uid = n;
        e.subject = QStringLiteral("Subject %1").arg(n);
        e.from = {QStringLiteral("Sender %1").arg(n % 5), QStringLiteral("s@x.example")};
        // Mostly in order, sometimes hours back; a few undated.
        e.date = m_random.bounded(40) == 0
                     ? QDateTime()
                     : Base.addSecs(n * 600 - qint64(m_random.bounded(3)) * 3600);
        if (m_random.bounded(3) != 0)
            e.flags |= MessageFlag::Seen;
        if (m_random.bounded(7) == 0)
            e.flags |= MessageFlag::Flagged;
        const int kind = int(m_random.bounded(20));
        if (kind == 0)
            e.messageId.clear(); // none
        else if (kind == 1 && n > 1)
            e.messageId = idOf(int(m_random.bounded(n - 1)) + 1); // a duplicate
        else
            e.messageId = idOf(n);
        // A reply to something earlier (or to a message that comes later, or never).
        if (m_random.bounded(3) != 0 && n > 1) {
            const int parent = int(m_random.bounded(n + 5)) + 1;
            const int grand = int(m_random.bounded(n + 5)) + 1;
            if (m_random.bounded(2) == 0)
                e.references = {idOf(grand), idOf(parent)};
            else
                e.references = {idOf(parent)};
            if (m_random.bounded(4) == 0)
                e.inReplyTo = idOf(parent);
        }
        return e;
    }

    quint32 bounded(quint32 n) { return m_random.bounded(n); }

private:
    QRandomGenerator m_random;
    int m_count = 0;
};

// What a full sync that fetched `envelopes` hands over.
std::shared_ptr<MailboxListing> listingOf(const QList<Envelope> &envelopes)
{
    auto listing = std::make_shared<MailboxListing>();
    for (const Envelope &e : envelopes)
        listing->append(e);
    return listing;
}

// Every row of both lists, recursively: same message, same texts, same counts.
void expectSameRows(const QAbstractItemModel &a, const QAbstractItemModel &b,
                    const QModelIndex &pa = {}, const QModelIndex &pb = {})
{
    QCOMPARE(a.rowCount(pa), b.rowCount(pb));
    for (int row = 0; row < b.rowCount(pb); ++row) {
        for (int column = 0; column < MessageListModel::ColumnCount; ++column) {
            const QModelIndex ia = a.index(row, column, pa), ib = b.index(row, column, pb);
            for (int role : {int(MessageListModel::UidRole), int(Qt::DisplayRole),
                             int(MessageListModel::UnreadRole), int(MessageListModel::FlaggedRole)})
                QCOMPARE(ia.data(role), ib.data(role));
        }
        expectSameRows(a, b, a.index(row, 0, pa), b.index(row, 0, pb));
        if (QTest::currentTestFailed())
            return;
    }
}

struct Fixture : CacheFile
{
    // The next `count` messages of `mail`, stored; false on a store error.
    bool storeNext(Mailer &mail, int count, QList<Envelope> *stored)
    {
        for (int i = 0; i < count; ++i)
            stored->append(mail.next());
        return !cache->store(box, *stored).isError();
    }

    bool load(MessageListModel &list)
    {
        QSignalSpy loaded(&list, &MessageListModel::loaded);
        list.setMailbox(cache.get(), box);
        return loaded.wait();
    }

    void expectAsReloaded(const MessageListModel &list)
    {
        MessageListModel reloaded;
        reloaded.setEnvelopes(cache->envelopes(box));
        QCOMPARE(list.messageCount(), reloaded.messageCount());
        QCOMPARE(list.unreadCount(), reloaded.unreadCount());
        expectSameRows(list, reloaded);
    }
};
} // namespace

class TestListChanges : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void randomChangesGiveTheReloadedList_data()
    {
        QTest::addColumn<quint32>("seed");
        // 113 and 122 reach a conversation only through another one found on the way (the
        // closure's second pass): of 1,500 seeds, those were the first two that a one-pass
        // variant got wrong. All 1,500 pass.
        for (quint32 seed : {1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u, 9u, 10u, 11u, 12u, 113u, 122u})
            QTest::addRow("seed %u", seed) << seed;
    }

    void randomChangesGiveTheReloadedList()
    {
        QFETCH(quint32, seed);
        Fixture f;
        QVERIFY(f.open());
        Mailer mail(seed);
        QList<Envelope> first;
        QVERIFY(f.storeNext(mail, 400, &first));
        MessageListModel list;
        QAbstractItemModelTester tester(&list,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(f.load(list));
        f.expectAsReloaded(list);

        for (int round = 0; round < 6; ++round) {
            const QList<qint64> held = f.cache->uids(f.box);
            MailboxChanges changes;
            changes.itemised = true;
            // Expunged elsewhere, flags changed elsewhere, new mail (replies to anything).
            QSet<qint64> gone;
            for (int i = 0; i < 12; ++i)
                gone.insert(held.at(int(mail.bounded(quint32(held.size())))));
            changes.removed = gone.values();
            for (int i = 0; i < 30; ++i) {
                const qint64 uid = held.at(int(mail.bounded(quint32(held.size()))));
                if (!gone.contains(uid))
                    changes.flags.insert(uid, MessageFlags::fromInt(int(mail.bounded(16))));
            }
            QList<Envelope> fresh;
            for (int i = 0; i < 15; ++i) {
                fresh.append(mail.next());
                changes.added.append(fresh.constLast().uid);
            }
            QVERIFY(!f.cache->remove(f.box, changes.removed).isError());
            QVERIFY(!f.cache->setFlags(f.box, changes.flags).isError());
            QVERIFY(!f.cache->store(f.box, fresh).isError());

            // What the reader holds: a message that stays, and one that goes.
            const QModelIndex keptIndex = list.index(list.rowCount() - 1, 0);
            const QPersistentModelIndex kept(keptIndex);
            const qint64 keptUid = keptIndex.data(MessageListModel::UidRole).toLongLong();
            QPersistentModelIndex lost;
            for (int row = 0; row < list.rowCount() && !lost.isValid(); ++row) {
                const QModelIndex i = list.index(row, 0);
                if (gone.contains(i.data(MessageListModel::UidRole).toLongLong()))
                    lost = i;
            }
            const bool keptStays = !gone.contains(keptUid);

            QVERIFY(list.applyChanges(f.box, changes));
            QVERIFY(!list.isLoading());
            f.expectAsReloaded(list);
            if (QTest::currentTestFailed())
                return;
            if (keptStays) {
                QVERIFY(kept.isValid());
                QCOMPARE(kept.data(MessageListModel::UidRole).toLongLong(), keptUid);
            }
            QVERIFY(!lost.isValid());
        }
        // A load after changes taken in place reads the mailbox afresh, to the same list.
        QVERIFY(f.load(list));
        f.expectAsReloaded(list);
    }

    // A full sync hands the list what it fetched (MailboxChanges::listing) instead of the
    // list reading it back: the list must be the one the cache gives, to the row.
    void aFullSyncsListingGivesTheCachedList_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 2u, 3u, 4u, 113u})
            QTest::addRow("seed %u", seed) << seed;
    }

    void aFullSyncsListingGivesTheCachedList()
    {
        QFETCH(quint32, seed);
        Fixture f;
        QVERIFY(f.open());
        Mailer mail(seed);
        QList<Envelope> all;
        for (int i = 0; i < 400; ++i) {
            Envelope e = mail.next();
            // The cache keeps seconds; a Message-ID with a stray 8-bit byte, and a reply
            // naming it.
            if (e.date.isValid() && i % 3 == 0)
                e.date = e.date.addMSecs(1 + i % 900);
            if (i == 20)
                e.messageId = "<caf\xe9@x>";
            if (i == 21) {
                e.references = {"<caf\xe9@x>"};
                e.inReplyTo.clear();
            }
            all.append(e);
        }
        MessageListModel list;
        QAbstractItemModelTester tester(&list,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // As a cold sync goes: newest first in batches; the list shows the first one early.
        MailboxChanges changes;
        auto listing = std::make_shared<MailboxListing>();
        for (qsizetype end = all.size(); end > 0; end -= 150) {
            const QList<Envelope> batch =
                all.mid(qMax<qsizetype>(0, end - 150), qMin<qsizetype>(150, end));
            QVERIFY(!f.cache->store(f.box, batch).isError());
            for (const Envelope &e : batch)
                listing->append(e);
            if (end == all.size())
                QVERIFY(f.load(list));
        }
        changes.listing = listing;
        QSignalSpy loaded(&list, &MessageListModel::loaded);
        QVERIFY(list.applyChanges(f.box, changes));
        QVERIFY(list.isLoading());
        QVERIFY(loaded.wait());
        f.expectAsReloaded(list);
        QCOMPARE(list.messageCount(), 400);
        // The listing threads as the cache does: the reply hangs under the odd Message-ID.
        const QModelIndexList reply =
            list.match(list.index(0, 0), MessageListModel::UidRole, 22, 1, Qt::MatchRecursive);
        QCOMPARE(reply.size(), 1);
        QCOMPARE(reply.constFirst().parent().data(MessageListModel::UidRole).toLongLong(), 21);

        // Then a resync's changes are taken where the list stands, as after a load: new mail
        // read from the cache joins threads the listing made (another reply to that ID).
        MailboxChanges resync;
        resync.itemised = true;
        resync.removed = {5, 6};
        resync.flags.insert(7, MessageFlag::Flagged);
        Envelope late = mail.next();
        late.references = {"<caf\xe9@x>"};
        late.inReplyTo.clear();
        resync.added = {late.uid};
        QVERIFY(!f.cache->remove(f.box, resync.removed).isError());
        QVERIFY(!f.cache->setFlags(f.box, resync.flags).isError());
        QVERIFY(!f.cache->store(f.box, {late}).isError());
        QVERIFY(list.applyChanges(f.box, resync));
        QVERIFY(!list.isLoading());
        f.expectAsReloaded(list);
        const QModelIndexList lateRow = list.match(list.index(0, 0), MessageListModel::UidRole,
                                                   late.uid, 1, Qt::MatchRecursive);
        QCOMPARE(lateRow.size(), 1);
        QCOMPARE(lateRow.constFirst().parent().data(MessageListModel::UidRole).toLongLong(), 21);
    }

    void aListingComesAfterALoadAndYieldsToANewerOne()
    {
        Fixture f;
        QVERIFY(f.open());
        Mailer mail(5);
        QList<Envelope> all;
        QVERIFY(f.storeNext(mail, 30, &all));
        MailboxChanges changes;
        changes.listing = listingOf(all);
        MessageListModel list;
        // Not for a list of another mailbox, or of none.
        QVERIFY(!list.applyChanges(f.box, changes));
        QVERIFY(f.load(list));
        QVERIFY(!list.applyChanges(f.box + 1, changes));

        // Taken after the load that is running.
        QSignalSpy loaded(&list, &MessageListModel::loaded);
        list.setMailbox(f.cache.get(), f.box);
        QVERIFY(list.applyChanges(f.box, changes));
        QVERIFY(loaded.wait());
        QCOMPARE(loaded.count(), 1);
        QVERIFY(!list.isLoading());
        f.expectAsReloaded(list);

        // A reload asked for after it reads the cache instead: here a message left it
        // meanwhile, which the listing still has.
        QVERIFY(!f.cache->remove(f.box, {all.constFirst().uid}).isError());
        list.setMailbox(f.cache.get(), f.box);
        QVERIFY(list.applyChanges(f.box, changes));
        list.setMailbox(f.cache.get(), f.box);
        QVERIFY(loaded.wait());
        QTRY_VERIFY(!list.isLoading());
        QCOMPARE(list.messageCount(), 29);
        f.expectAsReloaded(list);
    }

    void flagChangesAreDataChangesOnly()
    {
        Fixture f;
        QVERIFY(f.open());
        Mailer mail(99);
        QList<Envelope> all;
        QVERIFY(f.storeNext(mail, 50, &all));
        MessageListModel list;
        QVERIFY(f.load(list));
        QSignalSpy layout(&list, &QAbstractItemModel::layoutChanged);
        QSignalSpy reset(&list, &QAbstractItemModel::modelReset);
        QSignalSpy data(&list, &QAbstractItemModel::dataChanged);
        const QModelIndex top = list.index(0, 0);
        const qint64 uid = top.data(MessageListModel::UidRole).toLongLong();
        const bool unread = top.data(MessageListModel::UnreadRole).toBool();
        MailboxChanges changes;
        changes.itemised = true;
        changes.flags.insert(uid, unread ? MessageFlags(MessageFlag::Seen) : MessageFlags());
        QVERIFY(!f.cache->setFlags(f.box, changes.flags).isError());
        QVERIFY(list.applyChanges(f.box, changes));
        QCOMPARE(top.data(MessageListModel::UnreadRole).toBool(), !unread);
        QVERIFY(data.count() >= 1);
        QCOMPARE(layout.count(), 0);
        QCOMPARE(reset.count(), 0);
        f.expectAsReloaded(list);
    }

    void whatCannotBeTakenInPlaceIsRefused()
    {
        Fixture f;
        QVERIFY(f.open());
        Mailer mail(7);
        QVERIFY(!f.cache->store(f.box, {mail.next(), mail.next()}).isError());
        MessageListModel list;
        QVERIFY(f.load(list));
        MailboxChanges changes;
        changes.added = {1000};
        // A full sync's changes are not itemised.
        QVERIFY(!list.applyChanges(f.box, changes));
        changes.itemised = true;
        // Another mailbox than the one shown.
        QVERIFY(!list.applyChanges(f.box + 1, changes));
        // New mail the cache does not hold: the list cannot be what the sync started from.
        QVERIFY(!list.applyChanges(f.box, changes));
        // A message the list shows already, reported as new.
        changes.added = {1};
        QVERIFY(!list.applyChanges(f.box, changes));
        // While a load runs, the load will bring the changes.
        QVERIFY(!f.cache->store(f.box, {mail.next()}).isError());
        changes.added = {3};
        list.setMailbox(f.cache.get(), f.box);
        QVERIFY(list.isLoading());
        QVERIFY(!list.applyChanges(f.box, changes));
        QSignalSpy loaded(&list, &MessageListModel::loaded);
        QVERIFY(loaded.wait());
        QCOMPARE(list.messageCount(), 3);
    }
};

QTEST_MAIN(TestListChanges)
#include "test_listchanges.moc"
