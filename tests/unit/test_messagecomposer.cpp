// SPDX-License-Identifier: GPL-3.0-or-later
// The outgoing message as KMime parses it back: headers, Sender for on-behalf only, no Bcc,
// encodings, alternative and mixed structure, RFC 2231 file names, forwarded messages.
#include "fixtures/verify.h"
#include "models/messagecomposer.h"

#include <KMime/Message>
#include <QTest>

using namespace Tidings;

namespace {
const Address Owner{QStringLiteral("Alice Assistant"), QStringLiteral("alice@example.test")};

Identity own()
{
    Identity i;
    i.account = QStringLiteral("work");
    i.email = QStringLiteral("alice@example.test");
    i.displayName = QStringLiteral("Alice Assistant");
    return i;
}

Identity delegated(DelegationMode mode)
{
    Identity i;
    i.account = QStringLiteral("work");
    i.email = QStringLiteral("boss@example.test");
    i.displayName = QStringLiteral("Bo Boss");
    i.kind = IdentityKind::Delegated;
    i.mode = mode;
    return i;
}

Draft simpleDraft()
{
    Draft d;
    d.to = {{QStringLiteral("Bob"), QStringLiteral("bob@example.test")}};
    d.cc = {{{}, QStringLiteral("carol@example.test")}};
    d.bcc = {{{}, QStringLiteral("secret@example.test")}};
    d.subject = QStringLiteral("Plans");
    d.plainBody = QStringLiteral("Hello Bob,\nsee you.\n");
    return d;
}

std::unique_ptr<KMime::Message> parse(const QByteArray &mime)
{
    auto m = std::make_unique<KMime::Message>();
    m->setContent(KMime::CRLFtoLF(mime));
    m->parse();
    return m;
}

QByteArray compose(const Identity &identity, Draft &draft)
{
    QByteArray mime;
    MessageComposer composer(identity, Owner);
    composer.setDate(QDateTime(QDate(2026, 12, 4), QTime(10, 0), QTimeZone::UTC));
    const Error e = composer.compose(draft, &mime);
    if (e.isError())
        qWarning("%s", qPrintable(e.message));
    return mime;
}
} // namespace

class TestMessageComposer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headersOfAPlainMessage()
    {
        Draft d = simpleDraft();
        const QByteArray mime = compose(own(), d);
        QVERIFY(mime.contains("\r\n"));
        QVERIFY(!mime.contains("secret@example.test")); // Bcc travels as RCPT TO only
        QVERIFY(!d.messageId.isEmpty());
        QVERIFY(d.messageId.endsWith("@example.test"));
        const auto m = parse(mime);
        QCOMPARE(m->from()->mailboxes().constFirst().address(), QByteArray("alice@example.test"));
        QCOMPARE(m->from()->mailboxes().constFirst().name(), QStringLiteral("Alice Assistant"));
        QVERIFY(!m->sender(false)); // no Sender for one's own address
        QCOMPARE(m->to()->addresses(), QList<QByteArray>{"bob@example.test"});
        QCOMPARE(m->cc()->addresses(), QList<QByteArray>{"carol@example.test"});
        QVERIFY(!m->bcc(false));
        QCOMPARE(m->subject()->asUnicodeString(), QStringLiteral("Plans"));
        QCOMPARE(m->messageID()->identifier(), d.messageId);
        QCOMPARE(m->date()->dateTime().toUTC(),
                 QDateTime(QDate(2026, 12, 4), QTime(10, 0), QTimeZone::UTC));
        QVERIFY(mime.contains("MIME-Version: 1.0"));
        QCOMPARE(m->contentType()->mimeType(), QByteArray("text/plain"));
        QCOMPARE(m->contentType()->charset(), QByteArray("utf-8"));
        QCOMPARE(m->contentTransferEncoding()->encoding(), KMime::Headers::CE7Bit);
        QCOMPARE(m->decodedText(KMime::Content::TrimNewlines),
                 QStringLiteral("Hello Bob,\nsee you."));

        // The Message-ID is generated once: composing again keeps it.
        const QByteArray id = d.messageId;
        compose(own(), d);
        QCOMPARE(d.messageId, id);
    }

    void onBehalfCarriesSenderSendAsDoesNot()
    {
        Draft d = simpleDraft();
        auto m = parse(compose(delegated(DelegationMode::OnBehalf), d));
        QCOMPARE(m->from()->addresses(), QList<QByteArray>{"boss@example.test"});
        QVERIFY(m->sender(false));
        QCOMPARE(m->sender()->addresses(), QList<QByteArray>{"alice@example.test"});

        d = simpleDraft();
        m = parse(compose(delegated(DelegationMode::SendAs), d));
        QCOMPARE(m->from()->addresses(), QList<QByteArray>{"boss@example.test"});
        QVERIFY(!m->sender(false));
    }

    void nonAsciiSubjectAndBodyAreEncoded()
    {
        Draft d = simpleDraft();
        d.subject = QStringLiteral("Grüße aus Köln");
        d.plainBody = QStringLiteral("Schöne Grüße — bis bald\n");
        const QByteArray mime = compose(own(), d);
        for (char c : mime)
            QVERIFY2(uchar(c) < 0x80, "the message must be 7-bit clean");
        QVERIFY(mime.contains("=?utf-8?") || mime.contains("=?UTF-8?"));
        const auto m = parse(mime);
        QCOMPARE(m->subject()->asUnicodeString(), d.subject);
        QCOMPARE(m->contentTransferEncoding()->encoding(), KMime::Headers::CEquPr);
        QCOMPARE(m->decodedText(KMime::Content::TrimNewlines), d.plainBody.trimmed());
    }

    void replyHeaders()
    {
        Draft d = simpleDraft();
        d.inReplyTo = "parent@example.test";
        d.references = {"root@example.test", "parent@example.test"};
        const auto m = parse(compose(own(), d));
        QCOMPARE(m->inReplyTo()->identifiers(), QList<QByteArray>{"parent@example.test"});
        QCOMPARE(m->references()->identifiers(),
                 (QList<QByteArray>{"root@example.test", "parent@example.test"}));
    }

    void signatureIsAppendedOnce()
    {
        Identity i = own();
        i.signature = QStringLiteral("Alice\nAssistant to the Boss");
        Draft d = simpleDraft();
        auto m = parse(compose(i, d));
        QCOMPARE(m->decodedText(KMime::Content::TrimNewlines),
                 QStringLiteral("Hello Bob,\nsee you.\n-- \nAlice\nAssistant to the Boss"));
        d = simpleDraft();
        d.plainBody = QStringLiteral("Hi\n-- \nAlice\nAssistant to the Boss\n");
        m = parse(compose(i, d));
        QCOMPARE(m->decodedText(KMime::Content::TrimNewlines), d.plainBody.trimmed());
    }

    void htmlMakesAlternative()
    {
        Draft d = simpleDraft();
        d.htmlBody = QStringLiteral("<html><body><p>Hello <b>Bob</b></p></body></html>");
        const auto m = parse(compose(own(), d));
        QCOMPARE(m->contentType()->mimeType(), QByteArray("multipart/alternative"));
        const auto parts = m->contents();
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0)->contentType()->mimeType(), QByteArray("text/plain"));
        QCOMPARE(parts.at(1)->contentType()->mimeType(), QByteArray("text/html"));
        QVERIFY(parts.at(1)->decodedText().contains(QLatin1String("<b>Bob</b>")));
    }

    void attachmentsMakeMixed()
    {
        Draft d = simpleDraft();
        d.htmlBody = QStringLiteral("<p>Hello</p>");
        QByteArray binary;
        for (int i = 0; i < 256; ++i)
            binary.append(char(i));
        d.attachments.append({QStringLiteral("Übersicht 2026.pdf"), "application/pdf", binary});
        const QByteArray forwarded = "From: x@example.org\r\nSubject: original\r\n\r\nold text\r\n";
        d.attachments.append({QStringLiteral("original.eml"), "message/rfc822", forwarded});
        const QByteArray mime = compose(own(), d);
        QVERIFY(mime.contains("filename*="));
        const auto m = parse(mime);
        QCOMPARE(m->contentType()->mimeType(), QByteArray("multipart/mixed"));
        const auto parts = m->contents();
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts.at(0)->contentType()->mimeType(), QByteArray("multipart/alternative"));
        QCOMPARE(parts.at(1)->contentTransferEncoding()->encoding(), KMime::Headers::CEbase64);
        QCOMPARE(parts.at(1)->contentDisposition()->filename(),
                 QStringLiteral("Übersicht 2026.pdf"));
        QCOMPARE(parts.at(1)->decodedContent(), binary);
        QCOMPARE(parts.at(2)->contentType()->mimeType(), QByteArray("message/rfc822"));
        QVERIFY(parts.at(2)->bodyIsMessage());
        QCOMPARE(parts.at(2)->bodyAsMessage()->subject()->asUnicodeString(),
                 QStringLiteral("original"));
    }

    void noRecipientIsRefused()
    {
        Draft d;
        d.subject = QStringLiteral("x");
        QByteArray mime;
        const Error e = MessageComposer(own(), Owner).compose(d, &mime);
        QCOMPARE(e.kind, ErrorKind::BadInput);
    }
};

QTEST_GUILESS_MAIN(TestMessageComposer)
#include "test_messagecomposer.moc"
