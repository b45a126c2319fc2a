// SPDX-License-Identifier: GPL-3.0-or-later
// What the viewer and export-pdf are given to show: parsing, escaping, attachments, cid parts.
#include "models/messagedocument.h"

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
};

QTEST_GUILESS_MAIN(TestMessageDocument)
#include "test_messagedocument.moc"
