// SPDX-License-Identifier: GPL-3.0-or-later
#include "cachefile.h"
#include "store/database.h"
#include "store/messagecache.h"
#include "store/messagewriter.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Tidings;

namespace {
QList<Envelope> batch(qint64 firstUid, int count, const QString &subject)
{
    QList<Envelope> out;
    for (int i = 0; i < count; ++i) {
        Envelope e;
        e.uid = firstUid + i;
        e.subject = subject;
        e.messageId = "<" + QByteArray::number(firstUid + i) + "@test>";
        out.append(e);
    }
    return out;
}
} // namespace

class TestMessageWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void batchesArriveInOrderAndReadableHere()
    {
        CacheFile file;
        QVERIFY(file.open());
        MessageCache &cache = *file.cache;
        const qint64 box = file.box;

        MessageWriter writer(cache.databasePath());
        QList<int> reported;
        connect(&writer, &MessageWriter::stored, this, [&](int count, const Error &error) {
            QVERIFY(!error.isError());
            reported.append(count);
        });
        // The same UID twice: the later batch must win, as it would on one thread.
        writer.store(box, batch(1, 3, QStringLiteral("first")));
        writer.store(box, batch(3, 5, QStringLiteral("second")));
        writer.store(box, batch(100, 1, QStringLiteral("third")));
        QCOMPARE(writer.pending(), 3);
        QVERIFY(QTest::qWaitFor([&] { return writer.pending() == 0; }));
        QCOMPARE(reported, (QList<int>{3, 5, 1}));

        QCOMPARE(cache.count(box), 8);
        QString subjectOf3;
        for (const Envelope &e : cache.envelopes(box)) {
            if (e.uid == 3)
                subjectOf3 = e.subject;
        }
        QCOMPARE(subjectOf3, QStringLiteral("second"));
    }

    void storedTextReadsBackAsWritten()
    {
        CacheFile file;
        QVERIFY(file.open());
        MessageCache &cache = *file.cache;
        const qint64 box = file.box;
        Envelope e;
        e.uid = 7;
        e.subject = QStringLiteral("Grüße, 会议 😀");
        e.from = {QStringLiteral("Zoë Ångström"), QStringLiteral("zoe@example.org")};
        e.date = QDateTime(QDate(2026, 3, 1), QTime(9, 30), QTimeZone::UTC);
        e.size = 1234;
        e.flags = MessageFlag::Seen | MessageFlag::Flagged;
        // A stray 8-bit byte (servers pass them through) and references in order.
        e.messageId = "<caf\xe9@x>";
        e.inReplyTo = "<b@x>";
        e.references = {"<a@x>", "<b@x>"};
        // Given in descending UID order, the way a sync fetches: all three kept.
        QVERIFY(!cache
                     .store(box, {batch(9, 1, QStringLiteral("nine")).first(), e,
                                  batch(2, 1, QStringLiteral("two")).first()})
                     .isError());
        QCOMPARE(cache.count(box), 3);
        const std::optional<Envelope> back = cache.envelope(box, 7);
        QVERIFY(back);
        QCOMPARE(back->subject, e.subject);
        QCOMPARE(back->from.name, e.from.name);
        QCOMPARE(back->from.email, e.from.email);
        QCOMPARE(back->date, e.date);
        QCOMPARE(back->size, e.size);
        QCOMPARE(back->flags, e.flags);
        QCOMPARE(back->messageId, e.messageId);
        QCOMPARE(back->inReplyTo, e.inReplyTo);
        QCOMPARE(back->references, e.references);
    }

    void unwritableFileIsReported()
    {
        QTemporaryDir dir;
        // A directory where the file should be: SQLite cannot open it.
        MessageWriter writer(dir.path());
        Error reported;
        bool done = false;
        connect(&writer, &MessageWriter::stored, this, [&](int, const Error &error) {
            reported = error;
            done = true;
        });
        writer.store(1, batch(1, 1, QStringLiteral("x")));
        QVERIFY(QTest::qWaitFor([&] { return done; }));
        QVERIFY(reported.isError());
    }
};

QTEST_GUILESS_MAIN(TestMessageWriter)
#include "test_messagewriter.moc"
