// SPDX-License-Identifier: GPL-3.0-or-later
// Local search: what the index finds, what it forgets, and that typed text is never a query.
#include "store/bodycache.h"
#include "store/database.h"
#include "store/messagecache.h"
#include "store/searchindex.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Tidings;

namespace {
Envelope envelope(qint64 uid, const QString &subject, const QString &fromName)
{
    Envelope e;
    e.uid = uid;
    e.subject = subject;
    e.from = {fromName, fromName.toLower().replace(QLatin1Char(' '), QLatin1Char('.')) +
                            QStringLiteral("@example.org")};
    e.date = QDateTime::fromSecsSinceEpoch(1'700'000'000 + uid);
    return e;
}

QList<qint64> sorted(QList<qint64> list)
{
    std::sort(list.begin(), list.end());
    return list;
}
} // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT
private:
    void indexAll(SearchIndex &index)
    {
        for (int indexed = 1; indexed > 0;)
            QVERIFY(!index.indexPending(2, &indexed).isError()); // small steps: the cursor
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(!m_db->open().isError());
        MessageCache cache(*m_db);
        m_inbox = cache.state(QStringLiteral("work"), QStringLiteral("INBOX")).id;
        m_archive = cache.state(QStringLiteral("work"), QStringLiteral("Archive")).id;
        QVERIFY(!cache
                     .store(m_inbox, {envelope(1, QStringLiteral("Café at noon"),
                                               QStringLiteral("Chloé Martin")),
                                      envelope(2, QStringLiteral("Budget review"),
                                               QStringLiteral("Bob Fischer")),
                                      envelope(3, QStringLiteral("Re: Budget review"),
                                               QStringLiteral("Priya Raman")),
                                      envelope(4, QStringLiteral("AND OR NOT \"quoted\" -x*"),
                                               QStringLiteral("Odd Subject"))})
                     .isError());
        QVERIFY(!cache
                     .store(m_archive, {envelope(7, QStringLiteral("Budget 2025"),
                                                 QStringLiteral("Bob Fischer"))})
                     .isError());
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void findsWordsAndPrefixesInOneMailbox()
    {
        SearchIndex index(*m_db);
        QVERIFY(index.search(m_inbox, QStringLiteral("budget")).isEmpty()); // not indexed yet
        indexAll(index);
        QCOMPARE(sorted(index.search(m_inbox, QStringLiteral("budget"))), (QList<qint64>{2, 3}));
        QCOMPARE(sorted(index.search(m_inbox, QStringLiteral("BUD"))), (QList<qint64>{2, 3}));
        QCOMPARE(index.search(m_inbox, QStringLiteral("budget priya")), (QList<qint64>{3}));
        QCOMPARE(index.search(m_archive, QStringLiteral("budget")), (QList<qint64>{7}));
        // Sender name and address.
        QCOMPARE(index.search(m_inbox, QStringLiteral("fischer")), (QList<qint64>{2}));
        QCOMPARE(index.search(m_inbox, QStringLiteral("bob.fischer@example.org")),
                 (QList<qint64>{2}));
        // Accents do not matter either way.
        QCOMPARE(index.search(m_inbox, QStringLiteral("cafe")), (QList<qint64>{1}));
        QCOMPARE(index.search(m_inbox, QStringLiteral("chloe")), (QList<qint64>{1}));
        QVERIFY(index.search(m_inbox, QStringLiteral("nothing-like-this")).isEmpty());
    }

    void typedOperatorsAreWords()
    {
        SearchIndex index(*m_db);
        indexAll(index);
        Error error;
        QCOMPARE(index.search(m_inbox, QStringLiteral("AND OR NOT"), &error), (QList<qint64>{4}));
        QVERIFY(!error.isError());
        QCOMPARE(index.search(m_inbox, QStringLiteral("\"quoted"), &error), (QList<qint64>{4}));
        QVERIFY(index.search(m_inbox, QStringLiteral("-x* ^ ( NEAR"), &error).isEmpty());
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QVERIFY(index.search(m_inbox, QStringLiteral("   ")).isEmpty());
    }

    void bodiesAndRecipientsAreSearchable()
    {
        SearchIndex index(*m_db);
        indexAll(index);
        QVERIFY(!BodyCache(*m_db).store(m_inbox, 2, "raw").isError());
        QVERIFY(!index
                     .indexBody(m_inbox, 2, QStringLiteral("Lena Vogel <lena@example.org>"),
                                QStringLiteral("The laptops cost 1200 euros each."))
                     .isError());
        QCOMPARE(index.search(m_inbox, QStringLiteral("laptops")), (QList<qint64>{2}));
        QCOMPARE(index.search(m_inbox, QStringLiteral("lena")), (QList<qint64>{2}));
        QCOMPARE(index.search(m_inbox, QStringLiteral("budget")).size(), 2); // subject kept
    }

    void removedMessagesLeaveTheIndex()
    {
        SearchIndex index(*m_db);
        indexAll(index);
        MessageCache cache(*m_db);
        QVERIFY(!cache.remove(m_inbox, {2}).isError());
        QCOMPARE(index.search(m_inbox, QStringLiteral("budget")), (QList<qint64>{3}));
        QVERIFY(!cache.clear(m_inbox).isError());
        QVERIFY(index.search(m_inbox, QStringLiteral("budget")).isEmpty());
        QCOMPARE(index.search(m_archive, QStringLiteral("budget")), (QList<qint64>{7}));
    }

    void storedAgainIsIndexedAgain()
    {
        SearchIndex index(*m_db);
        indexAll(index);
        MessageCache cache(*m_db);
        // A message stored again (a resync) goes back into the queue and is found once.
        QVERIFY(!cache
                     .store(m_inbox, {envelope(2, QStringLiteral("Budget review"),
                                               QStringLiteral("Bob Fischer"))})
                     .isError());
        indexAll(index);
        QCOMPARE(sorted(index.search(m_inbox, QStringLiteral("budget"))), (QList<qint64>{2, 3}));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_inbox = 0;
    qint64 m_archive = 0;
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "test_searchindex.moc"
