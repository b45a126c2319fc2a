// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox state machine against a real SQLite file: an accepted message can never go back
// to SMTP, a send cut off by a dead process becomes interrupted, the bytes are kept.
#include "fixtures/verify.h"
#include "store/database.h"
#include "store/outbox.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace Tidings;

namespace {
// Above Linux's largest pid_max (2^22): no process has it.
constexpr qint64 DeadPid = 0x7ffffff0;

OutboxEntry entry()
{
    OutboxEntry e;
    e.account = QStringLiteral("work");
    e.identity = QStringLiteral("work:alice@example.test");
    e.messageId = "m1@example.test";
    e.subject = QStringLiteral("Plans");
    e.envelopeFrom = QStringLiteral("alice@example.test");
    e.recipients = {QStringLiteral("bob@example.test"), QStringLiteral("carol@example.test")};
    e.mime = "From: alice@example.test\r\n\r\nbody\r\n";
    e.answers = {QStringLiteral("work"), QStringLiteral("INBOX"), 7};
    return e;
}
} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Database> openDb()
    {
        auto db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("cache.sqlite")));
        const Error e = db->open();
        if (e.isError())
            qWarning("%s", qPrintable(e.message));
        return db;
    }

private Q_SLOTS:
    void happyPathKeepsEverything()
    {
        auto db = openDb();
        Outbox outbox(*db);
        OutboxEntry e = entry();
        QVERIFY_OK(outbox.enqueue(e));
        QVERIFY(e.id > 0);
        const OutboxEntry stored = *outbox.find(e.id);
        QCOMPARE(stored.state, OutboxState::Queued);
        QCOMPARE(stored.mime, e.mime);
        QCOMPARE(stored.recipients, e.recipients);
        QCOMPARE(stored.answers.uid, 7);
        QCOMPARE(outbox.due(QDateTime::currentDateTimeUtc()).size(), 1);

        const qint64 me = QCoreApplication::applicationPid();
        Error error;
        QVERIFY(outbox.claim(e.id, me, &error));
        QVERIFY(!outbox.claim(e.id, me, &error)); // only once
        QVERIFY(!error.isError());
        QVERIFY_OK(outbox.markAccepted(e.id));
        // Accepted: nothing hands it to SMTP again.
        QVERIFY(!outbox.claim(e.id, me, &error));
        QVERIFY(outbox.requeue(e.id).isError());
        QVERIFY(outbox.markTransient(e.id, QStringLiteral("x"), {}).isError());
        QVERIFY(outbox.remove(e.id).isError());

        QVERIFY_OK(outbox.markSaveFailed(e.id, QStringLiteral("Sent, but not saved to Sent: no"),
                                         QDateTime::currentDateTimeUtc().addSecs(60)));
        QCOMPARE(outbox.find(e.id)->state, OutboxState::Accepted);
        QVERIFY(outbox.due(QDateTime::currentDateTimeUtc()).isEmpty());
        QVERIFY(outbox.nextRetry().isValid());
        QCOMPARE(outbox.due(QDateTime::currentDateTimeUtc().addSecs(61)).size(), 1);
        QVERIFY_OK(outbox.markSaved(e.id));
        QVERIFY_OK(outbox.markDone(e.id));
        QCOMPARE(outbox.find(e.id)->state, OutboxState::Done);
        QVERIFY_OK(outbox.remove(e.id));
    }

    void transientWaitsPermanentStays()
    {
        auto db = openDb();
        Outbox outbox(*db);
        OutboxEntry e = entry();
        QVERIFY_OK(outbox.enqueue(e));
        Error error;
        QVERIFY(outbox.claim(e.id, QCoreApplication::applicationPid(), &error));
        QVERIFY_OK(outbox.markTransient(e.id, QStringLiteral("450 later"),
                                        QDateTime::currentDateTimeUtc().addSecs(120)));
        OutboxEntry now = *outbox.find(e.id);
        QCOMPARE(now.state, OutboxState::Queued);
        QCOMPARE(now.attempts, 1);
        QCOMPARE(now.lastError, QStringLiteral("450 later"));
        QVERIFY(outbox.due(QDateTime::currentDateTimeUtc()).isEmpty());

        QVERIFY_OK(outbox.requeue(e.id)); // "retry now"
        QCOMPARE(outbox.due(QDateTime::currentDateTimeUtc()).size(), 1);
        QVERIFY(outbox.claim(e.id, QCoreApplication::applicationPid(), &error));
        QVERIFY_OK(outbox.markFailed(e.id, QStringLiteral("550 5.1.1 no such user")));
        now = *outbox.find(e.id);
        QCOMPARE(now.state, OutboxState::Failed);
        QCOMPARE(now.mime, e.mime); // kept for editing
        QVERIFY(outbox.due(QDateTime::currentDateTimeUtc()).isEmpty());

        OutboxEntry edited = now;
        edited.mime = "From: alice@example.test\r\n\r\nfixed\r\n";
        edited.recipients = {QStringLiteral("bob@example.test")};
        QVERIFY_OK(outbox.replace(edited));
        now = *outbox.find(e.id);
        QCOMPARE(now.state, OutboxState::Queued);
        QCOMPARE(now.mime, edited.mime);
        QCOMPARE(now.recipients, edited.recipients);
        QVERIFY_OK(outbox.remove(e.id));
    }

    void sendingOfADeadProcessBecomesInterrupted()
    {
        auto db = openDb();
        Outbox outbox(*db);
        OutboxEntry dead = entry();
        OutboxEntry alive = entry();
        QVERIFY_OK(outbox.enqueue(dead));
        QVERIFY_OK(outbox.enqueue(alive));
        Error error;
        QVERIFY(outbox.claim(dead.id, DeadPid, &error));
        QVERIFY(outbox.claim(alive.id, QCoreApplication::applicationPid(), &error));
        db.reset();

        db = openDb(); // a restart
        Outbox again(*db);
        QCOMPARE(again.recoverInterrupted(&error), 1);
        QVERIFY(!error.isError());
        const OutboxEntry interrupted = *again.find(dead.id);
        QCOMPARE(interrupted.state, OutboxState::Interrupted);
        QVERIFY(interrupted.lastError.contains(QLatin1String("may or may not")));
        QVERIFY(again.due(QDateTime::currentDateTimeUtc()).isEmpty());
        // A live process's send in flight is left alone.
        QCOMPARE(again.find(alive.id)->state, OutboxState::Sending);
        // Only the user sends it again.
        QVERIFY_OK(again.requeue(dead.id));
        QCOMPARE(again.find(dead.id)->state, OutboxState::Queued);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "test_outbox.moc"
