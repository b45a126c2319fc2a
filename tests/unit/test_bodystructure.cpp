// SPDX-License-Identifier: GPL-3.0-or-later
// BODYSTRUCTURE (RFC 3501 7.4.2) as servers write it: what a part is called, how big it is
// and how it is encoded, before any of it is fetched; and the FETCH responses around it.
#include "imap/bodystructure.h"
#include "imap/partsresponse.h"

#include <QTest>

using namespace Tidings;

namespace {
// Dovecot 2.4.1's answer for a text body and a 5 MiB attachment (captured from
// test_lazyparts_dovecot): the text part has all four extension fields, NIL.
const QByteArray Dovecot =
    R"((("text" "plain" ("charset" "utf-8") NIL NIL "8bit" 46 0 NIL NIL NIL NIL))"
    R"(("application" "octet-stream" ("name" "survey.bin") NIL NIL "base64" 7174468 NIL)"
    R"( ("attachment" ("filename" "survey.bin")) NIL NIL) "mixed" ("boundary" "b") NIL NIL)"
    R"( NIL))";

// multipart/mixed of (multipart/alternative of plain and related(html, image)), a forwarded
// message/rfc822 with its own multipart body, and a NIL-heavy part.
const QByteArray Nested =
    "(((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"iso-8859-1\") NIL NIL \"QUOTED-PRINTABLE\" 120 "
    "4 NIL NIL NIL)((\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL \"7BIT\" 300 10 "
    "NIL NIL NIL)(\"IMAGE\" \"PNG\" NIL \"<logo@x>\" NIL \"BASE64\" 780 NIL (\"INLINE\" "
    "NIL) NIL NIL) \"RELATED\" (\"BOUNDARY\" \"r\" \"TYPE\" \"text/html\") NIL NIL) "
    "\"ALTERNATIVE\" (\"BOUNDARY\" \"a\") NIL NIL)(\"MESSAGE\" \"RFC822\" NIL NIL "
    "\"Forwarded\" \"7BIT\" 500 (\"Mon, 1 Dec 2026 10:00:00 +0000\" \"Old\" ((\"Ann\" "
    "NIL \"ann\" \"x.org\")) NIL NIL NIL NIL NIL NIL NIL) ((\"TEXT\" \"PLAIN\" NIL NIL "
    "NIL \"7BIT\" 10 1 NIL NIL NIL)(\"APPLICATION\" \"OCTET-STREAM\" NIL NIL NIL "
    "\"BASE64\" 78 NIL NIL NIL NIL) \"MIXED\" (\"BOUNDARY\" \"f\")) 20 NIL NIL NIL "
    "NIL)(NIL NIL NIL NIL NIL NIL 5) \"MIXED\" (\"BOUNDARY\" \"m\") NIL NIL NIL)";
} // namespace

class TestBodyStructure : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dovecotTextWithAttachment()
    {
        QString error;
        const auto top = parseBodyStructure(Dovecot, &error);
        QVERIFY2(top, qPrintable(error));
        QVERIFY(top->isMultipart());
        QCOMPARE(top->subtype, QByteArray("mixed"));
        QCOMPARE(top->section, QByteArray());
        QCOMPARE(top->parameter("boundary"), QByteArray("b"));
        QCOMPARE(top->children.size(), 2);
        const BodyPart &text = top->children.at(0);
        QCOMPARE(text.section, QByteArray("1"));
        QCOMPARE(text.mimeType(), QByteArray("text/plain"));
        QCOMPARE(text.charset(), QByteArray("utf-8"));
        QCOMPARE(text.encoding, QByteArray("8bit"));
        QCOMPARE(text.size, 46);
        const BodyPart &file = top->children.at(1);
        QCOMPARE(file.section, QByteArray("2"));
        QCOMPARE(file.mimeType(), QByteArray("application/octet-stream"));
        QCOMPARE(file.disposition, QByteArray("attachment"));
        QCOMPARE(file.fileName(), QStringLiteral("survey.bin"));
        QCOMPARE(file.encoding, QByteArray("base64"));
        QCOMPARE(file.size, 7'174'468);
        // 7,174,468 octets of base64 in 78-octet lines hold 5 MiB (within the padding).
        QVERIFY(qAbs(file.decodedSize() - 5 * 1024 * 1024) <= 2);
    }

    void nestedSectionsAreNumberedAsImapDoes()
    {
        QString error;
        const auto top = parseBodyStructure(Nested, &error);
        QVERIFY2(top, qPrintable(error));
        QStringList seen;
        for (const BodyPart *leaf : top->leaves())
            seen.append(QString::fromLatin1(leaf->section + ' ' + leaf->mimeType()));
        QCOMPARE(seen,
                 QStringList({QStringLiteral("1.1 text/plain"), QStringLiteral("1.2.1 text/html"),
                              QStringLiteral("1.2.2 image/png"), QStringLiteral("2 message/rfc822"),
                              QStringLiteral("3 text/plain")}));
        const BodyPart &alternative = top->children.at(0);
        QCOMPARE(alternative.subtype, QByteArray("alternative"));
        QCOMPARE(alternative.section, QByteArray("1"));
        const BodyPart &related = alternative.children.at(1);
        QCOMPARE(related.parameter("type"), QByteArray("text/html"));
        QCOMPARE(related.children.at(1).id, QByteArray("<logo@x>"));
        QCOMPARE(related.children.at(1).disposition, QByteArray("inline"));
        QCOMPARE(alternative.children.at(0).encoding, QByteArray("quoted-printable"));
        QCOMPARE(alternative.children.at(0).charset(), QByteArray("iso-8859-1"));
        // The forwarded message's own parts are numbered below it (RFC 3501 6.4.5).
        const BodyPart &forwarded = top->children.at(1);
        QCOMPARE(forwarded.description, QByteArray("Forwarded"));
        QCOMPARE(forwarded.children.size(), 1);
        QCOMPARE(forwarded.children.at(0).section, QByteArray("2"));
        QCOMPARE(forwarded.children.at(0).children.at(1).section, QByteArray("2.2"));
        QCOMPARE(forwarded.children.at(0).children.at(1).mimeType(),
                 QByteArray("application/octet-stream"));
        // NIL type and encoding read as RFC 2045's defaults.
        const BodyPart &bare = top->children.at(2);
        QCOMPARE(bare.mimeType(), QByteArray("text/plain"));
        QCOMPARE(bare.encoding, QByteArray("7bit"));
        QCOMPARE(bare.size, 5);
    }

    void singlePartMessageIsPartOne()
    {
        const auto top =
            parseBodyStructure(R"(("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 3028 92))");
        QVERIFY(top);
        QVERIFY(!top->isMultipart());
        QCOMPARE(top->section, QByteArray("1"));
        QCOMPARE(top->leaves().size(), 1);
    }

    void fileNames_data()
    {
        QTest::addColumn<QByteArray>("structure");
        QTest::addColumn<QString>("name");
        QTest::newRow("content-type name only")
            << QByteArray(R"(("application" "zip" ("name" "a b.zip") NIL NIL "base64" 4 NIL)"
                          R"( NIL NIL NIL))")
            << QStringLiteral("a b.zip");
        QTest::newRow("disposition wins")
            << QByteArray(R"(("application" "zip" ("name" "type.zip") NIL NIL "base64" 4 NIL)"
                          R"( ("attachment" ("filename" "disp.zip")) NIL NIL))")
            << QStringLiteral("disp.zip");
        QTest::newRow("RFC 2231 charset")
            << QByteArray(R"(("application" "pdf" NIL NIL NIL "base64" 4 NIL ("attachment")"
                          R"( ("filename*" "utf-8''%E2%82%AC%20rates.pdf")) NIL NIL))")
            << QStringLiteral("€ rates.pdf");
        QTest::newRow("RFC 2231 continuations")
            << QByteArray(R"(("application" "pdf" NIL NIL NIL "base64" 4 NIL ("attachment")"
                          R"( ("filename*0*" "utf-8''%C3%A9t%C3%A9" "filename*1" "-2026.pdf")))"
                          R"( NIL NIL))")
            << QStringLiteral("été-2026.pdf");
        QTest::newRow("RFC 2047 in quotes (Outlook)")
            << QByteArray(R"(("image" "jpeg" ("name" "=?UTF-8?B?w7xiZXIuanBn?=") NIL NIL)"
                          R"( "base64" 4 NIL NIL NIL NIL))")
            << QStringLiteral("über.jpg");
        QTest::newRow("quotes and backslashes")
            << QByteArray("(\"text\" \"csv\" (\"name\" \"say \\\"hi\\\" \\\\ bye.csv\") NIL "
                          "NIL \"7bit\" 4 1 NIL NIL NIL NIL)")
            << QStringLiteral("say \"hi\" \\ bye.csv");
        QTest::newRow("literal name")
            << QByteArray("(\"application\" \"zip\" (\"name\" {9}\r\nodd\"n.zip) NIL NIL "
                          "\"base64\" 4 NIL NIL NIL NIL)")
            << QStringLiteral("odd\"n.zip");
        QTest::newRow("none") << QByteArray(R"(("text" "plain" NIL NIL NIL "7bit" 4 1))")
                              << QString();
    }
    void fileNames()
    {
        QFETCH(QByteArray, structure);
        QFETCH(QString, name);
        QString error;
        const auto part = parseBodyStructure(structure, &error);
        QVERIFY2(part, qPrintable(error));
        QCOMPARE(part->fileName(), name);
    }

    void brokenInputIsRefused_data()
    {
        QTest::addColumn<QByteArray>("structure");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not a list") << QByteArray("NIL");
        QTest::newRow("cut short") << QByteArray(R"(("text" "plain" ("charset" "utf-8") NIL)");
        QTest::newRow("no size") << QByteArray(R"(("text" "plain" NIL NIL NIL "7bit"))");
        QTest::newRow("literal too long") << QByteArray("(\"text\" {99}\r\nplain)");
        QTest::newRow("too deep") << QByteArray(100, '(');
    }
    void brokenInputIsRefused()
    {
        QFETCH(QByteArray, structure);
        QString error;
        QVERIFY(!parseBodyStructure(structure, &error));
        QVERIFY(!error.isEmpty());
    }

    void mimeHeaderOfAPartNotFetched()
    {
        const auto top = parseBodyStructure(Dovecot);
        QVERIFY(top);
        const QByteArray header = top->children.at(1).mimeHeader();
        QVERIFY(header.contains("Content-Type: application/octet-stream; name=\"survey.bin\"\r\n"));
        QVERIFY(header.contains("Content-Transfer-Encoding: base64\r\n"));
        QVERIFY(header.contains("Content-Disposition: attachment; filename=\"survey.bin\"\r\n"));
    }

    void fetchResponses()
    {
        const QByteArray line = "* 7 FETCH (UID 42 RFC822.SIZE 6843712 FLAGS (\\Seen) "
                                "BODYSTRUCTURE " +
                                Dovecot +
                                " BODY[HEADER] {23}\r\nSubject: hi\r\nX: {3}\r\n\r\n"
                                " BODY[1.MIME] NIL BODY[1] \"two\\\"q\")";
        const auto r = parsePartsResponse(line);
        QVERIFY(r);
        QCOMPARE(r->sequence, 7);
        QCOMPARE(r->uid, 42);
        QCOMPARE(r->size, 6843712);
        QCOMPARE(r->bodyStructure, Dovecot);
        QCOMPARE(r->sections.value("HEADER"), QByteArray("Subject: hi\r\nX: {3}\r\n\r\n"));
        QVERIFY(r->sections.contains("1.MIME"));
        QCOMPARE(r->sections.value("1"), QByteArray("two\"q"));
        QVERIFY(!parsePartsResponse("* 7 EXISTS"));
        QVERIFY(!parsePartsResponse("* 7 FETCH (UID"));
    }
};

QTEST_GUILESS_MAIN(TestBodyStructure)
#include "test_bodystructure.moc"
