// SPDX-License-Identifier: GPL-3.0-or-later
// The action queue replayed against real Dovecot 2.4 servers, one with MOVE (RFC 6851) and
// one without it (COPY + STORE \Deleted + EXPUNGE): flags, moves, trash and undo, offline
// periods, refusals, and a process killed between the server's work and the store's record.
#include "fixtures/dovecotserver.h"
#include "fixtures/mailgenerator.h"
#include "fixtures/verify.h"
#include "imap/actionreplayer.h"
#include "imap/mailboxsync.h"
#include "imaptesthelpers.h"
#include "store/actionqueue.h"
#include "store/database.h"
#include "store/messagecache.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Password = QStringLiteral("pw");
const QString Inbox = QStringLiteral("INBOX");
const QString Archive = QStringLiteral("Archive");
const QString Trash = QStringLiteral("Trash");
// Every test works on its own messages, so the order of the tests does not matter.
constexpr int Messages = 30;
// A login with STARTTLS on a 2-core machine busy with builds has been seen to take over the
// 5 s the other tests allow; what is tested here is never the timeout.
constexpr int LoadedTimeoutSeconds = 30;

// As the cache keeps it: KMime drops the angle brackets.
QByteArray messageId(int i)
{
    return "act" + QByteArray::number(i) + "@example.org";
}

struct ReplayOutcome
{
    Error error{ErrorKind::Network, QStringLiteral("test: no result")};
    QList<MailAction> done;
    QList<QPair<MailAction, Error>> failed;
};
} // namespace

class TestActionsDovecot : public QObject
{
    Q_OBJECT
private:
    struct Server
    {
        DovecotServer dovecot;
        QTemporaryDir dir;
        std::unique_ptr<Database> db;
        std::unique_ptr<MessageCache> cache;
        std::unique_ptr<ActionQueue> queue;
        // Kept across calls: every login is a chance for the rare KIMAP login stall.
        std::unique_ptr<ImapConnection> checker;
        std::unique_ptr<ImapConnection> replayer;
    };

    Account account(Server &s) const
    {
        Account a = loopbackAccount(s.dovecot.imapPort(), Security::StartTls, Alice,
                                    s.dovecot.certificatePath());
        a.timeoutSeconds = LoadedTimeoutSeconds;
        return a;
    }

    bool startServer(Server &s, const QByteArray &extraConfig)
    {
        s.dovecot.addUser(Alice, Password);
        s.dovecot.setExtraConfig(extraConfig);
        for (int i = 0; i < Messages; ++i) {
            const QByteArray mail =
                MailGenerator(QStringLiteral("Alice"), Alice)
                    .message(
                        QStringLiteral("Sender"), QStringLiteral("s@example.org"), Alice,
                        QStringLiteral("Action %1").arg(i), QStringLiteral("body"),
                        QDateTime(QDate(2026, 11, 1), QTime(8, 0), QTimeZone::UTC).addSecs(i * 60),
                        '<' + messageId(i) + '>');
            if (!s.dovecot.deliver(Alice, Inbox, mail))
                return false;
        }
        for (const QString &box : {Archive, Trash}) {
            if (!s.dovecot.createMailbox(Alice, box))
                return false;
        }
        if (!s.dovecot.start())
            return false;
        s.db = std::make_unique<Database>(s.dir.filePath(QStringLiteral("cache.sqlite")));
        if (s.db->open().isError())
            return false;
        s.cache = std::make_unique<MessageCache>(*s.db);
        s.queue = std::make_unique<ActionQueue>(*s.db);
        return sync(s, Inbox).kind == ErrorKind::None;
    }

    // A logged-in session, opened again when the server dropped it or moved to other ports.
    Error session(Server &s, std::unique_ptr<ImapConnection> &c)
    {
        if (c && c->state() == ImapConnection::State::Ready &&
            c->account().imap.port == s.dovecot.imapPort())
            return {};
        c = std::make_unique<ImapConnection>(account(s));
        return openSync(*c, Password);
    }

    // The server dropped every session (a kick, a restart).
    void forgetSessions(Server &s)
    {
        s.checker.reset();
        s.replayer.reset();
    }

    Error sync(Server &s, const QString &mailbox)
    {
        if (const Error e = session(s, s.checker); e.isError())
            return e;
        MailboxSync sync(s.checker.get(), s.cache.get(), mailbox);
        Error result{ErrorKind::Network, QStringLiteral("test: no result")};
        bool done = false;
        connect(&sync, &MailboxSync::finished, &sync, [&](const SyncResult &, const Error &e) {
            result = e;
            done = true;
        });
        sync.start();
        if (!QTest::qWaitFor([&] { return done; }, ResultTimeoutMs))
            qWarning("sync timed out");
        return result;
    }

    ReplayOutcome replay(Server &s, ImapConnection *connection = nullptr)
    {
        if (!connection) {
            if (const Error e = session(s, s.replayer); e.isError())
                return {e, {}, {}};
            connection = s.replayer.get();
        }
        ActionReplayer replayer(connection, s.queue.get());
        ReplayOutcome out;
        bool finished = false;
        connect(&replayer, &ActionReplayer::actionDone, &replayer,
                [&](const MailAction &a) { out.done.append(a); });
        connect(&replayer, &ActionReplayer::actionFailed, &replayer,
                [&](const MailAction &a, const Error &e) {
                    out.failed.append({a, e});
                });
        connect(&replayer, &ActionReplayer::finished, &replayer, [&](const Error &e) {
            out.error = e;
            finished = true;
        });
        replayer.start();
        if (!QTest::qWaitFor([&] { return finished; }, ResultTimeoutMs))
            qWarning("replay timed out");
        return out;
    }

    // Runs the replay in another process that kills itself right after `step`.
    bool replayKilledAfter(Server &s, ActionReplayer::Step step)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(TIDINGS_REPLAY_HELPER),
                {s.dir.filePath(QStringLiteral("cache.sqlite")),
                 QString::number(s.dovecot.imapPort()), Alice, Password,
                 s.dovecot.certificatePath(),
                 QString::fromLatin1(
                     QMetaEnum::fromType<ActionReplayer::Step>().valueToKey(int(step)))});
        if (!p.waitForFinished(ResultTimeoutMs)) {
            p.kill();
            p.waitForFinished();
            return false;
        }
        if (p.exitStatus() != QProcess::CrashExit)
            qWarning("helper was not killed: exit %d, %s", p.exitCode(), p.readAll().constData());
        return p.exitStatus() == QProcess::CrashExit;
    }

    QList<Envelope> onServer(Server &s, const QString &mailbox)
    {
        QList<Envelope> out;
        if (session(s, s.checker).isError() || loadSync(*s.checker, mailbox, out).isError())
            qWarning("cannot read %s from the server", qPrintable(mailbox));
        return out;
    }

    // How often the message with Message-ID `id` is in `mailbox` on the server.
    int copiesOf(Server &s, const QString &mailbox, int i)
    {
        int n = 0;
        for (const Envelope &e : onServer(s, mailbox))
            n += e.messageId == messageId(i) ? 1 : 0;
        return n;
    }

    std::optional<Envelope> serverMessage(Server &s, const QString &mailbox, int i)
    {
        for (const Envelope &e : onServer(s, mailbox)) {
            if (e.messageId == messageId(i))
                return e;
        }
        return std::nullopt;
    }

    qint64 cachedUid(Server &s, int i)
    {
        const qint64 box = s.cache->state(QStringLiteral("test"), Inbox).id;
        for (const Envelope &e : s.cache->envelopes(box)) {
            if (e.messageId == messageId(i))
                return e.uid;
        }
        return 0;
    }

    bool cachedInInbox(Server &s, int i) { return cachedUid(s, i) != 0; }

    MailAction action(Server &s, ActionKind kind, const QList<int> &messages,
                      const QString &target = {}, MessageFlags flags = {})
    {
        MailAction a;
        a.account = QStringLiteral("test");
        a.mailbox = Inbox;
        a.kind = kind;
        a.flags = flags;
        a.target = target;
        for (int i : messages)
            a.items.append({cachedUid(s, i), {}, {}, 0});
        return a;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Tidings::Error>();
        qRegisterMetaType<Tidings::SyncResult>();
        QVERIFY2(startServer(m_move, {}), qPrintable(m_move.dovecot.error()));
        // Dovecot 2.4: a capability set to "no" is not announced, so the client must move
        // with COPY + STORE \Deleted + EXPUNGE.
        QVERIFY2(startServer(m_noMove, "imap_capability {\n  MOVE = no\n}\n"),
                 qPrintable(m_noMove.dovecot.error()));
        ImapConnection plain(account(m_noMove));
        QVERIFY_OK(openSync(plain, Password));
        QVERIFY(!plain.hasCapability(QStringLiteral("MOVE")));
        QVERIFY(plain.hasCapability(QStringLiteral("UIDPLUS")));
    }

    // A test that failed half-way leaves its actions for the next one: send them now, so
    // one failure is reported once.
    void cleanup()
    {
        for (Server *s : {&m_move, &m_noMove}) {
            if (s->queue->hasPending())
                replay(*s);
        }
    }

    void flagsAreReplayed()
    {
        MailAction read = action(m_move, ActionKind::AddFlags, {0}, {}, MessageFlag::Seen);
        MailAction flag = action(m_move, ActionKind::AddFlags, {1}, {}, MessageFlag::Flagged);
        QVERIFY_OK(m_move.queue->enqueue(read));
        QVERIFY_OK(m_move.queue->enqueue(flag));
        const ReplayOutcome r = replay(m_move);
        QVERIFY_OK(r.error);
        QCOMPARE(r.done.size(), 2);
        QVERIFY(!m_move.queue->hasPending());
        QVERIFY(serverMessage(m_move, Inbox, 0)->flags.testFlag(MessageFlag::Seen));
        QVERIFY(serverMessage(m_move, Inbox, 1)->flags.testFlag(MessageFlag::Flagged));
        QVERIFY(!serverMessage(m_move, Inbox, 1)->flags.testFlag(MessageFlag::Seen));
    }

    void moveUsesMoveAndLearnsTheNewUid()
    {
        MailAction move = action(m_move, ActionKind::Move, {2}, Archive);
        QVERIFY_OK(m_move.queue->enqueue(move));
        QVERIFY(!cachedInInbox(m_move, 2)); // gone from the list before the server knows
        QVERIFY_OK(replay(m_move).error);
        QCOMPARE(copiesOf(m_move, Inbox, 2), 0);
        QCOMPARE(copiesOf(m_move, Archive, 2), 1);
        const auto done = m_move.queue->find(move.id);
        QCOMPARE(done->state, ActionState::Done);
        QCOMPARE(done->items.constFirst().resultUid, serverMessage(m_move, Archive, 2)->uid);
    }

    void trashThenUndo()
    {
        MailAction trash = action(m_move, ActionKind::Move, {3}, Trash);
        QVERIFY_OK(m_move.queue->enqueue(trash));
        QVERIFY_OK(replay(m_move).error);
        QCOMPARE(copiesOf(m_move, Trash, 3), 1);
        MailAction undone;
        QVERIFY_OK(m_move.queue->undoLast({}, &undone));
        QCOMPARE(undone.id, trash.id);
        QVERIFY(cachedInInbox(m_move, 3)); // back in the list at once
        QVERIFY_OK(replay(m_move).error);
        QCOMPARE(copiesOf(m_move, Inbox, 3), 1);
        QCOMPARE(copiesOf(m_move, Trash, 3), 0);
        // The next sync replaces the old UID with the one the server gave back.
        QVERIFY_OK(sync(m_move, Inbox));
        QCOMPARE(cachedUid(m_move, 3), serverMessage(m_move, Inbox, 3)->uid);
    }

    void undoBeforeReplayNeverReachesTheServer()
    {
        MailAction flag = action(m_move, ActionKind::AddFlags, {4}, {}, MessageFlag::Flagged);
        QVERIFY_OK(m_move.queue->enqueue(flag));
        MailAction undone;
        QVERIFY_OK(m_move.queue->undoLast({}, &undone));
        const ReplayOutcome r = replay(m_move);
        QVERIFY_OK(r.error);
        QVERIFY(r.done.isEmpty());
        QVERIFY(!serverMessage(m_move, Inbox, 4)->flags.testFlag(MessageFlag::Flagged));
    }

    void refusalIsRolledBackWithItsCause()
    {
        MailAction bad = action(m_move, ActionKind::Move, {5}, QStringLiteral("Nope"));
        MailAction after = action(m_move, ActionKind::AddFlags, {6}, {}, MessageFlag::Flagged);
        QVERIFY_OK(m_move.queue->enqueue(bad));
        QVERIFY_OK(m_move.queue->enqueue(after));
        QVERIFY(!cachedInInbox(m_move, 5));
        const ReplayOutcome r = replay(m_move);
        QVERIFY_OK(r.error);
        QCOMPARE(r.failed.size(), 1);
        const Error cause = r.failed.constFirst().second;
        QCOMPARE(cause.kind, ErrorKind::Refused);
        QVERIFY2(cause.message.contains(QLatin1String("Nope")), qPrintable(cause.message));
        QCOMPARE(m_move.queue->find(bad.id)->state, ActionState::Failed);
        QCOMPARE(m_move.queue->find(bad.id)->lastError, cause.message);
        QVERIFY(cachedInInbox(m_move, 5)); // shown again
        QCOMPARE(copiesOf(m_move, Inbox, 5), 1);
        // A refused action does not hold up the ones after it.
        QCOMPARE(r.done.size(), 1);
        QVERIFY(serverMessage(m_move, Inbox, 6)->flags.testFlag(MessageFlag::Flagged));
    }

    void undoneMoveLearnsTheNewUid()
    {
        MailAction move = action(m_move, ActionKind::Move, {13}, Archive);
        QVERIFY_OK(m_move.queue->enqueue(move));
        QVERIFY_OK(replay(m_move).error);
        MailAction undone;
        QVERIFY_OK(m_move.queue->undoLast({}, &undone));
        const qint64 old = cachedUid(m_move, 13);
        QVERIFY_OK(replay(m_move).error);
        // No sync in between: the replay's COPYUID renumbered the row it showed again.
        const qint64 now = serverMessage(m_move, Inbox, 13)->uid;
        QVERIFY(now != old);
        QCOMPARE(cachedUid(m_move, 13), now);
    }

    void staleUidIsFoundByMessageId()
    {
        // A UID the server no longer has (expunged and given back under a new one).
        MailAction flag = action(m_move, ActionKind::AddFlags, {}, {}, MessageFlag::Flagged);
        flag.items.append({99999, messageId(14), {}, 0});
        QVERIFY_OK(m_move.queue->enqueue(flag));
        QVERIFY_OK(replay(m_move).error);
        QVERIFY(serverMessage(m_move, Inbox, 14)->flags.testFlag(MessageFlag::Flagged));
        QCOMPARE(copiesOf(m_move, Inbox, 14), 1);
    }

    void offlineActionsWaitForTheServer()
    {
        m_move.dovecot.stop();
        forgetSessions(m_move);
        MailAction read = action(m_move, ActionKind::AddFlags, {7}, {}, MessageFlag::Seen);
        MailAction move = action(m_move, ActionKind::Move, {8}, Archive);
        QVERIFY_OK(m_move.queue->enqueue(read));
        QVERIFY_OK(m_move.queue->enqueue(move));
        ImapConnection offline(account(m_move));
        QCOMPARE(openSync(offline, Password).kind, ErrorKind::Network);
        const ReplayOutcome r = replay(m_move, &offline);
        QCOMPARE(r.error.kind, ErrorKind::Network);
        QCOMPARE(m_move.queue->pending().size(), 2);
        QVERIFY(!cachedInInbox(m_move, 8));

        QVERIFY2(m_move.dovecot.start(), qPrintable(m_move.dovecot.error()));
        QVERIFY_OK(replay(m_move).error);
        QVERIFY(!m_move.queue->hasPending());
        QVERIFY(serverMessage(m_move, Inbox, 7)->flags.testFlag(MessageFlag::Seen));
        QCOMPARE(copiesOf(m_move, Archive, 8), 1);
        QCOMPARE(copiesOf(m_move, Inbox, 8), 0);
    }

    void connectionLostMidReplayKeepsTheRest()
    {
        ImapConnection connection(account(m_move));
        QVERIFY_OK(openSync(connection, Password));
        MailAction read = action(m_move, ActionKind::AddFlags, {9}, {}, MessageFlag::Seen);
        QVERIFY_OK(m_move.queue->enqueue(read));
        // The server drops every session of the user, as a restart or a NAT timeout would.
        QString out;
        QVERIFY2(m_move.dovecot.doveadm({QStringLiteral("kick"), Alice}, &out), qPrintable(out));
        forgetSessions(m_move);
        const ReplayOutcome r = replay(m_move, &connection);
        QCOMPARE(r.error.kind, ErrorKind::Network);
        const QList<MailAction> pending = m_move.queue->pending();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.constFirst().attempts, 1);
        QVERIFY(!pending.constFirst().lastError.isEmpty());
        QVERIFY_OK(replay(m_move).error);
        QVERIFY(serverMessage(m_move, Inbox, 9)->flags.testFlag(MessageFlag::Seen));
    }

    void killedAfterMoveBeforeRecord()
    {
        MailAction move = action(m_move, ActionKind::Move, {10, 11}, Archive);
        QVERIFY_OK(m_move.queue->enqueue(move));
        QVERIFY(replayKilledAfter(m_move, ActionReplayer::Step::Moved));
        // The server moved them; the store never heard of it.
        QCOMPARE(m_move.queue->find(move.id)->state, ActionState::Pending);
        QCOMPARE(copiesOf(m_move, Archive, 10), 1);
        // Restart: the replay finds nothing left in INBOX and moves nothing twice.
        const ReplayOutcome r = replay(m_move);
        QVERIFY_OK(r.error);
        QCOMPARE(r.done.size(), 1);
        for (int i : {10, 11}) {
            QCOMPARE(copiesOf(m_move, Archive, i), 1);
            QCOMPARE(copiesOf(m_move, Inbox, i), 0);
        }
    }

    void killedAfterFlagBeforeRecord()
    {
        MailAction flag = action(m_move, ActionKind::AddFlags, {12}, {}, MessageFlag::Flagged);
        QVERIFY_OK(m_move.queue->enqueue(flag));
        QVERIFY(replayKilledAfter(m_move, ActionReplayer::Step::Stored));
        QCOMPARE(m_move.queue->find(flag.id)->state, ActionState::Pending);
        QVERIFY_OK(replay(m_move).error);
        QCOMPARE(m_move.queue->find(flag.id)->state, ActionState::Done);
        QVERIFY(serverMessage(m_move, Inbox, 12)->flags.testFlag(MessageFlag::Flagged));
    }

    void moveWithoutMoveCapability()
    {
        MailAction move = action(m_noMove, ActionKind::Move, {0, 1}, Archive);
        QVERIFY_OK(m_noMove.queue->enqueue(move));
        QVERIFY_OK(replay(m_noMove).error);
        for (int i : {0, 1}) {
            QCOMPARE(copiesOf(m_noMove, Archive, i), 1);
            QCOMPARE(copiesOf(m_noMove, Inbox, i), 0);
        }
        // UIDPLUS COPYUID gave the new UIDs, so undo needs no search.
        const auto done = m_noMove.queue->find(move.id);
        QCOMPARE(done->items.at(0).resultUid, serverMessage(m_noMove, Archive, 0)->uid);
    }

    void killedAfterCopyBeforeExpunge()
    {
        MailAction move = action(m_noMove, ActionKind::Move, {2, 3}, Archive);
        QVERIFY_OK(m_noMove.queue->enqueue(move));
        QVERIFY(replayKilledAfter(m_noMove, ActionReplayer::Step::Copied));
        // Half done: copies in Archive, originals still in INBOX.
        QCOMPARE(copiesOf(m_noMove, Archive, 2), 1);
        QCOMPARE(copiesOf(m_noMove, Inbox, 2), 1);
        QCOMPARE(m_noMove.queue->find(move.id)->state, ActionState::Pending);
        QVERIFY_OK(replay(m_noMove).error);
        for (int i : {2, 3}) {
            QCOMPARE(copiesOf(m_noMove, Archive, i), 1); // not copied a second time
            QCOMPARE(copiesOf(m_noMove, Inbox, i), 0);
        }
    }

    void killedAfterExpungeBeforeRecord()
    {
        MailAction move = action(m_noMove, ActionKind::Move, {4}, Trash);
        QVERIFY_OK(m_noMove.queue->enqueue(move));
        QVERIFY(replayKilledAfter(m_noMove, ActionReplayer::Step::Expunged));
        QVERIFY_OK(replay(m_noMove).error);
        QCOMPARE(copiesOf(m_noMove, Trash, 4), 1);
        QCOMPARE(copiesOf(m_noMove, Inbox, 4), 0);
    }

    void undoWithoutMoveCapability()
    {
        MailAction move = action(m_noMove, ActionKind::Move, {5}, Archive);
        QVERIFY_OK(m_noMove.queue->enqueue(move));
        QVERIFY_OK(replay(m_noMove).error);
        MailAction undone;
        QVERIFY_OK(m_noMove.queue->undoLast({}, &undone));
        QVERIFY_OK(replay(m_noMove).error);
        QCOMPARE(copiesOf(m_noMove, Inbox, 5), 1);
        QCOMPARE(copiesOf(m_noMove, Archive, 5), 0);
    }

private:
    Server m_move;
    Server m_noMove;
};

QTEST_GUILESS_MAIN(TestActionsDovecot)
#include "test_actions_dovecot.moc"
