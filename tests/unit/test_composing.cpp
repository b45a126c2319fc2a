// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/addresslist.h"
#include "models/attachmentreminder.h"
#include "models/draftfrommessage.h"
#include "models/messagecomposer.h"

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

    void aSavedDraftReadsBackAsTheSameDraft()
    {
        Identity me;
        me.account = QStringLiteral("work");
        me.email = QStringLiteral("me@example.test");
        me.displayName = QStringLiteral("Me");
        Draft draft;
        draft.identity = me.key();
        draft.to = {{QStringLiteral("Ann Example"), QStringLiteral("ann@example.test")}};
        draft.cc = {{{}, QStringLiteral("cc@example.test")}};
        draft.bcc = {{{}, QStringLiteral("hidden@example.test")}};
        draft.subject = QStringLiteral("Grüße zum Plan");
        draft.plainBody = QStringLiteral("Erste Zeile\nzweite Zeile");
        draft.inReplyTo = "parent@example.test";
        draft.references = {"root@example.test", "parent@example.test"};
        draft.attachments = {{QStringLiteral("plan.txt"), "text/plain", "the plan\n"}};
        draft.htmlBody = QStringLiteral("<p>Erste Zeile<br>zweite <b>Zeile</b></p>");
        draft.answers = {QStringLiteral("work"), QStringLiteral("Shared/boss/INBOX"), 42};
        QByteArray mime;
        QVERIFY(!MessageComposer(me, {QStringLiteral("Me"), me.email})
                     .compose(draft, &mime, MessageComposer::Purpose::Draft)
                     .isError());
        QVERIFY(mime.contains("hidden@example.test")); // a draft keeps its Bcc
        QByteArray sent;
        Draft copy = draft;
        QVERIFY(
            !MessageComposer(me, {QStringLiteral("Me"), me.email}).compose(copy, &sent).isError());
        QVERIFY(!sent.contains("hidden@example.test")); // sent mail never names it
        QVERIFY(!sent.contains("X-Tidings-Answers"));
        QVERIFY(!draft.messageId.isEmpty());

        Error error;
        const std::optional<Draft> back = draftFromMessage(mime, {me}, &error);
        QVERIFY2(back, qPrintable(error.message));
        QCOMPARE(back->identity, me.key());
        QCOMPARE(back->messageId, draft.messageId);
        QCOMPARE(back->to.size(), 1);
        QCOMPARE(back->to.constFirst().name, QStringLiteral("Ann Example"));
        QCOMPARE(back->cc.constFirst().email, QStringLiteral("cc@example.test"));
        QCOMPARE(back->subject, draft.subject);
        QVERIFY2(back->plainBody.contains(QLatin1String("Erste Zeile\nzweite Zeile")),
                 qPrintable(back->plainBody));
        QCOMPARE(back->inReplyTo, draft.inReplyTo);
        QCOMPARE(back->references, draft.references);
        QCOMPARE(back->attachments.size(), 1);
        QCOMPARE(back->attachments.constFirst().fileName, QStringLiteral("plan.txt"));
        QCOMPARE(back->attachments.constFirst().data, QByteArray("the plan\n"));
        QCOMPARE(back->bcc.size(), 1);
        QVERIFY2(back->htmlBody.contains(QLatin1String("<b>Zeile</b>")),
                 qPrintable(back->htmlBody));
        QCOMPARE(back->answers.mailbox, QStringLiteral("Shared/boss/INBOX"));
        QCOMPARE(back->answers.uid, 42);

        QVERIFY(!draftFromMessage(QByteArray(), {me}, &error));
        QVERIFY(error.isError());
    }
};

QTEST_GUILESS_MAIN(TestComposing)
#include "test_composing.moc"
