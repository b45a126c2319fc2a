// SPDX-License-Identifier: GPL-3.0-or-later
// The body cache holds whole messages (as before migration 9) and messages part by part; a
// message's parts go with it.
#include "store/bodycache.h"
#include "store/database.h"
#include "store/messagecache.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Tidings;

class TestBodyCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(!m_db->open().isError());
        MessageCache cache(*m_db);
        m_mailbox = cache.state(QStringLiteral("work"), QStringLiteral("INBOX")).id;
        QVERIFY(m_mailbox > 0);
        Envelope e;
        e.subject = QStringLiteral("s");
        for (qint64 uid : {1, 2}) {
            e.uid = uid;
            QVERIFY(!cache.store(m_mailbox, {e}).isError());
        }
    }
    void cleanup()
    {
        m_db.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("cache.sqlite")));
    }

    void wholeMessagesReadAsBefore()
    {
        BodyCache bodies(*m_db);
        QVERIFY(!bodies.entry(m_mailbox, 1));
        QVERIFY(!bodies.store(m_mailbox, 1, "Subject: x\r\n\r\nbody").isError());
        const auto entry = bodies.entry(m_mailbox, 1);
        QVERIFY(entry);
        QVERIFY(!entry->isPartial());
        QCOMPARE(bodies.raw(m_mailbox, 1).value_or(QByteArray()),
                 QByteArray("Subject: x\r\n\r\nbody"));
    }

    void partsAreKeptAndFollowTheirMessage()
    {
        BodyCache bodies(*m_db);
        const QByteArray structure = R"(("text" "plain" NIL NIL NIL "7bit" 4 1))";
        QVERIFY(!bodies
                     .storePartial(m_mailbox, 2, "Subject: big\r\n\r\n", structure,
                                   {{"1", {"Content-Type: text/plain\r\n\r\n", "text"}}})
                     .isError());
        const auto entry = bodies.entry(m_mailbox, 2);
        QVERIFY(entry && entry->isPartial());
        QCOMPARE(entry->structure, structure);
        // Not a whole message: whoever needs one must not take the header for it.
        QVERIFY(!bodies.raw(m_mailbox, 2));
        QVERIFY(!bodies.storePart(m_mailbox, 2, "2", {"Content-Type: image/png\r\n\r\n", "png"})
                     .isError());
        QCOMPARE(bodies.parts(m_mailbox, 2).size(), 2);
        QCOMPARE(bodies.part(m_mailbox, 2, "2").value_or(BodyCache::Part{}).data,
                 QByteArray("png"));
        QVERIFY(bodies.storedBytes(m_mailbox, 2) > 0);

        // Fetched whole later: the parts are not needed any more.
        QVERIFY(!bodies.store(m_mailbox, 2, "Subject: big\r\n\r\nall").isError());
        QVERIFY(bodies.parts(m_mailbox, 2).isEmpty());
        QVERIFY(!bodies.entry(m_mailbox, 2)->isPartial());

        // Expunged: body and parts go with the envelope.
        QVERIFY(!bodies
                     .storePartial(m_mailbox, 2, "h", structure,
                                   {{"1", {"Content-Type: text/plain\r\n\r\n", "text"}}})
                     .isError());
        QVERIFY(!MessageCache(*m_db).remove(m_mailbox, {2}).isError());
        QVERIFY(!bodies.entry(m_mailbox, 2));
        QVERIFY(bodies.parts(m_mailbox, 2).isEmpty());
        QCOMPARE(bodies.storedBytes(m_mailbox, 2), 0);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_mailbox = 0;
};

QTEST_GUILESS_MAIN(TestBodyCache)
#include "test_bodycache.moc"
