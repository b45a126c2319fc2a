// SPDX-License-Identifier: GPL-3.0-or-later
// The action queue against a real SQLite file: optimistic effects, rollback, undo, restart.
#include "fixtures/verify.h"
#include "store/actionqueue.h"
#include "store/database.h"
#include "store/messagecache.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Tidings;

namespace {
const QString Account = QStringLiteral("home");
const QString Inbox = QStringLiteral("INBOX");
const QString Archive = QStringLiteral("Archive");
constexpr qint64 Validity = 77;

Envelope envelope(qint64 uid, MessageFlags flags = {})
{
    Envelope e;
    e.uid = uid;
    e.subject = QStringLiteral("Message %1").arg(uid);
    e.from = {QStringLiteral("Sender"), QStringLiteral("s@example.org")};
    e.date = QDateTime(QDate(2026, 11, 1), QTime(8, 0), QTimeZone::UTC).addSecs(uid * 60);
    e.flags = flags;
    e.messageId = "<m" + QByteArray::number(uid) + "@example.org>";
    return e;
}

MailAction flagAction(ActionKind kind, MessageFlags flags, const QList<qint64> &uids)
{
    MailAction a;
    a.account = Account;
    a.mailbox = Inbox;
    a.kind = kind;
    a.flags = flags;
    for (qint64 uid : uids)
        a.items.append({uid, {}, {}, 0});
    return a;
}

MailAction moveAction(const QList<qint64> &uids, const QString &target = Archive)
{
    MailAction a = flagAction(ActionKind::Move, {}, uids);
    a.target = target;
    return a;
}
} // namespace

class TestActionQueue : public QObject
{
    Q_OBJECT
private:
    qint64 box(const QString &path) { return m_cache->state(Account, path).id; }
    MessageFlags flagsOf(qint64 uid) { return m_cache->flags(box(Inbox)).value(uid); }

    void reopen()
    {
        m_queue.reset();
        m_cache.reset();
        m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(!m_db->open().isError());
        m_cache = std::make_unique<MessageCache>(*m_db);
        m_queue = std::make_unique<ActionQueue>(*m_db);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        reopen();
        MailboxSyncState s = m_cache->state(Account, Inbox);
        s.uidValidity = Validity;
        s.highestModSeq = 500;
        QVERIFY_OK(m_cache->saveState(s));
        QVERIFY(!m_cache
                     ->store(s.id, {envelope(1), envelope(2, MessageFlag::Seen), envelope(3),
                                    envelope(4, MessageFlag::Flagged)})
                     .isError());
    }
    void cleanup()
    {
        m_queue.reset();
        m_cache.reset();
        m_db.reset();
        m_dir.reset();
    }

    void markReadShowsAtOnceAndIsQueued()
    {
        MailAction a = flagAction(ActionKind::AddFlags, MessageFlag::Seen, {1, 2});
        QVERIFY_OK(m_queue->enqueue(a));
        QVERIFY(a.id > 0);
        QVERIFY(flagsOf(1).testFlag(MessageFlag::Seen));
        const QList<MailAction> pending = m_queue->pending();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.constFirst().uidValidity, Validity);
        QCOMPARE(pending.constFirst().items.size(), 2);
        QCOMPARE(pending.constFirst().items.at(0).messageId, QByteArray("<m1@example.org>"));
        QVERIFY(!pending.constFirst().items.at(0).oldFlags.testFlag(MessageFlag::Seen));
        QVERIFY(pending.constFirst().items.at(1).oldFlags.testFlag(MessageFlag::Seen));
    }

    void moveTakesTheRowsOutOfTheSource()
    {
        MailAction a = moveAction({2, 3});
        QVERIFY_OK(m_queue->enqueue(a));
        QCOMPARE(m_cache->uids(box(Inbox)), (QList<qint64>{1, 4}));
        QCOMPARE(m_queue->pending().constFirst().target, Archive);
    }

    void queueSurvivesARestart()
    {
        MailAction read = flagAction(ActionKind::AddFlags, MessageFlag::Seen, {1});
        MailAction move = moveAction({3});
        QVERIFY_OK(m_queue->enqueue(read));
        QVERIFY_OK(m_queue->enqueue(move));
        reopen();
        const QList<MailAction> pending = m_queue->pending();
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).id, read.id); // oldest first: replayed in the user's order
        QCOMPARE(pending.at(1).kind, ActionKind::Move);
        QVERIFY(flagsOf(1).testFlag(MessageFlag::Seen));
        QVERIFY(!m_cache->uids(box(Inbox)).contains(3));
    }

    void completedActionLeavesTheQueue()
    {
        MailAction a = moveAction({1});
        QVERIFY_OK(m_queue->enqueue(a));
        QList<ActionItem> items = a.items;
        items[0].resultUid = 40;
        QVERIFY_OK(m_queue->complete(a.id, items));
        QVERIFY(!m_queue->hasPending());
        const auto done = m_queue->find(a.id);
        QCOMPARE(done->state, ActionState::Done);
        QCOMPARE(done->items.constFirst().resultUid, 40);
    }

    void networkFailureKeepsItQueued()
    {
        MailAction a = flagAction(ActionKind::AddFlags, MessageFlag::Flagged, {1});
        QVERIFY_OK(m_queue->enqueue(a));
        QVERIFY_OK(m_queue->recordAttempt(a.id, QStringLiteral("connection lost")));
        const QList<MailAction> pending = m_queue->pending();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.constFirst().attempts, 1);
        QCOMPARE(pending.constFirst().lastError, QStringLiteral("connection lost"));
        QVERIFY(flagsOf(1).testFlag(MessageFlag::Flagged));
    }

    void refusedFlagChangeIsRolledBack()
    {
        MailAction a = flagAction(ActionKind::AddFlags, MessageFlag::Seen, {1, 2});
        QVERIFY_OK(m_queue->enqueue(a));
        QVERIFY_OK(m_queue->fail(a.id, QStringLiteral("NO no rights")));
        QVERIFY(!flagsOf(1).testFlag(MessageFlag::Seen));
        QVERIFY(flagsOf(2).testFlag(MessageFlag::Seen)); // was read before: stays read
        QCOMPARE(m_queue->find(a.id)->state, ActionState::Failed);
        QCOMPARE(m_queue->find(a.id)->lastError, QStringLiteral("NO no rights"));
        // The next sync compares every flag instead of trusting QRESYNC.
        QCOMPARE(m_cache->state(Account, Inbox).highestModSeq, quint64(0));
    }

    void refusedMoveShowsTheMessagesAgain()
    {
        const QList<Envelope> before = m_cache->envelopes(box(Inbox));
        MailAction a = moveAction({2, 4}, QStringLiteral("Missing"));
        QVERIFY_OK(m_queue->enqueue(a));
        QVERIFY_OK(m_queue->fail(a.id, QStringLiteral("NO [TRYCREATE] no such mailbox")));
        const QList<Envelope> after = m_cache->envelopes(box(Inbox));
        QCOMPARE(after.size(), before.size());
        for (qsizetype i = 0; i < before.size(); ++i) {
            QCOMPARE(after.at(i).uid, before.at(i).uid);
            QCOMPARE(after.at(i).flags, before.at(i).flags);
            QCOMPARE(after.at(i).subject, before.at(i).subject);
            QCOMPARE(after.at(i).messageId, before.at(i).messageId);
        }
    }

    void undoOfAPendingActionCancelsIt()
    {
        MailAction a = flagAction(ActionKind::AddFlags, MessageFlag::Flagged, {1, 4});
        QVERIFY_OK(m_queue->enqueue(a));
        MailAction undone;
        QVERIFY_OK(m_queue->undoLast({}, &undone));
        QCOMPARE(undone.id, a.id);
        QVERIFY(!m_queue->hasPending()); // nothing ever reaches the server
        QVERIFY(!flagsOf(1).testFlag(MessageFlag::Flagged));
        QVERIFY(flagsOf(4).testFlag(MessageFlag::Flagged));
        QCOMPARE(m_queue->find(a.id)->state, ActionState::Cancelled);
    }

    void readOnOpenIsNotUndone()
    {
        MailAction user = flagAction(ActionKind::AddFlags, MessageFlag::Flagged, {1});
        QVERIFY_OK(m_queue->enqueue(user));
        MailAction opened = flagAction(ActionKind::AddFlags, MessageFlag::Seen, {4});
        opened.undoable = false;
        QVERIFY_OK(m_queue->enqueue(opened));
        // Ctrl+Z reverses the flag the user set, not the read mark that came after it.
        MailAction undone;
        QVERIFY_OK(m_queue->undoLast({}, &undone));
        QCOMPARE(undone.id, user.id);
        QVERIFY(flagsOf(4).testFlag(MessageFlag::Seen));
        QVERIFY_OK(m_queue->undoLast({}, &undone));
        QCOMPARE(undone.id, 0); // nothing else to undo
    }

    void undoOfAReplayedFlagQueuesTheInverse()
    {
        MailAction a = flagAction(ActionKind::AddFlags, MessageFlag::Seen, {1, 2});
        QVERIFY_OK(m_queue->enqueue(a));
        QVERIFY_OK(m_queue->complete(a.id));
        MailAction undone;
        QVERIFY_OK(m_queue->undoLast({}, &undone));
        QCOMPARE(undone.id, a.id);
        const QList<MailAction> pending = m_queue->pending();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.constFirst().kind, ActionKind::RemoveFlags);
        QCOMPARE(pending.constFirst().undoOf, a.id);
        // Message 2 was read before: undo leaves it read.
        QCOMPARE(pending.constFirst().uids(), QList<qint64>{1});
        QVERIFY(!flagsOf(1).testFlag(MessageFlag::Seen));
        QVERIFY(flagsOf(2).testFlag(MessageFlag::Seen));
    }

    void undoOfAnInFlightActionQueuesTheInverse()
    {
        MailAction a = flagAction(ActionKind::AddFlags, MessageFlag::Seen, {3});
        QVERIFY_OK(m_queue->enqueue(a));
        MailAction undone;
        QVERIFY_OK(m_queue->undoLast({a.id}, &undone));
        const QList<MailAction> pending = m_queue->pending();
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(1).kind, ActionKind::RemoveFlags);
    }

    void undoOfAReplayedMoveMovesBack()
    {
        MailAction a = moveAction({3});
        QVERIFY_OK(m_queue->enqueue(a));
        QList<ActionItem> items = a.items;
        items[0].resultUid = 9;
        QVERIFY_OK(m_queue->complete(a.id, items));
        MailAction undone;
        QVERIFY_OK(m_queue->undoLast({}, &undone));
        const QList<MailAction> pending = m_queue->pending();
        QCOMPARE(pending.size(), 1);
        const MailAction back = pending.constFirst();
        QCOMPARE(back.mailbox, Archive);
        QCOMPARE(back.target, Inbox);
        QCOMPARE(back.items.constFirst().uid, 9);
        QCOMPARE(back.items.constFirst().messageId, QByteArray("<m3@example.org>"));
        QVERIFY(m_cache->uids(box(Inbox)).contains(3)); // shown again at once
        // Undo is one level per action: nothing else is left to undo.
        QVERIFY_OK(m_queue->undoLast({}, &undone));
        QCOMPARE(undone.id, 0);
    }

    void moveThatCannotBeFoundAgainIsNotUndoneSilently()
    {
        MailAction a = moveAction({1});
        QVERIFY_OK(m_queue->enqueue(a));
        QVERIFY_OK(m_queue->complete(a.id)); // the server gave no COPYUID
        // ... and the message had no Message-ID: nothing says where it went.
        QVERIFY_OK(m_db->exec(QStringLiteral("UPDATE action_item SET message_id = ''")));
        MailAction undone;
        const Error e = m_queue->undoLast({}, &undone);
        QCOMPARE(e.kind, ErrorKind::Refused);
        QVERIFY(!m_queue->hasPending());
    }

    void syncCannotUndoAPendingAction()
    {
        MailAction read = flagAction(ActionKind::AddFlags, MessageFlag::Seen, {1});
        MailAction move = moveAction({3});
        QVERIFY_OK(m_queue->enqueue(read));
        QVERIFY_OK(m_queue->enqueue(move));
        // A sync writes the server's state (not yet replayed) over the cache.
        QVERIFY_OK(m_cache->setFlags(box(Inbox), {{1, {}}}));
        QVERIFY_OK(m_cache->store(box(Inbox), {envelope(3)}));
        QVERIFY_OK(m_queue->reapplyPending(Account, Inbox));
        QVERIFY(flagsOf(1).testFlag(MessageFlag::Seen));
        QVERIFY(!m_cache->uids(box(Inbox)).contains(3));
    }

    void historyIsBounded()
    {
        for (int i = 0; i < ActionQueue::HistoryLimit + 5; ++i) {
            MailAction a = flagAction(ActionKind::AddFlags, MessageFlag::Flagged, {1});
            QVERIFY_OK(m_queue->enqueue(a));
            QVERIFY_OK(m_queue->complete(a.id));
            if (i == 0)
                m_firstId = a.id;
        }
        QVERIFY(!m_queue->find(m_firstId).has_value());
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageCache> m_cache;
    std::unique_ptr<ActionQueue> m_queue;
    qint64 m_firstId = 0;
};

QTEST_GUILESS_MAIN(TestActionQueue)
#include "test_actionqueue.moc"
