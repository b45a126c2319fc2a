// SPDX-License-Identifier: GPL-3.0-or-later
// Real Dovecot 2.4 output through the FETCH parser: the header FETCH of a mailbox of generated
// and tricky mail read off a plain socket, cut into responses and parsed, each Envelope what
// KMime makes of the same header bytes; Dovecot's FLAGS-only and MODSEQ responses too.
#include "fixtures/dovecotserver.h"
#include "fixtures/headercorpus.h"
#include "fixtures/mailgenerator.h"
#include "imap/envelopeconverter.h"
#include "imap/fetchparser.h"
#include "imap/headerfields.h"

#include <KMime/Message>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString User = QStringLiteral("parser@example.test");
const QString Password = QStringLiteral("parser");
constexpr int GeneratedThreads = 60;
// Generous: a loaded two-core machine answering a few hundred messages.
constexpr int ReadTimeoutMs = 30000;
const QByteArray FetchItems = "(RFC822.SIZE INTERNALDATE BODY.PEEK[HEADER.FIELDS (TO FROM "
                              "MESSAGE-ID REFERENCES IN-REPLY-TO SUBJECT DATE)] FLAGS UID)";

struct Delivered
{
    QByteArray raw;
    QString flags; // Maildir letters
    QDateTime received;
};

// Length of the complete response at the start of `buffer`, CRLF included; -1 while more
// bytes are needed. A line ending in "{n}" continues after n literal bytes.
qsizetype completeResponse(const QByteArray &buffer)
{
    qsizetype pos = 0;
    while (true) {
        const qsizetype eol = buffer.indexOf("\r\n", pos);
        if (eol < 0)
            return -1;
        const qsizetype open = buffer.lastIndexOf('{', eol);
        bool isLiteral = false;
        const qint64 length = eol > 0 && buffer[eol - 1] == '}' && open >= pos
                                  ? buffer.mid(open + 1, eol - open - 2).toLongLong(&isLiteral)
                                  : 0;
        if (!isLiteral)
            return eol + 2;
        pos = eol + 2 + length;
        if (pos > buffer.size())
            return -1;
    }
}

// A bare IMAP conversation: a command out, its untagged responses back (each without its
// final CRLF), up to the tagged completion.
class RawImap
{
public:
    bool connect(quint16 port)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        return m_socket.waitForConnected(ReadTimeoutMs) && next().startsWith("* OK");
    }

    QList<QByteArray> command(const QByteArray &text, QByteArray *completion = nullptr)
    {
        const QByteArray tag = 'a' + QByteArray::number(++m_tag);
        m_socket.write(tag + ' ' + text + "\r\n");
        QList<QByteArray> untagged;
        while (true) {
            const QByteArray response = next();
            if (response.isNull() || response.startsWith(tag + ' ')) {
                if (completion)
                    *completion = response;
                return untagged;
            }
            untagged.append(response);
        }
    }

private:
    QByteArray next()
    {
        qsizetype length;
        while ((length = completeResponse(m_buffer)) < 0) {
            if (!m_socket.waitForReadyRead(ReadTimeoutMs))
                return {};
            m_buffer += m_socket.readAll();
        }
        const QByteArray response = m_buffer.left(length - 2);
        m_buffer.remove(0, length);
        return response;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    int m_tag = 0;
};

// A command's FETCH responses, without the FLAGS, OK [PERMANENTFLAGS] and OK [HIGHESTMODSEQ]
// a new keyword or CONDSTORE's start add.
QList<QByteArray> fetchesOnly(const QList<QByteArray> &untagged)
{
    QList<QByteArray> out;
    for (const QByteArray &line : untagged) {
        if (line.contains(" FETCH ("))
            out.append(line);
    }
    return out;
}

MessageFlags flagsOf(const QString &maildirLetters)
{
    MessageFlags f;
    if (maildirLetters.contains(QLatin1Char('S')))
        f |= MessageFlag::Seen;
    if (maildirLetters.contains(QLatin1Char('F')))
        f |= MessageFlag::Flagged;
    if (maildirLetters.contains(QLatin1Char('R')))
        f |= MessageFlag::Answered;
    return f;
}

QString describe(const QList<Address> &list)
{
    QStringList out;
    for (const Address &a : list)
        out << a.name + QStringLiteral(" <") + a.email + QLatin1Char('>');
    return out.join(QStringLiteral(", "));
}
} // namespace

class TestFetchParserDovecot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_dovecot.addUser(User, Password);
        const QDateTime base(QDate(2026, 11, 2), QTime(8, 0, 5), QTimeZone::UTC);
        MailGenerator generator(QStringLiteral("Pat Parser"), User);
        for (const GeneratedMessage &m :
             generator.conversations(GeneratedThreads, base.addDays(20)))
            m_mail.append({m.raw, m.flags, {}});
        for (const HeaderCase &c : trickyHeaderBlocks()) {
            // Whole messages only: a header, its blank line, a body.
            if (c.block.endsWith("\r\n\r\n") && !c.block.startsWith("\r\n"))
                m_mail.append({c.block + "Body.\r\n", QStringLiteral("F"), {}});
        }
        for (qsizetype i = 0; i < m_mail.size(); ++i) {
            // Increasing, so Dovecot's UIDs follow delivery order (dovecotserver.cpp).
            m_mail[i].received = base.addSecs(i * 61);
            QVERIFY(m_dovecot.deliver(User, QStringLiteral("INBOX"), m_mail[i].raw, m_mail[i].flags,
                                      m_mail[i].received));
        }
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
        QVERIFY(m_imap.connect(m_dovecot.imapPort()));
        QByteArray ok;
        m_imap.command("LOGIN " + User.toUtf8() + " \"" + Password.toUtf8() + '"', &ok);
        QVERIFY2(ok.contains(" OK"), ok.constData());
        m_imap.command("SELECT INBOX", &ok);
        QVERIFY2(ok.contains(" OK"), ok.constData());
    }

    void headerFetchReadsAsKMimeReadsIt()
    {
        QByteArray ok;
        const QList<QByteArray> responses = m_imap.command("UID FETCH 1:* " + FetchItems, &ok);
        QVERIFY2(ok.contains(" OK"), ok.constData());
        QCOMPARE(responses.size(), m_mail.size());
        int fast = 0;
        for (qsizetype i = 0; i < responses.size(); ++i) {
            const FetchResponse r = parseFetchResponse(responses[i]);
            QVERIFY2(r.isValid(), fetchParseErrorText(r.error));
            QCOMPARE(r.sequence, i + 1);
            QCOMPARE(r.uid, i + 1);
            QVERIFY(r.has(FetchResponse::Header) && r.has(FetchResponse::Size));
            QCOMPARE(r.size, m_mail[i].raw.size());
            QCOMPARE(r.messageFlags(), flagsOf(m_mail[i].flags));
            QCOMPARE(parseInternalDate(r.internalDate), m_mail[i].received);

            HeaderPath path;
            const Envelope e = envelopeFromResponse(r, Recipients::Include, &path);
            fast += path == HeaderPath::Fast;
            KIMAP::Message m;
            m.message = KIMAP::MessagePtr(new KMime::Message);
            m.message->setHead(r.header.toByteArray());
            m.message->parse();
            Envelope expected = envelopeFromFetch(m, Recipients::Include);
            if (!expected.date.isValid())
                expected.date = m_mail[i].received;
            QCOMPARE(e.subject, expected.subject);
            QCOMPARE(e.from.name, expected.from.name);
            QCOMPARE(e.from.email, expected.from.email);
            QCOMPARE(describe(e.to), describe(expected.to));
            QCOMPARE(e.date, expected.date);
            QCOMPARE(e.messageId, expected.messageId);
            QCOMPARE(e.inReplyTo, expected.inReplyTo);
            QCOMPARE(e.references, expected.references);
        }
        // Generated mail is mostly plain ASCII: most of it must take the fast path.
        QVERIFY2(fast > responses.size() / 2, qPrintable(QString::number(fast)));
    }

    // A flag change arrives as a FETCH with FLAGS alone (RFC 3501 7.4.2), keywords included.
    void flagsOnlyResponses()
    {
        QByteArray ok;
        const QList<QByteArray> changed =
            fetchesOnly(m_imap.command("STORE 2 +FLAGS (\\Flagged $Label)", &ok));
        QVERIFY2(ok.contains(" OK"), ok.constData());
        QCOMPARE(changed.size(), 1);
        const FetchResponse r = parseFetchResponse(changed.constFirst());
        QVERIFY2(r.isValid(), fetchParseErrorText(r.error));
        QCOMPARE(r.sequence, 2);
        QVERIFY(r.has(FetchResponse::Flags) && !r.has(FetchResponse::Header));
        QVERIFY(r.flags.contains("$Label"));
        QVERIFY(r.messageFlags().testFlag(MessageFlag::Flagged));

        const QList<QByteArray> all = m_imap.command("FETCH 1:* (FLAGS)", &ok);
        QCOMPARE(all.size(), m_mail.size());
        for (const QByteArray &line : all)
            QVERIFY2(parseFetchResponse(line).items == FetchResponse::Flags, line.constData());
    }

    // CONDSTORE (RFC 7162): MODSEQ when asked for, and on every flag change once enabled,
    // asked for or not.
    void modseqIsSkipped()
    {
        QByteArray ok;
        const QList<QByteArray> asked =
            fetchesOnly(m_imap.command("UID FETCH 1:3 (UID FLAGS MODSEQ)", &ok));
        QVERIFY2(ok.contains(" OK"), ok.constData());
        const QList<QByteArray> unasked =
            fetchesOnly(m_imap.command("STORE 3 +FLAGS (\\Seen)", &ok));
        QVERIFY2(ok.contains(" OK"), ok.constData());
        QCOMPARE(asked.size(), 3);
        QCOMPARE(unasked.size(), 1);
        for (const QByteArray &line : asked + unasked) {
            QVERIFY2(line.contains("MODSEQ ("), line.constData());
            const FetchResponse r = parseFetchResponse(line);
            QVERIFY2(r.isValid(), fetchParseErrorText(r.error));
            QVERIFY(r.has(FetchResponse::Flags) && !r.has(FetchResponse::Header));
        }
        QVERIFY(
            parseFetchResponse(unasked.constFirst()).messageFlags().testFlag(MessageFlag::Seen));
    }

private:
    DovecotServer m_dovecot;
    RawImap m_imap;
    QList<Delivered> m_mail;
};

QTEST_GUILESS_MAIN(TestFetchParserDovecot)
#include "test_fetchparser_dovecot.moc"
