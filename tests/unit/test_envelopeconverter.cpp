// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/envelopeconverter.h"

#include <KMime/Message>
#include <QTest>

using namespace Tidings;

namespace {
KIMAP::Message fetched(qint64 uid, const QByteArray &headers, const QByteArrayList &flags = {})
{
    KIMAP::Message m;
    m.uid = uid;
    m.size = 1234;
    m.flags = flags;
    m.message = KIMAP::MessagePtr(new KMime::Message);
    m.message->setHead(headers);
    m.message->parse();
    return m;
}
} // namespace

class TestEnvelopeConverter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wellFormed()
    {
        const Envelope e = envelopeFromFetch(
            fetched(42,
                    "From: =?UTF-8?B?Q2hsb8OpIE1hcnRpbg==?= <chloe@example.fr>\r\n"
                    "To: Me <me@example.com>, other@example.com\r\n"
                    "Subject: =?UTF-8?Q?R=C3=A9union_demain?=\r\n"
                    "Date: Tue, 01 Dec 2026 09:30:00 +0100\r\n"
                    "Message-ID: <abc@example.fr>\r\n"
                    "In-Reply-To: <parent@example.com>\r\n"
                    "References: <root@example.com> <parent@example.com>\r\n",
                    {"\\Seen", "\\Flagged"}));
        QCOMPARE(e.uid, 42);
        QCOMPARE(e.size, 1234);
        QCOMPARE(e.from.name, QStringLiteral("Chloé Martin"));
        QCOMPARE(e.from.email, QStringLiteral("chloe@example.fr"));
        QCOMPARE(e.to.size(), 2);
        QCOMPARE(e.subject, QStringLiteral("Réunion demain"));
        QCOMPARE(e.date.toUTC(), QDateTime(QDate(2026, 12, 1), QTime(8, 30), QTimeZone::UTC));
        QCOMPARE(e.messageId, QByteArray("abc@example.fr"));
        QCOMPARE(e.inReplyTo, QByteArray("parent@example.com"));
        QCOMPARE(e.references, (QByteArrayList{"root@example.com", "parent@example.com"}));
        QVERIFY(!e.isUnread());
        QVERIFY(e.isFlagged());

        // What the cache stores is the same without the recipients.
        const Envelope forCache = envelopeFromFetch(fetched(42,
                                                            "From: Chloe <chloe@example.fr>\r\n"
                                                            "To: Me <me@example.com>\r\n"
                                                            "Subject: Hi\r\n",
                                                            {}),
                                                    Recipients::Skip);
        QVERIFY(forCache.to.isEmpty());
        QCOMPARE(forCache.from.email, QStringLiteral("chloe@example.fr"));
        QCOMPARE(forCache.subject, QStringLiteral("Hi"));
    }

    void malformedHeadersStillGiveARow()
    {
        const Envelope e = envelopeFromFetch(
            fetched(7, "From: not an address at all\r\nDate: yesterday-ish\r\nSubject:\r\n"));
        QCOMPARE(e.uid, 7);
        QVERIFY2(e.subject.isEmpty(), qPrintable(e.subject));
        QVERIFY(e.messageId.isEmpty());
        QVERIFY(e.isUnread());
    }

    void noMessageAtAll()
    {
        KIMAP::Message m;
        m.uid = 3;
        m.flags = {"\\Answered"};
        const Envelope e = envelopeFromFetch(m);
        QCOMPARE(e.uid, 3);
        QVERIFY(e.flags.testFlag(MessageFlag::Answered));
        QVERIFY(e.from.email.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEnvelopeConverter)
#include "test_envelopeconverter.moc"
