// SPDX-License-Identifier: GPL-3.0-or-later
// The replay session of an account: actions queued while its server is down (here: before
// the program even reached it) go out once the server is back, with no user action.
#include "fixtures/dovecotserver.h"
#include "fixtures/mailgenerator.h"
#include "imaptesthelpers.h"
#include "models/actionrunner.h"
#include "store/actionqueue.h"
#include "store/database.h"

#include <QTemporaryDir>

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Password = QStringLiteral("pw");
// Short, so the test does not sit out the 30 s a user's client waits between attempts.
constexpr int TestRetryMs = 100;
// Dovecot's default auth_failure_delay: how long it takes to refuse a login.
constexpr int DovecotAuthFailureDelayMs = 2000;
} // namespace

class TestActionRunner : public QObject
{
    Q_OBJECT
private:
    // Adds `flag` to the only message of INBOX.
    static MailAction addFlag(MessageFlag flag)
    {
        MailAction action;
        action.account = QStringLiteral("test");
        action.mailbox = QStringLiteral("INBOX");
        action.kind = ActionKind::AddFlags;
        action.flags = flag;
        action.items.append({1, "later@example.org", {}, 0});
        return action;
    }

    Account account() const
    {
        return loopbackAccount(m_dovecot.imapPort(), Security::StartTls, Alice,
                               m_dovecot.certificatePath());
    }

    // INBOX as the server has it now, through a session of its own.
    QList<Envelope> serverInbox()
    {
        ImapConnection check(account());
        QList<Envelope> inbox;
        if (openSync(check, Password).isError() ||
            loadSync(check, QStringLiteral("INBOX"), inbox).isError())
            qWarning("cannot read INBOX from the server");
        return inbox;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Tidings::Error>();
        qRegisterMetaType<Tidings::MailAction>();
        m_dovecot.addUser(Alice, Password);
        QVERIFY(m_dovecot.deliver(
            Alice, QStringLiteral("INBOX"),
            MailGenerator(QStringLiteral("Alice"), Alice)
                .message(QStringLiteral("Sender"), QStringLiteral("s@example.org"), Alice,
                         QStringLiteral("Later"), QStringLiteral("body"),
                         QDateTime::currentDateTimeUtc(), "<later@example.org>")));
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
    }

    void queuedWhileTheServerIsDownGoesOutWhenItIsBack()
    {
        Database db(m_dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(!db.open().isError());
        ActionQueue queue(db);
        MailAction action = addFlag(MessageFlag::Flagged);
        QVERIFY(!queue.enqueue(action).isError());

        m_dovecot.stop();
        ActionRunner runner(&queue);
        runner.setRetryInterval(TestRetryMs);
        QSignalSpy waiting(&runner, &ActionRunner::waiting);
        QSignalSpy idle(&runner, &ActionRunner::idle);
        runner.setAccount(account(), Password);
        QVERIFY(waiting.wait(ResultTimeoutMs));
        QCOMPARE(waiting.constFirst().at(1).value<Error>().kind, ErrorKind::Network);
        QVERIFY(queue.hasPending());

        QVERIFY2(m_dovecot.restart(), qPrintable(m_dovecot.error()));
        QVERIFY(idle.wait(ResultTimeoutMs));
        QVERIFY(!queue.hasPending());
        const QList<Envelope> inbox = serverInbox();
        QCOMPARE(inbox.size(), 1);
        QVERIFY(inbox.constFirst().isFlagged());
    }

    // An expired OAuth token or a changed password: the login is refused, the action waits
    // (no retries with the same secret) and goes out once the account has a new secret.
    void aRefusedLoginWaitsForANewSecret()
    {
        Database db(m_dir.filePath(QStringLiteral("cache2.sqlite")));
        QVERIFY(!db.open().isError());
        ActionQueue queue(db);
        MailAction action = addFlag(MessageFlag::Seen);
        QVERIFY(!queue.enqueue(action).isError());

        // Dovecot logs a refused login once its connection closes.
        auto refusals = [this] { return m_dovecot.log().count(QStringLiteral("auth failed")); };
        const qsizetype refusedBefore = refusals();
        {
            ActionRunner runner(&queue);
            runner.setRetryInterval(TestRetryMs);
            QSignalSpy waiting(&runner, &ActionRunner::waiting);
            QSignalSpy idle(&runner, &ActionRunner::idle);
            runner.setAccount(account(), QStringLiteral("expired"));
            QVERIFY(waiting.wait(ResultTimeoutMs));
            QCOMPARE(waiting.constFirst().at(1).value<Error>().kind, ErrorKind::Authentication);
            // Not tried again with the refused secret: not by the retry timer, not for a
            // newly queued action, not for the same secret handed over again on a reconnect.
            // A retry would be refused within this wait, even after Dovecot's 2 s
            // auth_failure_delay.
            runner.replay(QStringLiteral("test"));
            runner.setSecret(QStringLiteral("test"), QStringLiteral("expired"));
            QTest::qWait(DovecotAuthFailureDelayMs + 10 * TestRetryMs);
            QCOMPARE(waiting.count(), 1);
            QVERIFY(queue.hasPending());

            runner.setSecret(QStringLiteral("test"), Password);
            QVERIFY(idle.wait(ResultTimeoutMs));
            QVERIFY(!queue.hasPending());
        }
        // Every connection of the runner is closed now: one refused login in all.
        QTest::qWait(500);
        QCOMPARE(refusals(), refusedBefore + 1);
        const QList<Envelope> inbox = serverInbox();
        QCOMPARE(inbox.size(), 1);
        QVERIFY(!inbox.constFirst().isUnread());
    }

private:
    DovecotServer m_dovecot;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestActionRunner)
#include "test_actionrunner.moc"
