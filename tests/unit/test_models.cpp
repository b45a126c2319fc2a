// SPDX-License-Identifier: GPL-3.0-or-later
#include "cachefile.h"
#include "models/mailboxtreemodel.h"
#include "models/messagelistmodel.h"
#include "store/database.h"
#include "store/messagecache.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tidings;

namespace {
Mailbox box(const char *path, MailboxRole role = MailboxRole::None,
            NamespaceKind ns = NamespaceKind::Personal, bool selectable = true)
{
    Mailbox m;
    m.path = QString::fromLatin1(path);
    m.role = role;
    m.namespaceKind = ns;
    m.selectable = selectable;
    return m;
}

Envelope env(qint64 uid, const char *subject, const QDateTime &date, bool seen)
{
    Envelope e;
    e.uid = uid;
    e.subject = QString::fromLatin1(subject);
    e.date = date;
    e.from = {QStringLiteral("Ann"), QStringLiteral("ann@example.com")};
    if (seen)
        e.flags = MessageFlag::Seen;
    return e;
}
} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mailboxTree()
    {
        MailboxTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addAccount(QStringLiteral("work"), QStringLiteral("Work"));
        model.addAccount(QStringLiteral("home"), QStringLiteral("Home"));
        QCOMPARE(model.rowCount(), 2);
        model.setMailboxes(
            QStringLiteral("work"),
            {box("INBOX", MailboxRole::Inbox), box("Sent", MailboxRole::Sent), box("Projects"),
             box("Projects/2026"),
             box("Shared/bob@example.test/Team", MailboxRole::None, NamespaceKind::OtherUsers)});
        const QModelIndex work = model.accountIndex(QStringLiteral("work"));
        // INBOX, Sent, Projects, Shared
        QCOMPARE(model.rowCount(work), 4);
        const QModelIndex inbox =
            model.mailboxIndex(QStringLiteral("work"), QStringLiteral("INBOX"));
        QVERIFY(inbox.isValid());
        QCOMPARE(inbox.data().toString(), QStringLiteral("Inbox"));
        QVERIFY(inbox.data(MailboxTreeModel::SelectableRole).toBool());
        const QModelIndex year =
            model.mailboxIndex(QStringLiteral("work"), QStringLiteral("Projects/2026"));
        QCOMPARE(year.data().toString(), QStringLiteral("2026"));
        QCOMPARE(year.parent().data().toString(), QStringLiteral("Projects"));
        const QModelIndex team = model.mailboxIndex(QStringLiteral("work"),
                                                    QStringLiteral("Shared/bob@example.test/Team"));
        QVERIFY(team.isValid());
        // The levels the server did not list are containers, not mailboxes.
        QVERIFY(!team.parent().data(MailboxTreeModel::SelectableRole).toBool());
        QCOMPARE(team.parent().data().toString(), QStringLiteral("bob@example.test"));

        // A second listing replaces the first.
        model.setMailboxes(QStringLiteral("work"), {box("INBOX", MailboxRole::Inbox)});
        QCOMPARE(model.rowCount(work), 1);

        model.setAccountState(QStringLiteral("home"), MailboxTreeModel::AccountState::Failed,
                              QStringLiteral("login rejected"));
        QVERIFY(model.accountIndex(QStringLiteral("home"))
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("login rejected")));
    }

    void messageListNewestFirstAcrossBatches()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime base(QDate(2026, 11, 1), QTime(12, 0), QTimeZone::UTC);
        model.setEnvelopes({env(1, "old", base, true), env(3, "newest", base.addDays(3), false),
                            env(2, "middle", base.addDays(1), true)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, MessageListModel::SubjectColumn).data().toString(),
                 QStringLiteral("newest"));
        QCOMPARE(model.index(2, MessageListModel::SubjectColumn).data().toString(),
                 QStringLiteral("old"));
        QCOMPARE(model.index(0, 0).data(MessageListModel::UidRole).toLongLong(), 3);
        // Unread rows are bold, read rows are not.
        QVERIFY(model.index(0, MessageListModel::SubjectColumn)
                    .data(Qt::FontRole)
                    .value<QFont>()
                    .bold());
        QVERIFY(!model.index(1, MessageListModel::SubjectColumn).data(Qt::FontRole).isValid());
        QCOMPARE(model.index(1, MessageListModel::FromColumn).data().toString(),
                 QStringLiteral("Ann"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void threadsNestRepliesAndSortByNewestMessage()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime base(QDate(2026, 11, 1), QTime(12, 0), QTimeZone::UTC);
        Envelope root = env(1, "Plan", base, true);
        root.messageId = "root@x";
        Envelope reply = env(2, "Re: Plan", base.addDays(5), false);
        reply.messageId = "reply@x";
        reply.references = {"root@x"};
        Envelope other = env(3, "Other", base.addDays(2), true);
        other.messageId = "other@x";
        model.setEnvelopes({other, reply, root});
        QCOMPARE(model.messageCount(), 3);
        // Two threads; "Plan" first because its reply is the newest message of all.
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex plan = model.index(0, MessageListModel::SubjectColumn);
        QCOMPARE(plan.data().toString(), QStringLiteral("Plan (1 unread of 2)"));
        QCOMPARE(model.rowCount(plan.siblingAtColumn(0)), 1);
        QCOMPARE(model.index(0, MessageListModel::SubjectColumn, plan.siblingAtColumn(0))
                     .data()
                     .toString(),
                 QStringLiteral("Re: Plan"));

        model.sort(MessageListModel::SubjectColumn, Qt::AscendingOrder);
        QCOMPARE(model.index(0, MessageListModel::SubjectColumn).data().toString(),
                 QStringLiteral("Other"));
        model.sort(MessageListModel::DateColumn, Qt::DescendingOrder);
        QCOMPARE(model.index(1, MessageListModel::SubjectColumn).data().toString(),
                 QStringLiteral("Other"));
    }

    void storeBackedListMatchesTheInMemoryOne()
    {
        CacheFile file;
        QVERIFY(file.open());
        MessageCache &cache = *file.cache;
        const qint64 box = file.box;
        const QDateTime base(QDate(2026, 11, 1), QTime(12, 0), QTimeZone::UTC);
        QList<Envelope> all;
        // Threads of 1-4 messages; every third unread, every fifth flagged.
        for (int i = 0; i < 300; ++i) {
            Envelope e = env(i + 1, "", base.addSecs(i * 600), i % 3 != 0);
            e.subject = QStringLiteral("Topic %1").arg(i / 4);
            e.from = {QStringLiteral("Sender %1").arg(i % 7), QStringLiteral("s@x.example")};
            if (i % 5 == 0)
                e.flags |= MessageFlag::Flagged;
            e.messageId = "m" + QByteArray::number(i) + "@x";
            if (i % 4)
                e.references = {"m" + QByteArray::number(i - i % 4) + "@x"};
            all.append(e);
        }
        QVERIFY(!cache.store(box, all).isError());

        MessageListModel fromStore;
        QAbstractItemModelTester tester(&fromStore,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&fromStore, &MessageListModel::loaded);
        fromStore.setMailbox(&cache, box);
        QVERIFY(fromStore.isLoading());
        QVERIFY(loaded.wait());
        // Every row, every column, both sort orders: as the same envelopes held in memory.
        auto expectSameAsInMemory = [&] {
            MessageListModel inMemory;
            inMemory.setEnvelopes(cache.envelopes(box));
            QCOMPARE(fromStore.messageCount(), inMemory.messageCount());
            QCOMPARE(fromStore.unreadCount(), inMemory.unreadCount());
            auto same = [&](const QModelIndex &a, const QModelIndex &b) {
                for (int role : {int(Qt::DisplayRole), int(MessageListModel::UidRole),
                                 int(MessageListModel::UnreadRole), int(Qt::ToolTipRole)})
                    QCOMPARE(a.data(role), b.data(role));
            };
            for (const Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
                for (int column = 0; column < MessageListModel::ColumnCount; ++column) {
                    fromStore.sort(column, order);
                    inMemory.sort(column, order);
                    QCOMPARE(fromStore.rowCount(), inMemory.rowCount());
                    for (int row = 0; row < inMemory.rowCount(); ++row) {
                        const QModelIndex a = fromStore.index(row, 0);
                        const QModelIndex b = inMemory.index(row, 0);
                        for (int c = 0; c < MessageListModel::ColumnCount; ++c)
                            same(a.siblingAtColumn(c), b.siblingAtColumn(c));
                        QCOMPARE(fromStore.rowCount(a), inMemory.rowCount(b));
                        for (int child = 0; child < inMemory.rowCount(b); ++child)
                            same(fromStore.index(child, MessageListModel::SubjectColumn, a),
                                 inMemory.index(child, MessageListModel::SubjectColumn, b));
                    }
                }
            }
        };
        QCOMPARE(fromStore.messageCount(), 300);
        QCOMPARE(fromStore.rowCount(), 75);
        expectSameAsInMemory();

        // A sync stored more, removed some and changed flags: the same mailbox again re-reads
        // it (only the new messages, the rest from the last load).
        Envelope late = env(1000, "Late", base.addDays(30), false);
        late.messageId = "late@x";
        late.references = {"m8@x"}; // joins a thread in the middle of the list
        QVERIFY(!cache.store(box, {late, env(1002, "Undated", QDateTime(), false)}).isError());
        // UID 9 is the root of the thread "late" joins: its replies hang from the oldest.
        QVERIFY(!cache.remove(box, {9, 120, 121}).isError());
        QVERIFY(
            !cache.setFlags(box, {{1, MessageFlag::Flagged}, {2, MessageFlag::Seen}}).isError());
        fromStore.setMailbox(&cache, box);
        QVERIFY(loaded.wait());
        QCOMPARE(fromStore.messageCount(), 299);
        expectSameAsInMemory();
        fromStore.sort(MessageListModel::DateColumn, Qt::DescendingOrder);
        QCOMPARE(fromStore.index(0, MessageListModel::SubjectColumn).data().toString(),
                 QStringLiteral("Topic 2 (2 unread of 4)"));
        // A sync's intermediate refresh (throttled) ends with the same list.
        QVERIFY(!cache.store(box, {env(1001, "Later", base.addDays(31), false)}).isError());
        fromStore.refreshSoon();
        QVERIFY(fromStore.isLoading());
        QVERIFY(loaded.wait());
        QCOMPARE(fromStore.messageCount(), 300);
        fromStore.clear();
        QCOMPARE(fromStore.rowCount(), 0);
    }

    void unifiedInboxRowSumsTheInboxes()
    {
        MailboxTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addAccount(QStringLiteral("work"), QStringLiteral("Work"));
        model.addAccount(QStringLiteral("home"), QStringLiteral("Home"));
        // One account: "All Inboxes" would only repeat its INBOX.
        model.setUnifiedAccounts({QStringLiteral("work")});
        QVERIFY(!model.unifiedIndex().isValid());
        QCOMPARE(model.rowCount(), 2);
        model.setUnifiedAccounts({QStringLiteral("work"), QStringLiteral("home")});
        const QModelIndex all = model.unifiedIndex();
        QVERIFY(all.isValid());
        QCOMPARE(all.row(), 0); // at the top, above the accounts
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(all.data(MailboxTreeModel::UnifiedRole).toBool());
        QVERIFY(all.data(MailboxTreeModel::SelectableRole).toBool());
        QCOMPARE(all.data().toString(), QStringLiteral("All Inboxes"));
        QCOMPARE(model.accountIndex(QStringLiteral("work")).row(), 1);

        model.setMailboxes(QStringLiteral("work"), {box("INBOX", MailboxRole::Inbox),
                                                    box("Archive", MailboxRole::Archive)});
        model.setMailboxes(QStringLiteral("home"), {box("INBOX", MailboxRole::Inbox)});
        model.setUnread(QStringLiteral("work"), QStringLiteral("INBOX"), 3);
        model.setUnread(QStringLiteral("work"), QStringLiteral("Archive"), 7); // not an inbox
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setUnread(QStringLiteral("home"), QStringLiteral("INBOX"), 2);
        QCOMPARE(model.unifiedIndex().data(MailboxTreeModel::UnreadRole).toInt(), 5);
        QCOMPARE(model.unifiedIndex().data().toString(), QStringLiteral("All Inboxes (5)"));
        // The INBOX row and the unified one both told the view.
        QCOMPARE(changed.count(), 2);
        model.setUnread(QStringLiteral("work"), QStringLiteral("INBOX"), 0);
        QCOMPARE(model.unifiedIndex().data(MailboxTreeModel::UnreadRole).toInt(), 2);

        // A profile showing one of them: the row goes.
        model.setUnifiedAccounts({QStringLiteral("home")});
        QVERIFY(!model.unifiedIndex().isValid());
        QCOMPARE(model.rowCount(), 2);
    }

    void unifiedListThreadsEachAccountApart()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(!db.open().isError());
        MessageCache cache(db);
        const qint64 work = cache.state(QStringLiteral("work"), QStringLiteral("INBOX")).id;
        const qint64 home = cache.state(QStringLiteral("home"), QStringLiteral("INBOX")).id;
        const QDateTime base(QDate(2026, 11, 1), QTime(12, 0), QTimeZone::UTC);
        // The same UIDs in both INBOXes (UIDs are per mailbox), and a conversation whose
        // messages reached both accounts: each account threads its own copies.
        auto message = [&](qint64 uid, const char *subject, int hours, const QByteArray &id,
                           const QByteArray &parent) {
            Envelope e = env(uid, subject, base.addSecs(hours * 3600), false);
            e.messageId = id;
            if (!parent.isEmpty())
                e.references = {parent};
            return e;
        };
        QVERIFY(!cache
                     .store(work, {message(1, "Plan", 0, "plan@x", {}),
                                   message(2, "Re: Plan", 5, "re1@x", "plan@x"),
                                   message(3, "Work only", 2, "w3@x", {})})
                     .isError());
        QVERIFY(!cache
                     .store(home, {message(1, "Re: Plan", 6, "re2@x", "plan@x"),
                                   message(2, "Home only", 3, "h2@x", {})})
                     .isError());

        MessageListModel list;
        QAbstractItemModelTester tester(&list,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&list, &MessageListModel::loaded);
        const QList<MessageListModel::Source> sources = {{work, QStringLiteral("work")},
                                                         {home, QStringLiteral("home")}};
        list.setMailboxes(&cache, sources);
        QVERIFY(loaded.wait());
        QVERIFY(list.showsSeveralMailboxes());
        QCOMPARE(list.messageCount(), 5);
        QCOMPARE(list.unreadCount(), 5);
        // Work: "Plan" with its reply, "Work only"; home: its reply alone, "Home only".
        QCOMPARE(list.rowCount(), 4);
        list.sort(MessageListModel::DateColumn, Qt::DescendingOrder);
        auto row = [&](int r, int column) { return list.index(r, column).data().toString(); };
        // Newest thread first, across accounts: home's reply (6h), work's thread (5h), ...
        QCOMPARE(row(0, MessageListModel::SubjectColumn), QStringLiteral("Re: Plan"));
        QCOMPARE(row(0, MessageListModel::AccountColumn), QStringLiteral("home"));
        QCOMPARE(list.rowCount(list.index(0, 0)), 0); // its parent is in the other account
        QCOMPARE(row(1, MessageListModel::SubjectColumn), QStringLiteral("Plan (2 unread of 2)"));
        QCOMPARE(row(1, MessageListModel::AccountColumn), QStringLiteral("work"));
        QCOMPARE(list.rowCount(list.index(1, 0)), 1);
        QCOMPARE(row(2, MessageListModel::SubjectColumn), QStringLiteral("Home only"));
        QCOMPARE(row(3, MessageListModel::SubjectColumn), QStringLiteral("Work only"));
        // Same UID, different messages: the key tells them apart.
        const MessageKey homeReply = MessageListModel::keyOf(list.index(0, 0));
        const MessageKey workPlan = MessageListModel::keyOf(list.index(1, 0));
        QCOMPARE(homeReply, (MessageKey{home, 1}));
        QCOMPARE(workPlan, (MessageKey{work, 1}));
        const QModelIndex workReply = list.index(0, 0, list.index(1, 0));
        QCOMPARE(MessageListModel::keyOf(workReply), (MessageKey{work, 2}));
        QCOMPARE(workReply.siblingAtColumn(MessageListModel::AccountColumn).data().toString(),
                 QStringLiteral("work"));

        // Dragged rows carry their keys.
        std::unique_ptr<QMimeData> dragged(list.mimeData({list.index(0, 0), list.index(1, 0)}));
        QCOMPARE(MessageListModel::keysFromMimeData(dragged.get()),
                 (QList<MessageKey>{homeReply, workPlan}));

        // Sorted by sender or subject, the texts come from each row's own mailbox.
        list.sort(MessageListModel::SubjectColumn, Qt::AscendingOrder);
        QCOMPARE(row(0, MessageListModel::SubjectColumn), QStringLiteral("Home only"));
        QCOMPARE(row(1, MessageListModel::SubjectColumn), QStringLiteral("Plan (2 unread of 2)"));

        // New mail in one INBOX: the same sources again re-read both, the other unchanged.
        QVERIFY(!cache.store(home, {message(3, "New at home", 9, "h3@x", {})}).isError());
        QVERIFY(!cache.setFlags(work, {{3, MessageFlag::Seen}}).isError());
        list.setMailboxes(&cache, sources);
        QVERIFY(loaded.wait());
        QCOMPARE(list.messageCount(), 6);
        QCOMPARE(list.unreadCount(), 5);
        list.sort(MessageListModel::DateColumn, Qt::DescendingOrder);
        QCOMPARE(row(0, MessageListModel::SubjectColumn), QStringLiteral("New at home"));
        QCOMPARE(MessageListModel::keyOf(list.index(0, 0)), (MessageKey{home, 3}));

        // Search results (envelopes in memory) keep the same keys and labels.
        MessageListModel found;
        found.setEnvelopes(sources,
                           {{cache.envelope(work, 3).value()}, {cache.envelope(home, 3).value()}});
        QCOMPARE(found.rowCount(), 2);
        found.sort(MessageListModel::DateColumn, Qt::DescendingOrder);
        QCOMPARE(MessageListModel::keyOf(found.index(0, 0)), (MessageKey{home, 3}));
        QCOMPARE(found.index(1, MessageListModel::AccountColumn).data().toString(),
                 QStringLiteral("work"));

        // One mailbox: no account column text, keys still name the mailbox.
        list.setMailbox(&cache, work);
        QVERIFY(loaded.wait());
        QVERIFY(!list.showsSeveralMailboxes());
        QCOMPARE(list.messageCount(), 3);
        QCOMPARE(list.index(0, MessageListModel::AccountColumn).data().toString(), QString());
        QCOMPARE(list.index(0, 0).data(MessageListModel::MailboxIdRole).toLongLong(), work);
    }

    void emptySubjectIsShownAsSuch()
    {
        MessageListModel model;
        model.setEnvelopes({env(1, "", QDateTime::currentDateTimeUtc(), true)});
        QCOMPARE(model.index(0, MessageListModel::SubjectColumn).data().toString(),
                 QStringLiteral("(no subject)"));
    }
};

QTEST_MAIN(TestModels)
#include "test_models.moc"
