// SPDX-License-Identifier: GPL-3.0-or-later
// Our own IMAP client (IDLE, bulk header fetch) against a scripted peer: framing of
// literals, the login rules, and every way a server can misbehave ends in one clear error.
#include "fixtures/fakeimapserver.h"
#include "imap/headerfetcher.h"
#include "imap/imapclient.h"
#include "imaptesthelpers.h"

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString User = QStringLiteral("alice@example.test");
const QString Password = QStringLiteral("pw");
const QByteArrayList Login = {FakeImapServer::greeting(), "C: t1 AUTHENTICATE PLAIN", "S: + ",
                              "C: " + QByteArray("\0alice@example.test\0pw", 22).toBase64(),
                              "S: t1 OK Logged in"};
const QByteArray Items = "(RFC822.SIZE INTERNALDATE BODY.PEEK[HEADER.FIELDS (TO FROM MESSAGE-ID "
                         "REFERENCES IN-REPLY-TO SUBJECT DATE)] FLAGS UID)";

Account fakeAccount(quint16 port, Security security = Security::None)
{
    Account a = loopbackAccount(port, security, User);
    a.timeoutSeconds = 2;
    return a;
}

// Everything one client reports, in order.
struct Recorder
{
    explicit Recorder(ImapClient *client)
    {
        QObject::connect(client, &ImapClient::ready, client, [this] { ready = true; });
        QObject::connect(client, &ImapClient::untagged, client,
                         [this](const QByteArray &r) { untagged.append(r); });
        QObject::connect(client, &ImapClient::completed, client,
                         [this](const QByteArray &tag, bool ok, const QString &text) {
                             completed.append(tag + (ok ? " OK " : " NO ") + text.toUtf8());
                         });
        QObject::connect(client, &ImapClient::failed, client,
                         [this](const Error &e) { error = e; });
    }
    bool ready = false;
    QByteArrayList untagged;
    QByteArrayList completed;
    Error error;
};
} // namespace

class TestImapClientScripted : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Tidings::Error>();
        qRegisterMetaType<QList<Tidings::Envelope>>();
    }

    void literalsArriveWithTheirResponse()
    {
        // A literal holding CRLFs, a "}" at a line end, and a LITERAL+ form: one response each.
        const QByteArray body = "Subject: a {5}\r\nFrom: b@c\r\n\r\n";
        FakeImapServer server;
        server.setScript(Login + QByteArrayList{
                                     "C: t2 FETCH 1:2 (BODY.PEEK[HEADER])",
                                     "S: * 1 FETCH (UID 4 BODY[HEADER] {" +
                                         QByteArray::number(body.size()) + "}\r\n" + body + ")",
                                     "S: * 2 FETCH (UID 5 BODY[HEADER] {3+}\r\nx}\r)",
                                     "S: * 3 EXISTS",
                                     "S: t2 OK done",
                                 });
        QVERIFY(server.listen());
        ImapClient client(fakeAccount(server.port()), Password);
        Recorder r(&client);
        client.open();
        QVERIFY(QTest::qWaitFor([&] { return r.ready || r.error.isError(); }, ResultTimeoutMs));
        QVERIFY2(r.ready, qPrintable(r.error.message));
        QCOMPARE(client.send("FETCH 1:2 (BODY.PEEK[HEADER])"), QByteArray("t2"));
        QVERIFY(QTest::qWaitFor([&] { return !r.completed.isEmpty(); }, ResultTimeoutMs));
        QCOMPARE(r.untagged.size(), 3);
        QVERIFY(r.untagged.at(0).endsWith(body + ')'));
        QCOMPARE(r.untagged.at(1), QByteArray("* 2 FETCH (UID 5 BODY[HEADER] {3+}\r\nx}\r)"));
        QCOMPARE(r.untagged.at(2), QByteArray("* 3 EXISTS"));
        QCOMPARE(r.completed, QByteArrayList{"t2 OK done"});
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.mismatches().join(u'\n')));
    }

    void failures_data()
    {
        QTest::addColumn<QByteArrayList>("script");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("cause");
        QTest::newRow("wrong password")
            << QByteArrayList{FakeImapServer::greeting(), "C: t1 AUTHENTICATE PLAIN", "S: + ",
                              "C: " + QByteArray("\0alice@example.test\0pw", 22).toBase64(),
                              "S: t1 NO [AUTHENTICATIONFAILED] Authentication failed."}
            << int(ErrorKind::Authentication) << QStringLiteral("Authentication failed");
        QTest::newRow("not IMAP") << QByteArrayList{"S: SSH-2.0-OpenSSH_9.2"}
                                  << int(ErrorKind::Network)
                                  << QStringLiteral("did not greet as an IMAP server");
        QTest::newRow("silence") << QByteArrayList{} << int(ErrorKind::Network)
                                 << QStringLiteral("no answer");
        QTest::newRow("BYE mid-command")
            << Login + QByteArrayList{"C: t2 NOOP", "S: * BYE shutting down"}
            << int(ErrorKind::Network) << QStringLiteral("shutting down");
        QTest::newRow("hang-up mid-literal")
            << Login + QByteArrayList{"C: t2 NOOP", "S: * 1 FETCH (BODY[] {500}\r\nabc", "X"}
            << int(ErrorKind::Network) << QStringLiteral("127.0.0.1");
        QTest::newRow("impossible literal")
            << Login + QByteArrayList{"C: t2 NOOP", "S: * 1 FETCH (BODY[] {99999999999}"}
            << int(ErrorKind::Network) << QStringLiteral("impossible literal");
        QTest::newRow("silent mid-response")
            << Login + QByteArrayList{"C: t2 NOOP", "S: * 1 FETCH (UID 1"}
            << int(ErrorKind::Network) << QStringLiteral("no answer");
    }

    void failures()
    {
        QFETCH(QByteArrayList, script);
        QFETCH(int, kind);
        QFETCH(QString, cause);
        FakeImapServer server;
        server.setScript(script);
        QVERIFY(server.listen());
        ImapClient client(fakeAccount(server.port()), Password);
        client.setMaxResponseBytes(1024 * 1024);
        Recorder r(&client);
        QObject::connect(&client, &ImapClient::ready, &client, [&] { client.send("NOOP"); });
        client.open();
        QVERIFY(QTest::qWaitFor([&] { return r.error.isError(); }, ResultTimeoutMs));
        QCOMPARE(int(r.error.kind), kind);
        QVERIFY2(r.error.message.contains(cause), qPrintable(r.error.message));
        QVERIFY(r.completed.isEmpty());
    }

    void dataInjectedBeforeTlsIsRefused()
    {
        // RFC 3501 6.2.1 / CVE-2011-0411: a response smuggled in the clear after STARTTLS's OK
        // must never be read as if it came over TLS.
        FakeImapServer server;
        server.setScript({FakeImapServer::greeting(), "C: t1 STARTTLS",
                          "S: t1 OK Begin TLS negotiation now\r\n* OK injected"});
        QVERIFY(server.listen());
        ImapClient client(fakeAccount(server.port(), Security::StartTls), Password);
        Recorder r(&client);
        client.open();
        QVERIFY(QTest::qWaitFor([&] { return r.error.isError(); }, ResultTimeoutMs));
        QVERIFY2(r.error.message.contains(QLatin1String("before the TLS handshake")),
                 qPrintable(r.error.message));
        QVERIFY(!r.ready);
    }

    void headerFetchRefusesAChangedUidValidity()
    {
        // The caller's SELECT saw UIDVALIDITY 7; this connection sees 8: the UIDs it would read
        // belong to other messages, so nothing is handed over.
        FakeImapServer server;
        server.setScript(Login + QByteArrayList{"C: t2 EXAMINE \"INBOX\"", "S: * 1 EXISTS",
                                                "S: * OK [UIDVALIDITY 8] UIDs valid",
                                                "S: t2 OK [READ-ONLY] done"});
        QVERIFY(server.listen());
        HeaderFetcher fetcher(fakeAccount(server.port()), Password, QStringLiteral("INBOX"), 7, 0);
        QSignalSpy batches(&fetcher, &HeaderFetcher::batchArrived);
        QSignalSpy finished(&fetcher, &HeaderFetcher::finished);
        fetcher.fetchNewestFirst(5, 2000);
        QVERIFY(finished.wait(ResultTimeoutMs));
        const auto error = finished.constFirst().at(0).value<Error>();
        QCOMPARE(error.kind, ErrorKind::Refused);
        QVERIFY2(error.message.contains(QLatin1String("changed")), qPrintable(error.message));
        QVERIFY(finished.constFirst().at(1).toBool()); // it did log in: no fallback
        QCOMPARE(batches.size(), 0);
    }

    void headerFetchOfAnEmptyMailboxEnds()
    {
        FakeImapServer server;
        server.setScript(Login + QByteArrayList{"C: t2 EXAMINE \"Trash\"", "S: * 0 EXISTS",
                                                "S: * OK [UIDVALIDITY 7] UIDs valid",
                                                "S: t2 OK [READ-ONLY] done"});
        QVERIFY(server.listen());
        HeaderFetcher fetcher(fakeAccount(server.port()), Password, QStringLiteral("Trash"), 7, 0);
        QSignalSpy finished(&fetcher, &HeaderFetcher::finished);
        fetcher.fetchNewestFirst(5, 2000);
        QVERIFY(finished.wait(ResultTimeoutMs));
        QVERIFY(!finished.constFirst().at(0).value<Error>().isError());
    }

    void headerFetchPipelinesNewestFirst()
    {
        // Seven messages in batches of 1, FETCHes of 5 batches: FETCH 3:7 and 1:2 sent together,
        // their OKs held back to the end as Dovecot does; a FLAGS-only FETCH (another client's
        // change) and MODSEQ are ignored; a message at or above the caller's UIDNEXT (arrived
        // after its snapshot) is left for the next sync.
        auto fetchOf = [](int seq, int uid) {
            const QByteArray header = "Subject: m" + QByteArray::number(uid) + "\r\nMessage-ID: <" +
                                      QByteArray::number(uid) + "@x>\r\n\r\n";
            return "S: * " + QByteArray::number(seq) + " FETCH (UID " + QByteArray::number(uid) +
                   " MODSEQ (9) RFC822.SIZE 100 INTERNALDATE \"03-Dec-2026 10:00:00 +0000\" "
                   "FLAGS (\\Seen) BODY[HEADER.FIELDS (TO FROM MESSAGE-ID REFERENCES "
                   "IN-REPLY-TO SUBJECT DATE)] {" +
                   QByteArray::number(header.size()) + "}\r\n" + header + ")";
        };
        FakeImapServer server;
        server.setScript(Login + QByteArrayList{
                                     "C: t2 EXAMINE \"INBOX\"",
                                     "S: * 7 EXISTS",
                                     "S: * OK [UIDVALIDITY 7] UIDs valid",
                                     "S: t2 OK [READ-ONLY] done",
                                     "C: t3 FETCH 3:7 " + Items,
                                     "C: t4 FETCH 1:2 " + Items,
                                     fetchOf(3, 30),
                                     fetchOf(7, 70),
                                     "S: * 1 FETCH (UID 10 FLAGS (\\Flagged))",
                                     fetchOf(1, 10),
                                     fetchOf(2, 20),
                                     "S: t3 OK done",
                                     "S: t4 OK done",
                                 });
        QVERIFY(server.listen());
        HeaderFetcher fetcher(fakeAccount(server.port()), Password, QStringLiteral("INBOX"), 7, 70);
        QList<qint64> uids;
        connect(&fetcher, &HeaderFetcher::batchArrived, &fetcher,
                [&](const QList<Envelope> &batch) {
                    for (const Envelope &e : batch) {
                        uids.append(e.uid);
                        QCOMPARE(e.subject, QStringLiteral("m%1").arg(e.uid));
                        QCOMPARE(e.messageId, QByteArray::number(e.uid) + "@x");
                        QVERIFY(!e.isUnread());
                    }
                    fetcher.batchStored();
                });
        QSignalSpy finished(&fetcher, &HeaderFetcher::finished);
        fetcher.fetchNewestFirst(7, 1);
        QVERIFY(finished.wait(ResultTimeoutMs));
        const auto error = finished.constFirst().at(0).value<Error>();
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QCOMPARE(uids, (QList<qint64>{30, 10, 20}));
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.mismatches().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestImapClientScripted)
#include "test_imapclient_scripted.moc"
