// SPDX-License-Identifier: GPL-3.0-or-later
// What the viewer and export-pdf are given to show: parsing, escaping, attachments, cid parts.
#include "models/messagedocument.h"
#include "models/partialmessage.h"

#include <QTest>

using namespace Tidings;

namespace {
QByteArray mail(const QByteArray &headers, const QByteArray &body)
{
    return headers + "\r\n\r\n" + body;
}

const QByteArray Related =
    "From: Alice <alice@example.org>\r\nTo: bob@example.org\r\nSubject: Logo\r\n"
    "Date: Fri, 04 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"m\"\r\n\r\n"
    "--m\r\nContent-Type: multipart/related; boundary=\"r\"\r\n\r\n"
    "--r\r\nContent-Type: text/html; charset=iso-8859-1\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
    "<html><head><meta charset=3D\"iso-8859-1\"></head><body class=3D\"x\"><p>Caf=E9</p>"
    "<img src=3D\"cid:logo@example.org\"></body></html>\r\n"
    "--r\r\nContent-Type: image/png\r\nContent-ID: <logo@example.org>\r\n"
    "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--r--\r\n"
    "--m\r\nContent-Type: text/csv; name=\"a.csv\"\r\n"
    "Content-Disposition: attachment; filename=\"../../a.csv\"\r\n\r\nx,y\r\n1,2\r\n--m--\r\n";

// A big message as the server describes it: a text body (plain and HTML alternatives, with an
// inline logo), a 5 MB PDF attachment and a forwarded message.
const QByteArray BigHeader = "From: Alice <alice@example.org>\r\nTo: bob@example.org\r\n"
                             "Subject: Report\r\nDate: Fri, 04 Dec 2026 10:00:00 +0000\r\n"
                             "MIME-Version: 1.0\r\n"
                             "Content-Type: multipart/mixed; boundary=\"m\"\r\n\r\n";
const QByteArray BigStructure =
    R"((((("text" "plain" ("charset" "iso-8859-1") NIL NIL "quoted-printable" 12 1 NIL NIL NIL))"
    R"(("text" "html" ("charset" "utf-8") NIL NIL "7bit" 60 1 NIL NIL NIL))"
    R"( "alternative" ("boundary" "a") NIL NIL))"
    R"(("image" "png" NIL "<logo@x>" NIL "base64" 12 NIL ("inline" NIL) NIL NIL))"
    R"( "related" ("boundary" "r") NIL NIL))"
    R"(("application" "pdf" ("name" "report.pdf") NIL NIL "base64" 6842108 NIL)"
    R"( ("attachment" ("filename" "report.pdf")) NIL NIL))"
    R"(("message" "rfc822" NIL NIL NIL "7bit" 500 (NIL "Old" NIL NIL NIL NIL NIL NIL NIL NIL))"
    R"( ("text" "plain" NIL NIL NIL "7bit" 10 1 NIL NIL NIL) 20 NIL NIL NIL NIL))"
    R"( "mixed" ("boundary" "m") NIL NIL NIL))";

QHash<QByteArray, BodyCache::Part> bigTextParts()
{
    return {
        {"1.1.1",
         {"Content-Type: text/plain; charset=iso-8859-1\r\n"
          "Content-Transfer-Encoding: quoted-printable\r\n\r\n",
          "Caf=E9 plain"}},
        {"1.1.2",
         {"Content-Type: text/html; charset=utf-8\r\n\r\n",
          "<html><body><p>Caf\xc3\xa9 html</p><img src=\"cid:logo@x\"></body></html>"}},
        {"1.2",
         {"Content-Type: image/png\r\nContent-ID: <logo@x>\r\n"
          "Content-Transfer-Encoding: base64\r\n\r\n",
          "iVBORw0KGgo="}},
    };
}
} // namespace

class TestMessageDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rejectsWhatIsNotMail_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("blank lines") << QByteArray("\r\n\r\n  \r\n");
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        QTest::newRow("prose") << QByteArray("Dear diary,\nnothing happened today.\n");
    }
    void rejectsWhatIsNotMail()
    {
        QFETCH(QByteArray, raw);
        Error error;
        QVERIFY(!MessageDocument::parse(raw, &error));
        QCOMPARE(error.kind, ErrorKind::BadInput);
        QVERIFY(!error.message.isEmpty());
    }

    void plainTextIsEscapedAndLinked()
    {
        Error error;
        const auto doc = MessageDocument::parse(
            mail("From: \"<img src=x onerror=alert(1)>\" <eve@example.org>\r\nSubject: "
                 "<b>hi</b>",
                 "<script>alert(1)</script>\r\nSee https://example.org/a?b=1&c=2.\r\n> quoted"),
            &error);
        QVERIFY2(doc, qPrintable(error.message));
        QVERIFY(!doc->isHtml());
        const QString html = doc->html(MessageDocument::Headers::Summary);
        QVERIFY(!html.contains(QLatin1String("<script>")));
        QVERIFY(html.contains(QLatin1String("&lt;script&gt;")));
        QVERIFY(!html.contains(QLatin1String("<img src=x")));
        QVERIFY(!html.contains(QLatin1String("<b>hi</b>")));
        QVERIFY2(html.contains(QLatin1String(
                     "<a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;"
                     "c=2</a>.")),
                 qPrintable(html));
        QVERIFY(html.contains(QLatin1String("<span class=\"quote\">&gt; quoted</span>")));
        // In angle brackets (RFC 3986 appendix C) the brackets stay out of the link.
        const auto bracketed = MessageDocument::parse(
            mail("From: a@example.org\r\nSubject: x", "See <https://example.org/x>."), nullptr);
        QVERIFY(bracketed);
        QVERIFY2(bracketed->html(MessageDocument::Headers::Summary)
                     .contains(QLatin1String("&lt;<a href=\"https://example.org/x\">"
                                             "https://example.org/x</a>&gt;.")),
                 qPrintable(bracketed->html(MessageDocument::Headers::Summary)));
        QCOMPARE(doc->senderEmail(), QStringLiteral("eve@example.org"));
    }

    void htmlKeepsItsHeadAndGetsTheHeaderBlock()
    {
        Error error;
        const auto doc = MessageDocument::parse(Related, &error);
        QVERIFY2(doc, qPrintable(error.message));
        QVERIFY(doc->isHtml());
        QCOMPARE(doc->subject(), QStringLiteral("Logo"));
        const QString html = doc->html(MessageDocument::Headers::Summary);
        // Decoded from Latin-1; the sender's charset declaration is gone (served as UTF-8).
        QVERIFY(html.contains(QStringLiteral("Caf\u00e9")));
        QVERIFY(!html.contains(QLatin1String("iso-8859-1")));
        // The header block is the first thing inside the sender's body.
        const qsizetype body = html.indexOf(QLatin1String("<body class=\"x\">"));
        QVERIFY(body >= 0);
        QVERIFY(html.indexOf(QLatin1String("Logo"), body) > body);
        QVERIFY(html.indexOf(QLatin1String("Caf"), body) > html.indexOf(QLatin1String("From")));
        QVERIFY(html.contains(MessageDocument::attachmentUrlPrefix() + QLatin1Char('0')));
    }

    void resourceHintsAreRemoved()
    {
        const auto doc = MessageDocument::parse(
            mail("From: a@example.org\r\nSubject: x\r\nContent-Type: text/html",
                 "<html><head><link rel=\"preconnect\" href=\"https://t.example\">"
                 "<LINK REL='dns-prefetch' href='//t.example'><link rel=\"stylesheet "
                 "prefetch\" href=\"https://t.example/a.css\"></head><body>hi</body></html>"),
            nullptr);
        QVERIFY(doc);
        const QString html = doc->html(MessageDocument::Headers::Summary);
        QVERIFY2(!html.contains(QLatin1String("t.example")), qPrintable(html));
        QVERIFY(html.contains(QLatin1String("hi")));
    }

    void allHeadersShowsTheRawBlock()
    {
        const auto doc = MessageDocument::parse(Related, nullptr);
        QVERIFY(doc);
        const QString html = doc->html(MessageDocument::Headers::All);
        QVERIFY(html.contains(QLatin1String("Content-Type: multipart/mixed; boundary=")));
    }

    void attachmentsAndInlineParts()
    {
        const auto doc = MessageDocument::parse(Related, nullptr);
        QVERIFY(doc);
        const QList<Attachment> files = doc->attachments();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0).mimeType, QStringLiteral("text/csv"));
        QVERIFY(files.at(0).name.endsWith(QLatin1String("a.csv")));
        QCOMPARE(doc->attachmentData(0), QByteArray("x,y\n1,2"));
        QCOMPARE(doc->attachmentData(1), QByteArray());
        QByteArray type;
        QCOMPARE(doc->contentById(QStringLiteral("logo@example.org"), &type).left(4),
                 QByteArray("\x89PNG"));
        QCOMPARE(type, QByteArray("image/png"));
        QVERIFY(doc->contentById(QStringLiteral("nothere@example.org"), &type).isEmpty());
    }

    void bigMessageShowsItsTextOnly()
    {
        const auto structure = parseBodyStructure(BigStructure);
        QVERIFY(structure);
        // The texts and the small inline logo; neither the PDF nor the forwarded message.
        QCOMPARE(PartialMessage::sectionsToShow(*structure),
                 QList<QByteArray>({"1.1.1", "1.1.2", "1.2"}));
        QVERIFY(PartialMessage::hasOwnMimeHeader(*structure, "1.1.1"));
    }

    void inlineImagesBeyondTheBudgetWait()
    {
        QByteArray big = BigStructure;
        big.replace(R"("base64" 12 NIL ("inline")", R"("base64" 2000000 NIL ("inline")");
        const auto structure = parseBodyStructure(big);
        QVERIFY(structure);
        QCOMPARE(PartialMessage::sectionsToShow(*structure), QList<QByteArray>({"1.1.1", "1.1.2"}));
    }

    void partialDocumentRendersAndListsEveryAttachment()
    {
        Error error;
        const auto doc =
            MessageDocument::parsePartial(BigHeader, BigStructure, bigTextParts(), &error);
        QVERIFY2(doc, qPrintable(error.message));
        QVERIFY(doc->isPartial());
        QCOMPARE(doc->subject(), QStringLiteral("Report"));
        QVERIFY(doc->isHtml());
        QVERIFY(doc->html(MessageDocument::Headers::None).contains(QStringLiteral("Café html")));
        QCOMPARE(doc->plainText().trimmed(), QStringLiteral("Café plain"));
        QByteArray type;
        QCOMPARE(doc->contentById(QStringLiteral("logo@x"), &type).left(4), QByteArray("\x89PNG"));
        const QList<Attachment> files = doc->attachments();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0).name, QStringLiteral("report.pdf"));
        QCOMPARE(files.at(0).mimeType, QStringLiteral("application/pdf"));
        QCOMPARE(files.at(0).section, QByteArray("2"));
        QVERIFY(!files.at(0).isDownloaded());
        // Decoded, not the 6.8 MB on the wire (base64 padding makes it an estimate).
        QVERIFY(qAbs(files.at(0).size - 5'000'000) <= 2);
        QVERIFY(doc->attachmentData(0).isEmpty());
        QCOMPARE(files.at(1).mimeType, QStringLiteral("message/rfc822"));
        QCOMPARE(files.at(1).section, QByteArray("3"));
        QCOMPARE(files.at(1).size, 500);
        QVERIFY(
            doc->html(MessageDocument::Headers::Summary).contains(QStringLiteral("report.pdf")));
    }

    void partsFetchedLaterAreInTheDocument()
    {
        QHash<QByteArray, BodyCache::Part> parts = bigTextParts();
        parts.insert("2", {"Content-Type: application/pdf; name=\"report.pdf\"\r\n"
                           "Content-Transfer-Encoding: base64\r\n\r\n",
                           "JVBERi0=\r\n"});
        const auto doc = MessageDocument::parsePartial(BigHeader, BigStructure, parts, nullptr);
        QVERIFY(doc);
        QVERIFY(doc->attachments().at(0).isDownloaded());
        QCOMPARE(doc->attachmentData(0), QByteArray("%PDF-"));
    }

    void singlePartBigMessage()
    {
        const QByteArray header = "From: a@example.org\r\nSubject: scan\r\n"
                                  "Content-Type: application/pdf; name=scan.pdf\r\n"
                                  "Content-Disposition: attachment; filename=scan.pdf\r\n"
                                  "Content-Transfer-Encoding: base64\r\n\r\n";
        const QByteArray structure = R"(("application" "pdf" ("name" "scan.pdf") NIL NIL)"
                                     R"( "base64" 780 NIL ("attachment" ("filename" "scan.pdf")))"
                                     R"( NIL NIL))";
        const auto tree = parseBodyStructure(structure);
        QVERIFY(tree);
        QVERIFY(PartialMessage::sectionsToShow(*tree).isEmpty());
        QVERIFY(!PartialMessage::hasOwnMimeHeader(*tree, "1"));
        const auto doc = MessageDocument::parsePartial(header, structure, {}, nullptr);
        QVERIFY(doc);
        const QList<Attachment> files = doc->attachments();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0).name, QStringLiteral("scan.pdf"));
        QCOMPARE(files.at(0).section, QByteArray("1"));
        QCOMPARE(files.at(0).size, 570);
    }

    void decodingGivesTheOriginalBytes_data()
    {
        QTest::addColumn<QByteArray>("mime");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray binary("\x00\x01\r\n\xff\xfe", 6);
        QTest::newRow("base64 with CRLF lines")
            << QByteArray("Content-Type: application/octet-stream\r\n"
                          "Content-Transfer-Encoding: base64\r\n\r\n")
            << QByteArray("AAEN\r\nCv/+\r\n") << binary;
        QTest::newRow("quoted-printable")
            << QByteArray("Content-Type: text/plain; charset=utf-8\r\n"
                          "Content-Transfer-Encoding: quoted-printable\r\n\r\n")
            << QByteArray("caf=C3=A9 =\r\nlong") << QByteArray("caf\xc3\xa9 long");
        QTest::newRow("forwarded message as sent")
            << QByteArray("Content-Type: message/rfc822\r\n\r\n")
            << QByteArray("Subject: x\r\n\r\nbody\r\n") << QByteArray("Subject: x\r\n\r\nbody\r\n");
    }
    void decodingGivesTheOriginalBytes()
    {
        QFETCH(QByteArray, mime);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, expected);
        QCOMPARE(PartialMessage::decode({mime, data}), expected);
    }
};

QTEST_GUILESS_MAIN(TestMessageDocument)
#include "test_messagedocument.moc"
