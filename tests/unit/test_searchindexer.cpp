// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/searchindexer.h"
#include "store/database.h"
#include "store/messagecache.h"
#include "store/searchindex.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tidings;

class TestSearchIndexer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void indexesOnItsOwnConnectionAndSearchWaitsForIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        Database db(path);
        QVERIFY(!db.open().isError());
        MessageCache cache(db);
        const qint64 inbox = cache.state(QStringLiteral("work"), QStringLiteral("INBOX")).id;
        // More than one step, so the pass goes on across steps.
        constexpr int Count = SearchIndex::StepSize + 500;
        QList<Envelope> envelopes;
        for (int uid = 1; uid <= Count; ++uid) {
            Envelope e;
            e.uid = uid;
            e.subject = uid == Count ? QStringLiteral("Needle in the stack")
                                     : QStringLiteral("Hay %1").arg(uid);
            e.from = {QStringLiteral("Ann"), QStringLiteral("ann@example.org")};
            e.date = QDateTime::fromSecsSinceEpoch(1'700'000'000 + uid);
            envelopes.append(e);
        }
        QVERIFY(!cache.store(inbox, envelopes).isError());

        SearchIndexer indexer(path);
        SearchIndex index(db);
        QVERIFY(index.search(inbox, QStringLiteral("needle")).isEmpty()); // not indexed yet
        QSignalSpy indexed(&indexer, &SearchIndexer::indexed);
        bool ran = false;
        indexer.whenIndexed(this, [&] { ran = true; });
        QVERIFY(indexer.isRunning());
        QTRY_VERIFY(ran);
        QCOMPARE(indexed.size(), 1);
        QCOMPARE(indexed.constFirst().constFirst().toInt(), Count);
        QCOMPARE(index.search(inbox, QStringLiteral("needle")), QList<qint64>{Count});

        // A request while a pass runs adds a pass; everything ends indexed, reported once.
        Envelope late;
        late.uid = Count + 1;
        late.subject = QStringLiteral("Late arrival");
        late.date = QDateTime::currentDateTimeUtc();
        QVERIFY(!cache.store(inbox, {late}).isError());
        indexed.clear();
        indexer.request();
        indexer.request();
        QTRY_COMPARE(indexed.size(), 1);
        QCOMPARE(index.search(inbox, QStringLiteral("late")), QList<qint64>{Count + 1});
    }
};

QTEST_GUILESS_MAIN(TestSearchIndexer)
#include "test_searchindexer.moc"
