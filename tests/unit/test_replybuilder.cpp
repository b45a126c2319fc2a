// SPDX-License-Identifier: GPL-3.0-or-later
// Replies and forwards as a user sees them in the composer: who they go to, from which
// identity, the subject, the threading headers, the quoted or forwarded text.
#include "models/htmltotext.h"
#include "models/quotedtext.h"
#include "models/replybuilder.h"
#include "models/replysubject.h"

#include <KMime/Message>
#include <QTest>

using namespace Tidings;
using namespace Qt::StringLiterals;

namespace {
Identity identity(const QString &account, const QString &email, IdentityKind kind)
{
    Identity i;
    i.account = account;
    i.email = email;
    i.displayName = email.section(QLatin1Char('@'), 0, 0);
    i.kind = kind;
    return i;
}

// Two accounts: "work" (own address, an alias, a delegated boss) and "home".
const QList<Identity> &identities()
{
    static const QList<Identity> all = {
        identity(QStringLiteral("work"), QStringLiteral("me@work.test"), IdentityKind::Own),
        identity(QStringLiteral("work"), QStringLiteral("sales@work.test"), IdentityKind::Alias),
        identity(QStringLiteral("work"), QStringLiteral("boss@work.test"), IdentityKind::Delegated),
        identity(QStringLiteral("home"), QStringLiteral("me@home.test"), IdentityKind::Own),
    };
    return all;
}

const QString WorkKey = QStringLiteral("work:me@work.test");
const QString HomeKey = QStringLiteral("home:me@home.test");

QByteArray mail(const QByteArray &headers, const QByteArray &body = "Hello.\r\n")
{
    QByteArray h = headers;
    if (!h.contains("Date:"))
        h += "\r\nDate: Fri, 04 Dec 2026 10:00:00 +0000";
    if (!h.contains("Message-ID:"))
        h += "\r\nMessage-ID: <orig@example.org>";
    return h + "\r\n\r\n" + body;
}

Draft build(ReplyMode mode, const QByteArray &raw, const QString &defaultKey = HomeKey)
{
    Error error;
    const std::optional<Draft> d =
        ReplyBuilder(identities(), defaultKey)
            .build(mode, raw, {QStringLiteral("work"), QStringLiteral("INBOX"), 7}, &error);
    if (!d)
        qWarning() << error.message;
    return d.value_or(Draft{});
}

QStringList emails(const QList<Address> &list)
{
    QStringList out;
    for (const Address &a : list)
        out.append(a.email);
    return out;
}
} // namespace

class TestReplyBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replySubjects_data()
    {
        QTest::addColumn<QString>("original");
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("forward");
        QTest::newRow("plain") << u"Lunch"_s << u"Re: Lunch"_s << u"Fwd: Lunch"_s;
        QTest::newRow("re") << u"Re: Lunch"_s << u"Re: Lunch"_s << u"Fwd: Re: Lunch"_s;
        QTest::newRow("RE upper") << u"RE: Lunch"_s << u"Re: Lunch"_s << u"Fwd: Re: Lunch"_s;
        QTest::newRow("repeats") << u"Re: RE: re:Lunch"_s << u"Re: Lunch"_s << u"Fwd: Re: Lunch"_s;
        QTest::newRow("german") << u"AW: Aw: Lunch"_s << u"Re: Lunch"_s << u"Fwd: Re: Lunch"_s;
        QTest::newRow("counted") << u"Re[2]: Re^3: Lunch"_s << u"Re: Lunch"_s
                                 << u"Fwd: Re: Lunch"_s;
        QTest::newRow("fwd") << u"Fwd: Lunch"_s << u"Re: Fwd: Lunch"_s << u"Fwd: Lunch"_s;
        QTest::newRow("fw") << u"FW: Fw: Lunch"_s << u"Re: Fwd: Lunch"_s << u"Fwd: Lunch"_s;
        QTest::newRow("re fwd") << u"Re: Fwd: Lunch"_s << u"Re: Fwd: Lunch"_s
                                << u"Fwd: Re: Fwd: Lunch"_s;
        QTest::newRow("list") << u"[dev] Re: Lunch"_s << u"Re: [dev] Lunch"_s
                              << u"Fwd: [dev] Re: Lunch"_s;
        QTest::newRow("list twice")
            << u"Re: [dev] Re: [dev] Lunch"_s << u"Re: [dev] Lunch"_s << u"Fwd: [dev] Re: Lunch"_s;
        QTest::newRow("patch tag")
            << u"[PATCH 1/2] fix"_s << u"Re: [PATCH 1/2] fix"_s << u"Fwd: [PATCH 1/2] fix"_s;
        QTest::newRow("word, not prefix")
            << u"Regards: a plan"_s << u"Re: Regards: a plan"_s << u"Fwd: Regards: a plan"_s;
        QTest::newRow("empty") << u""_s << u"Re:"_s << u"Fwd:"_s;
    }
    void replySubjects()
    {
        QFETCH(QString, original);
        QFETCH(QString, reply);
        QFETCH(QString, forward);
        QCOMPARE(replySubject(original), reply);
        QCOMPARE(forwardSubject(original), forward);
        QCOMPARE(replySubject(reply), reply); // replying to the reply adds nothing
    }

    void quotingPrefixesEveryLine()
    {
        QCOMPARE(quoted(QStringLiteral("one\r\n\r\n> two\r\nthree\n\n")),
                 QStringLiteral("> one\n>\n>> two\n> three"));
    }

    void signatureIsDropped()
    {
        QCOMPARE(withoutSignature(QStringLiteral("Hi\n-- not one\n\n-- \nAlice\n+1 555")),
                 QStringLiteral("Hi\n-- not one"));
        QCOMPARE(withoutSignature(QStringLiteral("no signature\n--\nkept")),
                 QStringLiteral("no signature\n--\nkept"));
    }

    void flowedTextIsJoined()
    {
        QCOMPARE(unflowed(QStringLiteral("a long \nline\n>quoted \n>more\n> next \nnew\n-- \nsig"),
                          false),
                 QStringLiteral("a long line\n> quoted more\n> next \nnew\n-- \nsig"));
        QCOMPARE(unflowed(QStringLiteral("wo \nrd"), true), QStringLiteral("word"));
    }

    void htmlBecomesText()
    {
        QCOMPARE(htmlToText(QStringLiteral(
                     "<html><head><title>t</title><style>p{}</style></head><body>"
                     "<p>Hello&nbsp;<b>Bob</b>,</p>\n<p>a &lt;b&gt; &amp; c&#233;&#x20AC;"
                     "<br>next</p><ul><li>one</li><li>two</li></ul><!-- x --></body></html>")),
                 QStringLiteral("Hello Bob,\n\na <b> & cé€\nnext\n\n* one\n\n* two"));
    }

    void replyGoesToReplyToElseFrom()
    {
        Draft d = build(ReplyMode::Reply,
                        mail("From: Ann <ann@example.org>\r\nTo: me@work.test\r\nSubject: Hi"));
        QCOMPARE(emails(d.to), QStringList{QStringLiteral("ann@example.org")});
        QCOMPARE(d.to.constFirst().name, QStringLiteral("Ann"));
        QVERIFY(d.cc.isEmpty());
        d = build(ReplyMode::Reply, mail("From: ann@example.org\r\nReply-To: list@example.org\r\n"
                                         "To: me@work.test\r\nCc: bob@example.org\r\nSubject: Hi"));
        QCOMPARE(emails(d.to), QStringList{QStringLiteral("list@example.org")});
        QVERIFY(d.cc.isEmpty());
    }

    void replyAllLeavesOutOurselvesAndDuplicates()
    {
        const Draft d = build(ReplyMode::ReplyAll,
                              mail("From: Ann <ann@example.org>\r\n"
                                   "To: ME@work.test, Bob <bob@example.org>, sales@work.test\r\n"
                                   "Cc: ANN@example.org, bob@EXAMPLE.org, carl@example.org, "
                                   "boss@work.test\r\nSubject: Hi"));
        QCOMPARE(d.identity, WorkKey);
        QCOMPARE(emails(d.to), QStringList{QStringLiteral("ann@example.org")});
        QCOMPARE(emails(d.cc), (QStringList{QStringLiteral("bob@example.org"),
                                            QStringLiteral("carl@example.org")}));
    }

    void replyAllKeepsOtherAccountsAddresses()
    {
        // me@home.test is another account's address: replying from work, it is a recipient.
        const Draft d =
            build(ReplyMode::ReplyAll, mail("From: ann@example.org\r\nTo: me@work.test\r\n"
                                            "Cc: me@home.test\r\nSubject: Hi"));
        QCOMPARE(d.identity, WorkKey);
        QCOMPARE(emails(d.cc), QStringList{QStringLiteral("me@home.test")});
    }

    void replyToOwnSentMailGoesToItsRecipients()
    {
        const QByteArray sent = mail("From: Me <me@work.test>\r\nTo: bob@example.org, "
                                     "me@work.test\r\nCc: carl@example.org, sales@work.test\r\n"
                                     "Subject: Plan");
        Draft d = build(ReplyMode::Reply, sent);
        QCOMPARE(d.identity, WorkKey);
        QCOMPARE(emails(d.to),
                 (QStringList{QStringLiteral("bob@example.org"), QStringLiteral("me@work.test")}));
        QVERIFY(d.cc.isEmpty());
        d = build(ReplyMode::ReplyAll, sent);
        QCOMPARE(emails(d.cc), QStringList{QStringLiteral("carl@example.org")});
    }

    void mailFromTheDelegatorIsAnsweredToTheDelegator()
    {
        // The boss writes to the assistant: a reply goes back to the boss, not to ourselves.
        const QByteArray fromBoss =
            mail("From: Boss <boss@work.test>\r\nTo: me@work.test\r\nSubject: Agenda");
        const Draft d = build(ReplyMode::Reply, fromBoss);
        QCOMPARE(emails(d.to), QStringList{QStringLiteral("boss@work.test")});
        QCOMPARE(d.identity, WorkKey);
    }

    void identityIsTheAddressTheMailWentTo_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<QString>("identity");
        QTest::newRow("to") << QByteArray("To: x@example.org, Boss <BOSS@work.test>")
                            << QStringLiteral("work:boss@work.test");
        QTest::newRow("cc") << QByteArray("To: x@example.org\r\nCc: sales@work.test")
                            << QStringLiteral("work:sales@work.test");
        QTest::newRow("to before cc")
            << QByteArray("To: me@home.test\r\nCc: sales@work.test") << HomeKey;
        QTest::newRow("delivered-to") << QByteArray("To: list@example.org\r\n"
                                                    "Delivered-To: sales@work.test")
                                      << QStringLiteral("work:sales@work.test");
        QTest::newRow("x-original-to") << QByteArray("To: list@example.org\r\n"
                                                     "X-Original-To: <boss@work.test>")
                                       << QStringLiteral("work:boss@work.test");
        QTest::newRow("nobody: the default") << QByteArray("To: list@example.org") << HomeKey;
    }
    void identityIsTheAddressTheMailWentTo()
    {
        QFETCH(QByteArray, headers);
        QFETCH(QString, identity);
        for (ReplyMode mode : {ReplyMode::Reply, ReplyMode::ForwardInline}) {
            const Draft d =
                build(mode, mail("From: ann@example.org\r\nSubject: x\r\n" + headers), HomeKey);
            QCOMPARE(d.identity, identity);
        }
    }

    void threadingHeaders()
    {
        Draft d = build(ReplyMode::Reply,
                        mail("From: ann@example.org\r\nSubject: x\r\nMessage-ID: <c@x>\r\n"
                             "In-Reply-To: <b@x>\r\nReferences: <a@x> <b@x>"));
        QCOMPARE(d.inReplyTo, QByteArray("c@x"));
        QCOMPARE(d.references, (QByteArrayList{"a@x", "b@x", "c@x"}));
        QCOMPARE(d.answers.uid, 7);
        QCOMPARE(d.answers.mailbox, QStringLiteral("INBOX"));

        d = build(ReplyMode::Reply, mail("From: ann@example.org\r\nSubject: x\r\n"
                                         "Message-ID: <c@x>\r\nIn-Reply-To: <b@x>"));
        QCOMPARE(d.references, (QByteArrayList{"b@x", "c@x"}));
    }

    void longReferencesKeepRootAndRecent()
    {
        QByteArrayList refs;
        for (int i = 0; i < 50; ++i)
            refs.append("m" + QByteArray::number(i) + "@x");
        const QByteArrayList out = ReplyBuilder::replyReferences(refs, {}, "new@x");
        QCOMPARE(out.size(), ReplyBuilder::ReferencesKeptAtEnd + 1);
        QCOMPARE(out.constFirst(), QByteArray("m0@x"));
        QCOMPARE(out.constLast(), QByteArray("new@x"));
        QCOMPARE(out.at(1), QByteArray("m31@x"));
    }

    void replyQuotesTextWithoutSignature()
    {
        const Draft d =
            build(ReplyMode::Reply, mail("From: Ann Example <ann@example.org>\r\nSubject: x",
                                         "Hi,\r\n> earlier\r\n\r\nsee you\r\n-- \r\nAnn\r\n"));
        const QStringList lines = d.plainBody.split(QLatin1Char('\n'));
        QVERIFY2(lines.constFirst().contains(QStringLiteral("Ann Example wrote:")),
                 qPrintable(lines.constFirst()));
        QVERIFY2(lines.constFirst().contains(QStringLiteral("2026")),
                 qPrintable(lines.constFirst()));
        QCOMPARE(lines.mid(1),
                 (QStringList{QStringLiteral("> Hi,"), QStringLiteral(">> earlier"),
                              QStringLiteral(">"), QStringLiteral("> see you"), QString()}));
        QVERIFY(d.htmlBody.isEmpty());
        QVERIFY(d.attachments.isEmpty());
    }

    void htmlOnlyMailIsQuotedAsText()
    {
        const Draft d = build(ReplyMode::Reply,
                              mail("From: ann@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
                                   "Content-Type: text/html; charset=utf-8",
                                   "<p>First</p><p>Second &amp; <i>last</i></p>"));
        QVERIFY2(d.plainBody.endsWith(QStringLiteral("\n> First\n>\n> Second & last\n")),
                 qPrintable(d.plainBody));
    }

    void flowedMailIsQuotedAsParagraphs()
    {
        const Draft d = build(ReplyMode::Reply,
                              mail("From: ann@example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
                                   "Content-Type: text/plain; charset=utf-8; format=flowed",
                                   "one long \r\nparagraph\r\n"));
        QVERIFY2(d.plainBody.endsWith(QStringLiteral("\n> one long paragraph\n")),
                 qPrintable(d.plainBody));
    }

    void forwardInlineCarriesHeadersTextAndAttachments()
    {
        const QByteArray raw = mail(
            "From: Ann <ann@example.org>\r\nTo: me@work.test\r\nCc: bob@example.org\r\n"
            "Subject: Report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b",
            "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n-- \r\nAnn\r\n"
            "--b\r\nContent-Type: text/csv; name=\"r.csv\"\r\n"
            "Content-Disposition: attachment; filename=\"r.csv\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\neCx5CjEsMgo=\r\n--b--\r\n");
        const Draft d = build(ReplyMode::ForwardInline, raw);
        QCOMPARE(d.subject, QStringLiteral("Fwd: Report"));
        QCOMPARE(d.identity, WorkKey);
        QVERIFY(d.to.isEmpty());
        QVERIFY(d.inReplyTo.isEmpty());
        QVERIFY(!d.answers.isValid());
        QVERIFY2(d.plainBody.startsWith(QStringLiteral("---------- Forwarded message ----------\n"
                                                       "From: Ann <ann@example.org>\nDate: ")),
                 qPrintable(d.plainBody));
        QVERIFY(d.plainBody.contains(QStringLiteral("\nSubject: Report\nTo: me@work.test\n"
                                                    "Cc: bob@example.org\n\nSee attached.\n")));
        QCOMPARE(d.attachments.size(), 1);
        QCOMPARE(d.attachments.constFirst().fileName, QStringLiteral("r.csv"));
        QCOMPARE(d.attachments.constFirst().mimeType, QByteArray("text/csv"));
        QCOMPARE(d.attachments.constFirst().data, QByteArray("x,y\n1,2\n"));
    }

    void forwardAsAttachmentCarriesTheOriginalUnchanged()
    {
        const QByteArray raw = mail("From: ann@example.org\r\nTo: me@work.test\r\n"
                                    "Subject: Q3: plans/ideas?");
        const Draft d = build(ReplyMode::ForwardAsAttachment, raw);
        QCOMPARE(d.subject, QStringLiteral("Fwd: Q3: plans/ideas?"));
        QCOMPARE(d.attachments.size(), 1);
        const DraftAttachment &a = d.attachments.constFirst();
        QVERIFY(a.isMessage());
        QCOMPARE(a.data, raw);
        QCOMPARE(a.fileName, QStringLiteral("Q3_ plans_ideas_.eml"));
        QVERIFY(d.plainBody.isEmpty());
    }

    void notAMessageIsRefused()
    {
        Error error;
        QVERIFY(
            !ReplyBuilder(identities(), WorkKey).build(ReplyMode::Reply, "\r\n\r\n", {}, &error));
        QCOMPARE(error.kind, ErrorKind::BadInput);
    }
};

QTEST_GUILESS_MAIN(TestReplyBuilder)
#include "test_replybuilder.moc"
