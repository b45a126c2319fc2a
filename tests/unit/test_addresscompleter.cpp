// SPDX-License-Identifier: GPL-3.0-or-later
// Address completion as the composer's To field offers it: what matches, in which order,
// how it is written, and the record of past recipients it learns from.
#include "models/addresscompleter.h"
#include "store/database.h"
#include "store/messagecache.h"
#include "store/recipienthistory.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace Tidings;

namespace {
Envelope envelope(qint64 uid, const QString &name, const QString &email, qint64 secs)
{
    Envelope e;
    e.uid = uid;
    e.subject = QStringLiteral("s");
    e.from = {name, email};
    e.date = QDateTime::fromSecsSinceEpoch(secs);
    return e;
}

const QDateTime Base = QDateTime::fromSecsSinceEpoch(1'800'000'000);
} // namespace

class TestAddressCompleter : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_mailbox = 0;

    void received(const QList<Envelope> &envelopes)
    {
        MessageCache cache(*m_db);
        QVERIFY(!cache.store(m_mailbox, envelopes).isError());
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Database>(m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
        QVERIFY(!m_db->open().isError());
        MessageCache cache(*m_db);
        m_mailbox = cache.state(QStringLiteral("work"), QStringLiteral("INBOX")).id;
        QVERIFY(m_mailbox > 0);
    }

    void matchesAddressPrefixAndNameWordStarts()
    {
        received(
            {envelope(1, QStringLiteral("Ann Marie Smith"), QStringLiteral("ann@example.org"), 100),
             envelope(2, QStringLiteral("Bob Jones"), QStringLiteral("bjones@example.org"), 200),
             envelope(3, QString(), QStringLiteral("news@shop.example"), 300)});
        AddressCompleter c(*m_db);
        QCOMPARE(c.complete(QStringLiteral("an")),
                 QStringList{QStringLiteral("Ann Marie Smith <ann@example.org>")});
        QCOMPARE(c.complete(QStringLiteral("SMI")),
                 QStringList{QStringLiteral("Ann Marie Smith <ann@example.org>")});
        QCOMPARE(c.complete(QStringLiteral("mar")),
                 QStringList{QStringLiteral("Ann Marie Smith <ann@example.org>")});
        QCOMPARE(c.complete(QStringLiteral("bj")),
                 QStringList{QStringLiteral("Bob Jones <bjones@example.org>")});
        QCOMPARE(c.complete(QStringLiteral("ne")),
                 QStringList{QStringLiteral("news@shop.example")});
        // Inside a word is not a match; nor is a LIKE wildcard typed by the user.
        QVERIFY(c.complete(QStringLiteral("ith")).isEmpty());
        QVERIFY(c.complete(QStringLiteral("%n")).isEmpty());
        QVERIFY(c.complete(QStringLiteral("_n")).isEmpty());
        QVERIFY(c.complete(QStringLiteral("a")).isEmpty()); // too short to be worth it
    }

    void oneEntryPerAddressWithItsBestName()
    {
        received({envelope(1, QStringLiteral("Ann Old"), QStringLiteral("ann@example.org"), 100),
                  envelope(2, QStringLiteral("Ann New"), QStringLiteral("ANN@example.org"), 300),
                  envelope(3, QString(), QStringLiteral("ann@example.org"), 500)});
        const QStringList got = AddressCompleter(*m_db).complete(QStringLiteral("ann"));
        QCOMPARE(got.size(), 1);
        QVERIFY2(got.constFirst().startsWith(QStringLiteral("Ann New <")),
                 qPrintable(got.join(u'|')));
    }

    void namesThatNeedQuotesAreQuoted()
    {
        received({envelope(1, QStringLiteral("Doe, John"), QStringLiteral("jd@example.org"), 1)});
        QCOMPARE(AddressCompleter(*m_db).complete(QStringLiteral("jd")),
                 QStringList{QStringLiteral("\"Doe, John\" <jd@example.org>")});
    }

    void rankedByHowOftenThenHowRecently()
    {
        received(
            {envelope(1, QStringLiteral("Al Old"), QStringLiteral("al.old@example.org"), 100),
             envelope(2, QStringLiteral("Al Often"), QStringLiteral("al.often@example.org"), 150),
             envelope(3, QStringLiteral("Al Often"), QStringLiteral("al.often@example.org"), 160),
             envelope(4, QStringLiteral("Al Recent"), QStringLiteral("al.recent@example.org"),
                      900)});
        QCOMPARE(AddressCompleter(*m_db).complete(QStringLiteral("al")),
                 (QStringList{QStringLiteral("Al Often <al.often@example.org>"),
                              QStringLiteral("Al Recent <al.recent@example.org>"),
                              QStringLiteral("Al Old <al.old@example.org>")}));
        QCOMPARE(AddressCompleter(*m_db).complete(QStringLiteral("al"), 1).size(), 1);
    }

    void peopleWrittenToComeFirst()
    {
        QList<Envelope> newsletters;
        for (int i = 0; i < 5; ++i)
            newsletters.append(envelope(i + 1, QStringLiteral("Carl News"),
                                        QStringLiteral("carl.news@example.org"), 100 + i));
        received(newsletters);
        RecipientHistory history(*m_db);
        QVERIFY(!history
                     .recordRecipients(
                         {{QStringLiteral("Carla"), QStringLiteral("carla@example.org")}}, Base)
                     .isError());
        QCOMPARE(AddressCompleter(*m_db).complete(QStringLiteral("car")),
                 (QStringList{QStringLiteral("Carla <carla@example.org>"),
                              QStringLiteral("Carl News <carl.news@example.org>")}));
    }

    void historyCountsAndKeepsTheLatestName()
    {
        RecipientHistory history(*m_db);
        QVERIFY(
            !history
                 .recordRecipients({{QString(), QStringLiteral("dan@example.org")},
                                    {QStringLiteral("Dana"), QStringLiteral("dana@example.org")}},
                                   Base)
                 .isError());
        QVERIFY(
            !history
                 .recordRecipients({{QStringLiteral("Dan Dee"), QStringLiteral("DAN@example.org")}},
                                   Base.addSecs(10))
                 .isError());
        QVERIFY(!history
                     .recordRecipients({{QString(), QStringLiteral("dan@example.org")}},
                                       Base.addSecs(20))
                     .isError());
        // dan: 3 messages, named by the one that gave a name; dana: 1.
        QCOMPARE(AddressCompleter(*m_db).complete(QStringLiteral("da")),
                 (QStringList{QStringLiteral("Dan Dee <dan@example.org>"),
                              QStringLiteral("Dana <dana@example.org>")}));
    }

    // Not a timed assertion: prints what one completion costs on a large cache.
    void largeCacheCost()
    {
        constexpr int Messages = 100'000;
        QList<Envelope> all;
        all.reserve(Messages);
        for (int i = 0; i < Messages; ++i)
            all.append(envelope(i + 1, QStringLiteral("Person %1").arg(i % 5000),
                                QStringLiteral("p%1@example.org").arg(i % 5000), 1000 + i));
        received(all);
        AddressCompleter c(*m_db);
        QElapsedTimer t;
        t.start();
        const QStringList got = c.complete(QStringLiteral("p12"));
        qInfo("one completion over %d cached envelopes: %lld ms", Messages, t.elapsed());
        QCOMPARE(got.size(), AddressCompleter::DefaultLimit);
    }
};

QTEST_GUILESS_MAIN(TestAddressCompleter)
#include "test_addresscompleter.moc"
