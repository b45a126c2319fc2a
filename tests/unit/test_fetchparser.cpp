// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixtures/headercorpus.h"
#include "fixtures/mailgenerator.h"
#include "imap/envelopeconverter.h"
#include "imap/fetchparser.h"
#include "imap/headerfields.h"

#include <KMime/Message>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>
#include <QTimeZone>

using namespace Tidings;

namespace {
const QByteArray HeaderItem =
    "BODY[HEADER.FIELDS (TO FROM MESSAGE-ID REFERENCES IN-REPLY-TO SUBJECT DATE)]";
const QByteArray Block = "From: Maria Jensen <maria@x.example>\r\nSubject: Hi (there) {5}\r\n\r\n";
const QByteArray ArrivalText = "03-Dec-2026 10:11:12 +0000";
const QDateTime Arrival(QDate(2026, 12, 3), QTime(10, 11, 12), QTimeZone::UTC);
// Fixed, so a failure reproduces; enough mutants to reach every fast-path branch's edge.
constexpr quint32 MutationSeed = 2026;
constexpr int MutationCount = 5000;

QByteArray literal(const QByteArray &bytes)
{
    return '{' + QByteArray::number(bytes.size()) + "}\r\n" + bytes;
}

QByteArray response(qint64 seq, const QByteArray &items)
{
    return "* " + QByteArray::number(seq) + " FETCH (" + items + ')';
}

// What envelopeFromFetch() makes of the same bytes through KIMAP's KMime message, dated by
// INTERNALDATE when the Date: field gives nothing valid.
Envelope reference(const QByteArray &block, Recipients recipients)
{
    KIMAP::Message m;
    m.message = KIMAP::MessagePtr(new KMime::Message);
    m.message->setHead(block);
    m.message->parse();
    Envelope e = envelopeFromFetch(m, recipients);
    if (!e.date.isValid())
        e.date = Arrival;
    return e;
}

QString describe(const QList<Address> &list)
{
    QStringList out;
    for (const Address &a : list)
        out << QLatin1Char('[') + a.name + QStringLiteral("|") + a.email + QLatin1Char(']');
    return out.join(QLatin1Char(','));
}

// KMime's parseTimeOfDay() leaves the seconds uninitialised when the field ends right after
// the minutes ("... 09:30", comments and whitespace aside), so its answer for such a Date:
// is whatever the stack held: no answer to compare against.
bool kmimeDateUndefined(const QByteArray &block)
{
    static const QRegularExpression DateField(
        QStringLiteral("(?:^|\n)date:([^\n]*(?:\n[ \t][^\n]*)*)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression Comment(QStringLiteral("\\([^()]*\\)"));
    static const QRegularExpression EndsInMinutes(QStringLiteral("\\d[\\s]*:[\\s]*\\d+[\\s]*$"));
    const QRegularExpressionMatch date = DateField.match(QString::fromLatin1(block));
    if (!date.hasMatch())
        return false;
    QString body = date.captured(1);
    body.replace(Comment, QStringLiteral(" "));
    return EndsInMinutes.match(body).hasMatch();
}

// Field by field, so a failure names the field and both values.
void compareEnvelopes(const Envelope &fast, const Envelope &kmime, bool compareDate = true)
{
    QCOMPARE(fast.subject, kmime.subject);
    QCOMPARE(fast.from.name, kmime.from.name);
    QCOMPARE(fast.from.email, kmime.from.email);
    QCOMPARE(describe(fast.to), describe(kmime.to));
    if (compareDate) {
        QCOMPARE(fast.date.isValid(), kmime.date.isValid());
        QCOMPARE(fast.date, kmime.date);
        QCOMPARE(fast.date.offsetFromUtc(), kmime.date.offsetFromUtc());
    }
    QCOMPARE(fast.messageId, kmime.messageId);
    QCOMPARE(fast.inReplyTo, kmime.inReplyTo);
    QCOMPARE(fast.references, kmime.references);
}
} // namespace

class TestFetchParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void items_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<qint64>("sequence");
        QTest::addColumn<int>("items");
        QTest::addColumn<qint64>("uid");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QByteArray>("flags");
        QTest::addColumn<QByteArray>("internalDate");
        QTest::addColumn<QByteArray>("header");
        using R = FetchResponse;
        const int all = R::Uid | R::Size | R::InternalDate | R::Flags | R::Header;
        const QByteArray date = "INTERNALDATE \"" + ArrivalText + '"';

        QTest::newRow("dovecot order")
            << response(7, "UID 7 RFC822.SIZE 4242 " + date + " FLAGS (\\Seen $Label) " +
                               HeaderItem + ' ' + literal(Block))
            << qint64(7) << all << qint64(7) << qint64(4242) << QByteArray("\\Seen $Label")
            << ArrivalText << Block;
        QTest::newRow("kimap order, header in the middle")
            << response(2, "RFC822.SIZE 10 " + date + ' ' + HeaderItem + ' ' + literal(Block) +
                               " FLAGS () UID 99")
            << qint64(2) << all << qint64(99) << qint64(10) << QByteArray() << ArrivalText << Block;
        QTest::newRow("quoted header")
            << response(3, "UID 3 BODY[HEADER.FIELDS (SUBJECT)] \"Subject: a\"") << qint64(3)
            << int(R::Uid | R::Header) << qint64(3) << qint64(0) << QByteArray() << QByteArray()
            << QByteArray("Subject: a");
        QTest::newRow("NIL header")
            << response(4, "UID 4 " + HeaderItem + " NIL") << qint64(4) << int(R::Uid | R::Header)
            << qint64(4) << qint64(0) << QByteArray() << QByteArray() << QByteArray();
        QTest::newRow("extra items")
            << response(5, "MODSEQ (12345) UID 5 X-GM-LABELS (\\Inbox \"a b\") ENVELOPE "
                           "(\"date\" NIL ((NIL NIL \"a\" \"b\")) {3}\r\n)x)) "
                           "BODY[1.MIME] {2}\r\nab BODYSTRUCTURE (\"text\" \"plain\" NIL) "
                           "BINARY.SIZE[1] 4 FLAGS (\\Recent \\Seen)")
            << qint64(5) << int(R::Uid | R::Flags) << qint64(5) << qint64(0)
            << QByteArray("\\Recent \\Seen") << QByteArray() << QByteArray();
        QTest::newRow("flags only")
            << response(6, "FLAGS (\\Answered \\Flagged $Forwarded)") << qint64(6) << int(R::Flags)
            << qint64(0) << qint64(0) << QByteArray("\\Answered \\Flagged $Forwarded")
            << QByteArray() << QByteArray();
        QTest::newRow("padded, lower case")
            << QByteArray("* 8 fetch ( flags () uid 1 )") << qint64(8) << int(R::Uid | R::Flags)
            << qint64(1) << qint64(0) << QByteArray() << QByteArray() << QByteArray();
        QTest::newRow("header full")
            << response(9, "RFC822.HEADER " + literal(Block)) << qint64(9) << int(R::Header)
            << qint64(0) << qint64(0) << QByteArray() << QByteArray() << Block;
        QTest::newRow("partial header is not the header")
            << response(10, "BODY[HEADER]<0> {1}\r\nx UID 10") << qint64(10) << int(R::Uid)
            << qint64(10) << qint64(0) << QByteArray() << QByteArray() << QByteArray();
        QTest::newRow("part header is not the header")
            << response(11, "BODY[1.HEADER] {1}\r\nx") << qint64(11) << 0 << qint64(0) << qint64(0)
            << QByteArray() << QByteArray() << QByteArray();
        QTest::newRow("empty literal")
            << response(12, HeaderItem + " {0}\r\n") << qint64(12) << int(R::Header) << qint64(0)
            << qint64(0) << QByteArray() << QByteArray() << QByteArray();
        QTest::newRow("large numbers")
            << response(13, "UID 4294967295 RFC822.SIZE 4294967296 MODSEQ (9223372036854775)")
            << qint64(13) << int(R::Uid | R::Size) << qint64(4294967295) << qint64(4294967296)
            << QByteArray() << QByteArray() << QByteArray();
    }

    void items()
    {
        QFETCH(QByteArray, input);
        const FetchResponse r = parseFetchResponse(input);
        QVERIFY2(r.isValid(), fetchParseErrorText(r.error));
        QTEST(r.sequence, "sequence");
        QTEST(int(r.items), "items");
        QTEST(r.uid, "uid");
        QTEST(r.size, "size");
        QTEST(r.flags.toByteArray(), "flags");
        QTEST(r.internalDate.toByteArray(), "internalDate");
        QTEST(r.header.toByteArray(), "header");
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("error");
        using E = FetchParseError;
        QTest::newRow("empty") << QByteArray() << int(E::NotFetch);
        QTest::newRow("exists") << QByteArray("* 3 EXISTS") << int(E::NotFetch);
        QTest::newRow("tagged") << QByteArray("A1 OK done") << int(E::NotFetch);
        QTest::newRow("other keyword") << QByteArray("* 3 FETCHES (UID 1)") << int(E::NotFetch);
        QTest::newRow("flags") << QByteArray("* FLAGS (\\Seen)") << int(E::NotFetch);
        QTest::newRow("sequence zero") << QByteArray("* 0 FETCH (UID 1)") << int(E::BadNumber);
        QTest::newRow("no list") << QByteArray("* 1 FETCH UID 1") << int(E::Syntax);
        QTest::newRow("nothing after FETCH") << QByteArray("* 1 FETCH") << int(E::Syntax);
        QTest::newRow("sequence garbage") << QByteArray("* 1x FETCH (UID 1)") << int(E::BadNumber);
        QTest::newRow("uid garbage") << response(1, "UID 12a") << int(E::BadNumber);
        QTest::newRow("uid negative") << response(1, "UID -1") << int(E::BadNumber);
        QTest::newRow("uid missing") << response(1, "UID ") << int(E::BadNumber);
        QTest::newRow("size too long")
            << response(1, "RFC822.SIZE 99999999999999999999999") << int(E::BadNumber);
        QTest::newRow("uid past qint64")
            << response(1, "UID 9999999999999999999") << int(E::BadNumber);
        QTest::newRow("literal8 without brace")
            << response(1, HeaderItem + " ~5}\r\nabcde") << int(E::BadLiteral);
        QTest::newRow("item without value") << response(1, "UID") << int(E::Syntax);
        QTest::newRow("unclosed list") << QByteArray("* 1 FETCH (UID 1") << int(E::Unbalanced);
        QTest::newRow("one paren too many") << response(1, "UID 1)") << int(E::TrailingData);
        QTest::newRow("unclosed flags")
            << QByteArray("* 1 FETCH (FLAGS (\\Seen") << int(E::Unbalanced);
        QTest::newRow("nested flags") << response(1, "FLAGS ((\\Seen))") << int(E::Syntax);
        QTest::newRow("unclosed extra list")
            << response(1, "MODSEQ (1 UID 2") << int(E::Unbalanced);
        QTest::newRow("unclosed section")
            << response(1, "BODY[HEADER.FIELDS (TO) {1}\r\nx") << int(E::Unbalanced);
        QTest::newRow("deep nesting")
            << response(1, "X " + QByteArray(1000, '(') + QByteArray(1000, ')'))
            << int(E::Unbalanced);
        QTest::newRow("unterminated date")
            << QByteArray("* 1 FETCH (INTERNALDATE \"03-Dec-2026)") << int(E::BadString);
        QTest::newRow("date not quoted") << response(1, "INTERNALDATE 03-Dec") << int(E::Syntax);
        QTest::newRow("quoted with CR")
            << response(1, HeaderItem + " \"a\r\nb\"") << int(E::BadString);
        QTest::newRow("literal past end")
            << response(1, HeaderItem + " {312}\r\nFrom: a@b\r\n") << int(E::LiteralPastEnd);
        QTest::newRow("literal past end, no close")
            << QByteArray("* 1 FETCH (" + HeaderItem + " {5}\r\nab") << int(E::LiteralPastEnd);
        QTest::newRow("literal without CRLF")
            << response(1, HeaderItem + " {2}ab") << int(E::BadLiteral);
        QTest::newRow("literal without brace")
            << response(1, HeaderItem + " {2\r\nab") << int(E::BadLiteral);
        QTest::newRow("literal length garbage")
            << response(1, HeaderItem + " {x}\r\n") << int(E::BadLiteral);
        QTest::newRow("header neither string nor NIL")
            << response(1, HeaderItem + " NILS") << int(E::Syntax);
    }

    void errors()
    {
        QFETCH(QByteArray, input);
        const FetchResponse r = parseFetchResponse(input);
        QTEST(int(r.error), "error");
        QVERIFY(!r.isValid());
        QVERIFY(r.errorOffset >= 0 && r.errorOffset <= input.size());
    }

    void flagsAndKeywords()
    {
        const FetchResponse r =
            parseFetchResponse(response(1, "FLAGS (\\Recent \\seen $Label \\Draft \\Deleted "
                                           "NonJunk \\ANSWERED \\Flagged)"));
        QVERIFY(r.isValid());
        QCOMPARE(r.messageFlags(), MessageFlag::Seen | MessageFlag::Draft | MessageFlag::Deleted |
                                       MessageFlag::Answered | MessageFlag::Flagged);
        const FetchResponse unread = parseFetchResponse(response(1, "FLAGS ($Seen \\Recent)"));
        QCOMPARE(unread.messageFlags(), MessageFlags());
    }

    // RFC 3501 7.4.2: one message's items may come in two responses.
    void splitResponses()
    {
        const QByteArray first = response(4, "UID 40 " + HeaderItem + ' ' + literal(Block));
        const QByteArray second = response(4, "FLAGS (\\Seen) UID 40 RFC822.SIZE 77");
        FetchResponse r = parseFetchResponse(first);
        QVERIFY(!r.has(FetchResponse::Flags));
        r.merge(parseFetchResponse(second));
        QVERIFY(r.has(FetchResponse::Flags) && r.has(FetchResponse::Header));
        QCOMPARE(r.size, 77);
        const Envelope e = envelopeFromResponse(r, Recipients::Include);
        QCOMPARE(e.uid, 40);
        QVERIFY(!e.isUnread());
        QCOMPARE(e.from.name, QStringLiteral("Maria Jensen"));
        QCOMPARE(e.subject, QStringLiteral("Hi (there) {5}"));
    }

    void quotedHeaderWithEscapes()
    {
        // IMAP quoted strings hold no CR/LF (RFC 3501 4.3): a one-line block.
        const FetchResponse r =
            parseFetchResponse(response(1, HeaderItem + " \"From: \\\"Bob\\\" <b@x.example>\""));
        QVERIFY(r.isValid());
        QVERIFY(r.headerEscaped);
        QCOMPARE(unescapeQuoted(r.header), QByteArray("From: \"Bob\" <b@x.example>"));
        QCOMPARE(envelopeFromResponse(r, Recipients::Include).from.name, QStringLiteral("Bob"));
    }

    void internalDate_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("utc") << ArrivalText << Arrival;
        QTest::newRow("padded day, offset") << QByteArray(" 3-dec-2026 10:11:12 -0130")
                                            << QDateTime(QDate(2026, 12, 3), QTime(10, 11, 12),
                                                         QTimeZone::fromSecondsAheadOfUtc(-5400));
        QTest::newRow("bad month") << QByteArray("03-Dex-2026 10:11:12 +0000") << QDateTime();
        QTest::newRow("bad day") << QByteArray("31-Feb-2026 10:11:12 +0000") << QDateTime();
        QTest::newRow("short") << QByteArray("03-Dec-2026 10:11 +0000") << QDateTime();
        QTest::newRow("empty") << QByteArray() << QDateTime();
    }

    void internalDate()
    {
        QFETCH(QByteArray, text);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = parseInternalDate(text);
        QCOMPARE(parsed.isValid(), expected.isValid());
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.offsetFromUtc(), expected.offsetFromUtc());
    }

    void sameAsKMime_data()
    {
        QTest::addColumn<QByteArray>("block");
        for (const TidingsTest::HeaderCase &c : TidingsTest::trickyHeaderBlocks()) {
            QTest::newRow(c.name) << c.block;
            QByteArray lf = c.block;
            QTest::addRow("%s (LF)", c.name) << lf.replace("\r\n", "\n");
        }
        TidingsTest::MailGenerator generator(QStringLiteral("Zoë Owner"),
                                             QStringLiteral("owner@tidings.example"));
        const QDateTime newest(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::UTC);
        const QList<TidingsTest::GeneratedMessage> mail = generator.conversations(120, newest);
        QVERIFY(mail.size() > 300);
        for (qsizetype i = 0; i < mail.size(); ++i)
            QTest::addRow("generated %lld", qlonglong(i))
                << TidingsTest::headerFieldsBlock(mail.at(i).raw);
    }

    // The differential test: for every block, the new parser answers what KMime answers.
    void sameAsKMime()
    {
        QFETCH(QByteArray, block);
        // On a failure, the block in full: the row name alone does not show a mutant.
        const auto showBlock = qScopeGuard([&]() {
            if (QTest::currentTestFailed())
                qWarning().noquote() << "block:" << block.toPercentEncoding(" :<>@.,;\"()");
        });
        const QByteArray input = response(1, "UID 1 INTERNALDATE \"" + ArrivalText + "\" " +
                                                 HeaderItem + ' ' + literal(block));
        const FetchResponse r = parseFetchResponse(input);
        QVERIFY2(r.isValid(), fetchParseErrorText(r.error));
        QCOMPARE(r.header.toByteArray(), block);
        const bool compareDate = !kmimeDateUndefined(block);
        compareEnvelopes(envelopeFromResponse(r, Recipients::Include),
                         reference(block, Recipients::Include), compareDate);
        const Envelope skipped = envelopeFromResponse(r, Recipients::Skip);
        QVERIFY(skipped.to.isEmpty());
        compareEnvelopes(skipped, reference(block, Recipients::Skip), compareDate);
    }

    // Blocks near the fast path's edges: the corpus with bytes that matter to a header parser
    // inserted, deleted or swapped at random places, still answered as KMime answers them.
    void sameAsKMimeMutated_data()
    {
        QTest::addColumn<QByteArray>("block");
        static const char Interesting[] =
            "\x80\xff\x0b\x0c&'#*.. \t\r\n\"<>@.,;:()=?\\[]aZ09+-_\xC3\xA9\x01";
        const QList<TidingsTest::HeaderCase> corpus = TidingsTest::trickyHeaderBlocks();
        QRandomGenerator rng(MutationSeed);
        for (int i = 0; i < MutationCount; ++i) {
            QByteArray block = corpus.at(rng.bounded(corpus.size())).block;
            const int edits = 1 + rng.bounded(4);
            for (int k = 0; k < edits && !block.isEmpty(); ++k) {
                const qsizetype at = rng.bounded(block.size());
                const char c = Interesting[rng.bounded(int(sizeof(Interesting)) - 1)];
                switch (rng.bounded(3)) {
                case 0:
                    block.insert(at, c);
                    break;
                case 1:
                    block.remove(at, 1);
                    break;
                default:
                    block[at] = c;
                }
            }
            QTest::addRow("mutant %d", i) << block;
        }
    }

    void sameAsKMimeMutated()
    {
        // KCodecs warns about each unknown encoding a mutant spells: expected, and noise.
        static QtMessageHandler testlib = nullptr;
        testlib = qInstallMessageHandler(
            [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
                if (!message.startsWith(QLatin1String("Unknown codec")))
                    testlib(type, context, message);
            });
        const auto restore = qScopeGuard([]() { qInstallMessageHandler(testlib); });
        sameAsKMime();
    }

    // Every proper prefix of a good response is a framing error, never a shorter message.
    void everyTruncationIsAnError()
    {
        const QByteArray full = response(7, "UID 7 RFC822.SIZE 4242 INTERNALDATE \"" + ArrivalText +
                                                "\" FLAGS (\\Seen) " + HeaderItem + ' ' +
                                                literal(Block) + " MODSEQ (5)");
        QVERIFY(parseFetchResponse(full).isValid());
        for (qsizetype n = 0; n < full.size(); ++n) {
            const FetchResponse r = parseFetchResponse(QByteArrayView(full).first(n));
            QVERIFY2(!r.isValid(), qPrintable(QString::number(n)));
        }
    }

    // Whatever a server sends, the parser answers without reading outside the input: every view
    // it hands out lies inside the bytes it was given.
    void mutatedResponsesStayInside()
    {
        const QByteArray good =
            response(7, "UID 7 RFC822.SIZE 42 INTERNALDATE \"" + ArrivalText +
                            "\" FLAGS (\\Seen) MODSEQ (5) " + HeaderItem + ' ' + literal(Block));
        static const char Interesting[] = " ()[]{}<>\"\\~\r\n0123456789NIL";
        QRandomGenerator rng(MutationSeed);
        int valid = 0;
        for (int i = 0; i < MutationCount * 4; ++i) {
            QByteArray input = good;
            for (int k = 1 + rng.bounded(3); k > 0; --k) {
                const qsizetype at = rng.bounded(input.size());
                const char c = Interesting[rng.bounded(int(sizeof(Interesting)) - 1)];
                if (rng.bounded(2))
                    input.insert(at, c);
                else
                    input[at] = c;
            }
            const FetchResponse r = parseFetchResponse(input);
            const auto inside = [&](QByteArrayView v) {
                return v.isNull() || (v.data() >= input.constData() &&
                                      v.data() + v.size() <= input.constData() + input.size());
            };
            QVERIFY(inside(r.flags) && inside(r.internalDate) && inside(r.header));
            QVERIFY(r.isValid() || (r.errorOffset >= 0 && r.errorOffset <= input.size()));
            valid += r.isValid();
        }
        // Some mutants (a digit more in a number, a space more) are still good responses.
        QVERIFY(valid > 0);
    }

    // The fast path must really carry the common shapes, or the speed is gone unnoticed.
    void commonShapesStayFast()
    {
        Envelope e;
        const QByteArray block = TidingsTest::trickyHeaderBlocks().constFirst().block;
        QCOMPARE(readHeaderFields(block, {}, Recipients::Include, e), HeaderPath::Fast);
        QCOMPARE(e.from.email, QStringLiteral("maria.jensen@northwind.example"));
        QCOMPARE(e.references.size(), 2);
        const QByteArray quoted = "From: \"Jensen, Maria\" <m@x.example>\r\nTo: a@x.example, "
                                  "B <b@x.example>\r\nDate: 1 Dec 2026 09:30 -0500\r\n"
                                  "References: <a@x>\r\n <b@y>\r\n\r\n";
        QCOMPARE(readHeaderFields(quoted, {}, Recipients::Include, e), HeaderPath::Fast);
        const QByteArray encoded = "Subject: =?UTF-8?Q?R=C3=A9union?=\r\n\r\n";
        QCOMPARE(readHeaderFields(encoded, {}, Recipients::Include, e), HeaderPath::Fallback);
        QCOMPARE(e.subject, QStringLiteral("Réunion"));
    }

    void missingHeaderIsDatedByArrival()
    {
        const FetchResponse r = parseFetchResponse(response(
            2, "UID 2 INTERNALDATE \"" + ArrivalText + "\" " + HeaderItem + " NIL FLAGS ()"));
        QVERIFY(r.isValid());
        const Envelope e = envelopeFromResponse(r, Recipients::Include);
        QCOMPARE(e.date, Arrival);
        QVERIFY(e.subject.isEmpty());
        QVERIFY(e.isUnread());
    }
};

QTEST_GUILESS_MAIN(TestFetchParser)
#include "test_fetchparser.moc"
