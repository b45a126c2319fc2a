// SPDX-License-Identifier: GPL-3.0-or-later
// Live updates against real Dovecot: new mail, flag changes, expunges and messages moved
// away by another client are reported while the watcher sits in IDLE; switching mailboxes
// follows the selection; refusals are reported with their cause.
#include "imaptesthelpers.h"

#include "fixtures/dovecotserver.h"
#include "fixtures/droppingproxy.h"
#include "fixtures/fakeimapserver.h"
#include "fixtures/mailgenerator.h"
#include "imap/idlewatcher.h"

#include <KIMAP/ExpungeJob>
#include <KIMAP/MoveJob>
#include <KIMAP/SelectJob>
#include <KIMAP/StoreJob>

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Password = QStringLiteral("pw");
// Well above the 2 s the issue allows, so a slow machine does not fail the test; the
// assertion is that a signal comes at all, without any polling by the client.
constexpr int WaitMs = 15000;
} // namespace

class TestIdleDovecot : public QObject
{
    Q_OBJECT
private:
    Account account(quint16 port) const
    {
        return loopbackAccount(port, Security::StartTls, Alice, m_dovecot.certificatePath());
    }

    // Another client: SELECT, then one command on the given UIDs.
    bool otherClient(const QString &mailbox, const std::function<KJob *(KIMAP::Session *)> &job)
    {
        ImapConnection other(account(m_dovecot.imapPort()));
        if (openSync(other, Password).isError())
            return false;
        auto *select = new KIMAP::SelectJob(other.session());
        select->setMailBox(mailbox);
        return select->exec() && job(other.session())->exec();
    }

    QByteArray message(int i) const
    {
        return MailGenerator(QStringLiteral("Alice"), Alice)
            .message(QStringLiteral("Sender"), QStringLiteral("s@example.org"), Alice,
                     QStringLiteral("Message %1").arg(i), QStringLiteral("body"),
                     QDateTime::currentDateTimeUtc(), "<idle" + QByteArray::number(i) + "@x>");
    }

    // Waits until the watcher sits in IDLE on `mailbox`, then forgets what came before.
    void settle(IdleWatcher &watcher, QSignalSpy &changed, const QString &mailbox)
    {
        QSignalSpy failed(&watcher, &IdleWatcher::failed);
        QVERIFY(QTest::qWaitFor([&] { return watcher.isIdling(mailbox) || !failed.isEmpty(); },
                                WaitMs));
        if (!failed.isEmpty())
            QFAIL(qPrintable(failed.constFirst().constFirst().value<Error>().message));
        // Debounced notifications of earlier changes land here, not in the next check.
        QTest::qWait(IdleWatcher::DebounceMs * 2);
        changed.clear();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Tidings::Error>();
        m_dovecot.addUser(Alice, Password);
        for (int i = 0; i < 5; ++i)
            QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"), message(i)));
        QVERIFY(m_dovecot.createMailbox(Alice, QStringLiteral("Archive")));
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
    }

    void reportsNewMailFlagsExpungesAndMoves()
    {
        IdleWatcher watcher(account(m_dovecot.imapPort()), Password);
        QSignalSpy changed(&watcher, &IdleWatcher::changed);
        QSignalSpy failed(&watcher, &IdleWatcher::failed);
        watcher.watch(QStringLiteral("INBOX"));
        settle(watcher, changed, QStringLiteral("INBOX"));

        QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"), message(10)));
        QVERIFY(changed.wait(WaitMs));
        QCOMPARE(changed.constLast().at(0).toString(), QStringLiteral("INBOX"));
        settle(watcher, changed, QStringLiteral("INBOX"));

        QVERIFY(otherClient(QStringLiteral("INBOX"), [](KIMAP::Session *s) {
            auto *store = new KIMAP::StoreJob(s);
            store->setUidBased(true);
            store->setSequenceSet(KIMAP::ImapSet(1));
            store->setFlags({"\\Flagged"});
            store->setMode(KIMAP::StoreJob::AppendFlags);
            return store;
        }));
        QVERIFY(changed.wait(WaitMs));
        settle(watcher, changed, QStringLiteral("INBOX"));

        // A move (RFC 6851) tells the source only EXPUNGE: no flag change comes first.
        QVERIFY(otherClient(QStringLiteral("INBOX"), [](KIMAP::Session *s) {
            auto *move = new KIMAP::MoveJob(s);
            move->setUidBased(true);
            move->setSequenceSet(KIMAP::ImapSet(2));
            move->setMailBox(QStringLiteral("Archive"));
            return move;
        }));
        QVERIFY(changed.wait(WaitMs));
        settle(watcher, changed, QStringLiteral("INBOX"));

        // Watching another mailbox: its changes count, the old one's do not.
        watcher.watch(QStringLiteral("Archive"));
        settle(watcher, changed, QStringLiteral("Archive"));
        QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"), message(11)));
        QVERIFY(!changed.wait(1500));
        QVERIFY(otherClient(QStringLiteral("Archive"), [](KIMAP::Session *s) {
            auto *store = new KIMAP::StoreJob(s);
            store->setUidBased(true);
            store->setSequenceSet(KIMAP::ImapSet(1, 0));
            store->setFlags({"\\Deleted"});
            store->setMode(KIMAP::StoreJob::AppendFlags);
            return store;
        }));
        QVERIFY(otherClient(QStringLiteral("Archive"),
                            [](KIMAP::Session *s) { return new KIMAP::ExpungeJob(s); }));
        QVERIFY(changed.wait(WaitMs));
        QCOMPARE(changed.constLast().at(0).toString(), QStringLiteral("Archive"));
        QVERIFY(failed.isEmpty());
    }

    void missingMailboxIsReportedAndWatchingGoesOn()
    {
        IdleWatcher watcher(account(m_dovecot.imapPort()), Password);
        QSignalSpy changed(&watcher, &IdleWatcher::changed);
        QSignalSpy failed(&watcher, &IdleWatcher::failed);
        watcher.watch(QStringLiteral("Nowhere"));
        QVERIFY(failed.wait(WaitMs));
        const Error e = failed.constFirst().constFirst().value<Error>();
        QCOMPARE(e.kind, ErrorKind::Refused);
        QVERIFY2(e.message.contains(QLatin1String("Nowhere")), qPrintable(e.message));
        watcher.watch(QStringLiteral("INBOX"));
        settle(watcher, changed, QStringLiteral("INBOX"));
        QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"), message(12)));
        QVERIFY(changed.wait(WaitMs));
    }

    void comesBackAfterTheConnectionDrops()
    {
        DroppingProxy proxy(m_dovecot.imapPort());
        QVERIFY(proxy.start());
        IdleWatcher watcher(account(proxy.port()), Password);
        QSignalSpy changed(&watcher, &IdleWatcher::changed);
        QSignalSpy failed(&watcher, &IdleWatcher::failed);
        watcher.watch(QStringLiteral("INBOX"));
        settle(watcher, changed, QStringLiteral("INBOX"));
        proxy.cutAll();
        QVERIFY(failed.wait(WaitMs));
        QCOMPARE(failed.constFirst().constFirst().value<Error>().kind, ErrorKind::Network);
        // Mail that arrives while the connection is down is reported once it is back.
        QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"), message(20)));
        QVERIFY(changed.wait(WaitMs));
        QVERIFY(watcher.isIdling(QStringLiteral("INBOX")));
        settle(watcher, changed, QStringLiteral("INBOX"));
        QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"), message(21)));
        QVERIFY(changed.wait(WaitMs));
    }

    void wrongPasswordFails()
    {
        IdleWatcher watcher(account(m_dovecot.imapPort()), QStringLiteral("wrong"));
        QSignalSpy failed(&watcher, &IdleWatcher::failed);
        watcher.watch(QStringLiteral("INBOX"));
        QVERIFY(failed.wait(WaitMs));
        QCOMPARE(failed.constFirst().constFirst().value<Error>().kind, ErrorKind::Authentication);
        // A rejected password is not retried (it would lock the account on some servers).
        QVERIFY(!failed.wait(IdleWatcher::ReconnectDelaysMs[0] + 1000));
    }

    // What Dovecot will not do: PREAUTH where STARTTLS was required, BYE while idling,
    // a literal inside an untagged response, VANISHED.
    void scriptedServer_data()
    {
        QTest::addColumn<QByteArrayList>("script");
        QTest::addColumn<int>("changes");
        QTest::addColumn<int>("errorKind");
        const QByteArray auth = QByteArray("\0alice@example.test\0pw", 22).toBase64();
        const QByteArrayList upToIdle = {
            "S: * OK ready", "C: t1 AUTHENTICATE PLAIN",  "S: + ",
            "C: " + auth,    "S: t1 OK logged in",        "C: t2 EXAMINE \"INBOX\"",
            "S: * 3 EXISTS", "S: t2 OK [READ-ONLY] done", "C: t3 IDLE",
            "S: + idling"};
        QTest::newRow("expunge") << upToIdle + QByteArrayList{"S: * 2 EXPUNGE"} << 1 << 0;
        QTest::newRow("vanished") << upToIdle + QByteArrayList{"S: * VANISHED 5:7"} << 1 << 0;
        QTest::newRow("literal then exists")
            << upToIdle + QByteArrayList{"S: * OK [ALERT] {4}", "S: a\r\nb", "S: * 4 EXISTS"} << 1
            << 0;
        QTest::newRow("bye while idling")
            << upToIdle + QByteArrayList{"S: * BYE shutting down", "X"} << 0
            << int(ErrorKind::Network);
        QTest::newRow("no idle") << QByteArrayList(upToIdle.first(upToIdle.size() - 1)) +
                                        QByteArrayList{"S: t3 BAD unknown command"}
                                 << 0 << int(ErrorKind::Refused);
        QTest::newRow("not imap") << QByteArrayList{"S: SSH-2.0-OpenSSH_9.2", "X"} << 0
                                  << int(ErrorKind::Network);
    }
    void scriptedServer()
    {
        QFETCH(QByteArrayList, script);
        QFETCH(int, changes);
        QFETCH(int, errorKind);
        FakeImapServer server;
        server.setScript(script);
        QVERIFY(server.listen());
        Account a = loopbackAccount(server.port(), Security::None, Alice);
        IdleWatcher watcher(a, Password);
        QSignalSpy changed(&watcher, &IdleWatcher::changed);
        QSignalSpy failed(&watcher, &IdleWatcher::failed);
        watcher.watch(QStringLiteral("INBOX"));
        if (errorKind) {
            QVERIFY(failed.wait(WaitMs));
            QCOMPARE(int(failed.constFirst().constFirst().value<Error>().kind), errorKind);
        } else {
            QTRY_COMPARE_WITH_TIMEOUT(changed.size(), changes, WaitMs);
            QVERIFY(failed.isEmpty());
        }
        QVERIFY2(server.mismatches().isEmpty(), qPrintable(server.mismatches().join(u'\n')));
    }

    void preauthUnderStartTlsIsRefused()
    {
        FakeImapServer server;
        server.setScript({"S: * PREAUTH welcome back"});
        QVERIFY(server.listen());
        IdleWatcher watcher(loopbackAccount(server.port(), Security::StartTls, Alice), Password);
        QSignalSpy failed(&watcher, &IdleWatcher::failed);
        QVERIFY(failed.wait(WaitMs));
        QCOMPARE(failed.constFirst().constFirst().value<Error>().kind, ErrorKind::Network);
        QVERIFY(!server.received().join(' ').contains("AUTHENTICATE"));
    }

private:
    DovecotServer m_dovecot;
};

QTEST_GUILESS_MAIN(TestIdleDovecot)
#include "test_idle_dovecot.moc"
