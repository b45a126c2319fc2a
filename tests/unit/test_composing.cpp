// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/addresslist.h"
#include "models/attachmentreminder.h"

#include <QTest>

using namespace Tidings;

class TestComposing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addressListsParse()
    {
        QString error;
        const QList<Address> list =
            parseAddressList(QStringLiteral("Ann Example <ann@example.test>, bob@example.test; "
                                            "\"Doe, Jane\" <jane@example.test>,, "),
                             &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.at(0).name, QStringLiteral("Ann Example"));
        QCOMPARE(list.at(0).email, QStringLiteral("ann@example.test"));
        QCOMPARE(list.at(1).email, QStringLiteral("bob@example.test"));
        QCOMPARE(list.at(2).name, QStringLiteral("Doe, Jane"));
        // Back to text and parsed again, nothing changes (the comma is quoted).
        QString again;
        const QList<Address> round = parseAddressList(formatAddressList(list), &again);
        QVERIFY2(again.isEmpty(), qPrintable(again));
        QCOMPARE(round.size(), 3);
        QCOMPARE(round.at(2).name, QStringLiteral("Doe, Jane"));
        QCOMPARE(round.at(2).email, QStringLiteral("jane@example.test"));
    }

    void badAddressesNameTheEntry()
    {
        QString error;
        QVERIFY(
            parseAddressList(QStringLiteral("ann@example.test, bob at example"), &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("bob at example")), qPrintable(error));
        QVERIFY(parseAddressList(QStringLiteral("Ann <ann@>"), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(parseAddressList(QStringLiteral("   "), &error).isEmpty());
        QVERIFY(error.isEmpty()); // nothing typed is not an error
    }

    void attachmentMentions_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("mentions");
        QTest::newRow("attached") << QStringLiteral("Hi,\nI've attached the report.") << true;
        QTest::newRow("Attachment") << QStringLiteral("See Attachment.") << true;
        QTest::newRow("enclosed") << QStringLiteral("Enclosed is the invoice.") << true;
        QTest::newRow("German") << QStringLiteral("Anbei die Unterlagen.") << true;
        QTest::newRow("French") << QStringLiteral("Voir la pièce jointe.") << true;
        QTest::newRow("nothing") << QStringLiteral("Lunch at noon?") << false;
        QTest::newRow("unattached") << QStringLiteral("I feel unattached.") << false;
        QTest::newRow("only quoted")
            << QStringLiteral("Thanks!\n\n> I attached the file\n> see attachment") << false;
        QTest::newRow("only signature")
            << QStringLiteral("Thanks!\n-- \nAttachments are scanned for viruses") << false;
    }
    void attachmentMentions()
    {
        QFETCH(QString, body);
        QFETCH(bool, mentions);
        QCOMPARE(mentionsAttachment(body), mentions);
    }
};

QTEST_GUILESS_MAIN(TestComposing)
#include "test_composing.moc"
