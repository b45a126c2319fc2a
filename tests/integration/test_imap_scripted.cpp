// SPDX-License-Identifier: GPL-3.0-or-later
// Protocol edge cases a real server will not produce, against a scripted peer.
#include "fixtures/fakeimapserver.h"
#include "imaptesthelpers.h"


using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString User = QStringLiteral("alice@example.test");
const QString Password = QStringLiteral("pw");
// KIMAP's SASL PLAIN (RFC 4616): the command, a continuation, then authzid NUL user NUL pw.
const QByteArrayList PlainLogin = {"C: A000001 AUTHENTICATE PLAIN", "S: + ",
                                   "C: " + QByteArray("\0alice@example.test\0pw", 22).toBase64()};
// After login the client asks for the capabilities again (they change with login).
const QByteArrayList LoginOk = {"S: A000001 OK Logged in", "C: A000002 CAPABILITY",
                                "S: * CAPABILITY IMAP4rev1 NAMESPACE", "S: A000002 OK done"};

Account fakeAccount(quint16 port, Security security = Security::None)
{
    Account a = loopbackAccount(port, security, User);
    a.timeoutSeconds = 2;
    return a;
}
} // namespace

class TestImapScripted : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<Tidings::Error>(); }

    void loginFailures_data()
    {
        QTest::addColumn<QByteArrayList>("script");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("cause"); // part of the one-line message
        QTest::newRow("closed after greeting")
            << QByteArrayList{FakeImapServer::greeting(), "X"} << int(ErrorKind::Network)
            << QStringLiteral("closed the connection");
        QTest::newRow("BYE greeting")
            << QByteArrayList{"S: * BYE Too many connections from your IP", "X"}
            << int(ErrorKind::Network) << QStringLiteral("127.0.0.1");
        QTest::newRow("garbage greeting")
            << QByteArrayList{"S: HTTP/1.1 400 Bad Request", "S: ", "X"} << int(ErrorKind::Network)
            << QStringLiteral("127.0.0.1");
        QTest::newRow("login refused")
            << QByteArrayList{FakeImapServer::greeting()} + PlainLogin +
                   QByteArrayList{"S: A000001 NO [AUTHENTICATIONFAILED] Authentication failed."}
            << int(ErrorKind::Authentication) << QStringLiteral("Authentication failed.");
        QTest::newRow("BYE in answer to login")
            << QByteArrayList{FakeImapServer::greeting()} + PlainLogin +
                   QByteArrayList{"S: * BYE Server shutting down", "X"}
            << int(ErrorKind::Network) << QStringLiteral("127.0.0.1");
        QTest::newRow("silent server")
            << QByteArrayList{} << int(ErrorKind::Network) << QStringLiteral("within 2 s");
    }
    void loginFailures()
    {
        QFETCH(QByteArrayList, script);
        QFETCH(int, kind);
        QFETCH(QString, cause);
        FakeImapServer server;
        server.setScript(script);
        QVERIFY(server.listen());
        ImapConnection c(fakeAccount(server.port()));
        const Error e = openSync(c, Password);
        QCOMPARE(int(e.kind), kind);
        // The cause, not the test's own give-up: the connection ended the attempt itself.
        QVERIFY2(e.message.contains(cause), qPrintable(e.message));
        QVERIFY2(!e.message.contains(QLatin1Char('\n')), "one line");
        QCOMPARE(c.state(), ImapConnection::State::Failed);
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.mismatches().join(u'\n')));
    }

    void loginKimapNeverStartedConnectsAgain()
    {
        // KIMAP can lose its "socket connected" notification (see LostConnectRetries in
        // imapconnection.cpp): the server greets, then hears nothing. The connection must
        // notice at once and log in on a fresh connection instead of waiting for the timeout.
        FakeImapServer server;
        server.setScript(QByteArrayList{FakeImapServer::greeting()} + PlainLogin + LoginOk);
        QVERIFY(server.listen());
        ImapConnection::loseConnectNotificationsForTest(1);
        ImapConnection c(fakeAccount(server.port()));
        const Error e = openSync(c, Password);
        QVERIFY2(!e.isError(), qPrintable(e.message));
        QCOMPARE(c.state(), ImapConnection::State::Ready);
        QVERIFY(server.scriptDone());
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.mismatches().join(u'\n')));
        // The injected loss costs one connection; under load KIMAP's real race may cost one
        // more, which the retry budget covers.
        QVERIFY2(server.connections() >= 2 && server.connections() <= 3,
                 qPrintable(QString::number(server.connections())));
    }

    void strippedStartTlsNeverSendsThePassword()
    {
        // A man in the middle removes STARTTLS from the capabilities.
        FakeImapServer server;
        server.setScript({"S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready",
                          "C: A000001 CAPABILITY", "S: * CAPABILITY IMAP4rev1 AUTH=PLAIN",
                          "S: A000001 OK done"});
        QVERIFY(server.listen());
        ImapConnection c(fakeAccount(server.port(), Security::StartTls));
        const Error e = openSync(c, Password);
        QCOMPARE(e.kind, ErrorKind::Network);
        QVERIFY2(e.message.contains(QLatin1String("STARTTLS")), qPrintable(e.message));
        for (const QByteArray &line : server.received())
            QVERIFY2(!line.contains("AUTHENTICATE") && !line.contains("LOGIN"), line.constData());
    }

    void preauthIsNotTrustedUnderStartTls()
    {
        // RFC 3501 7.1.4: PREAUTH skips authentication, and with it STARTTLS.
        FakeImapServer server;
        server.setScript({"S: * PREAUTH [CAPABILITY IMAP4rev1] welcome back"});
        QVERIFY(server.listen());
        ImapConnection c(fakeAccount(server.port(), Security::StartTls));
        const Error e = openSync(c, Password);
        QVERIFY(e.isError());
        QVERIFY(!c.session());
        QTest::qWait(200);
        QVERIFY2(server.received().isEmpty(), server.received().join('\n').constData());
    }

    void connectionDroppedMidList()
    {
        FakeImapServer server;
        server.setScript(QByteArrayList{FakeImapServer::greeting()} + PlainLogin + LoginOk +
                         QByteArrayList{"C: A000003 NAMESPACE",
                                        "S: * NAMESPACE ((\"\" \"/\")) NIL NIL",
                                        "S: A000003 OK done", "C: A000004 LIST \"\" \"*\"",
                                        "S: * LIST (\\HasNoChildren) \"/\" INBOX",
                                        "S: * LIST (\\HasNoChildren \\Sent) \"/\" Sent", "X"});
        QVERIFY(server.listen());
        ImapConnection c(fakeAccount(server.port()));
        QVERIFY(!openSync(c, Password).isError());
        QList<Mailbox> boxes;
        const Error e = listSync(c, boxes);
        QCOMPARE(e.kind, ErrorKind::Network);
        QVERIFY2(e.message.contains(QLatin1String("closed")), qPrintable(e.message));
        // A half-received list is not presented as the account's mailboxes.
        QVERIFY(boxes.isEmpty());
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.mismatches().join(u'\n')));
    }

    void serverFallsSilentMidFetch()
    {
        FakeImapServer server;
        server.setScript(
            QByteArrayList{FakeImapServer::greeting()} + PlainLogin + LoginOk +
            QByteArrayList{
                "C: A000003 EXAMINE \"INBOX\"", "S: * 2 EXISTS",
                "S: * OK [UIDVALIDITY 7] UIDs valid", "S: A000003 OK [READ-ONLY] done",
                "C: A000004 UID FETCH 1:* (RFC822.SIZE INTERNALDATE BODY.PEEK[HEADER.FIELDS "
                "(TO FROM MESSAGE-ID REFERENCES IN-REPLY-TO SUBJECT DATE)] FLAGS UID)",
                "S: * 1 FETCH (UID 1 FLAGS () RFC822.SIZE 10)"});
        QVERIFY(server.listen());
        ImapConnection c(fakeAccount(server.port()));
        QVERIFY(!openSync(c, Password).isError());
        QList<Envelope> envelopes;
        const Error e = loadSync(c, QStringLiteral("INBOX"), envelopes);
        QCOMPARE(e.kind, ErrorKind::Network);
        // A timeout of the client's own (watchdog or KIMAP's socket timer) ended it, not the
        // test's give-up ("test: no result").
        QVERIFY2(e.message.contains(QLatin1String("127.0.0.1")), qPrintable(e.message));
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.mismatches().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestImapScripted)
#include "test_imap_scripted.moc"
