// SPDX-License-Identifier: GPL-3.0-or-later
// "All Inboxes" with two accounts (two Dovecot users), as a user works with it in the main
// window under Xvfb: both INBOXes in one list, a message of the second account opened,
// marked read and moved on that account's server, new mail from IDLE, a move across
// accounts refused. Screenshot: <build>/screenshots/unified-inbox.png.
#include "fixtures/accountsetup.h"
#include "fixtures/dovecotserver.h"
#include "fixtures/keyringsession.h"
#include "fixtures/mailgenerator.h"
#include "fixtures/xvfbserver.h"
#include "gui/mainwindow.h"
#include "gui/messagepage.h"
#include "gui/messageviewer.h"
#include "guitest.h"
#include "imap/imapconnection.h"
#include "integration/imaptesthelpers.h"
#include "models/workspace.h"
#include "store/profilestore.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Bob = QStringLiteral("bob@example.test");
const QString Work = QStringLiteral("Work"); // Alice's account
const QString Home = QStringLiteral("Home"); // Bob's account
const QString Projects = QStringLiteral("Projects");
constexpr int WaitMs = 30000;

QString passwordOf(const QString &user)
{
    return user.section(QLatin1Char('@'), 0, 0) + QStringLiteral("-pw");
}

QByteArray mail(const QString &to, const QString &subject, const QString &body, int hour)
{
    return MailGenerator(QStringLiteral("Owner"), to)
        .message(QStringLiteral("Sender"), QStringLiteral("s@example.org"), to, subject, body,
                 QDateTime(QDate(2026, 11, 3), QTime(hour, 0), QTimeZone::UTC),
                 "<" + subject.toLatin1().replace(' ', '-') + "@example.org>");
}

} // namespace

class TestUnifiedInbox : public QObject
{
    Q_OBJECT
private:
    Account accountOf(const QString &user) const
    {
        Account a;
        a.name = user == Alice ? Work : Home;
        a.email = user;
        a.imap = {QStringLiteral("127.0.0.1"), m_dovecot.imapPort(), Security::StartTls};
        a.caFile = m_dovecot.certificatePath();
        a.timeoutSeconds = 30; // a busy 2-core machine can take more than 5 s to log in
        return a;
    }

    // Subjects in a mailbox of `user` as the server has them now, with their flags.
    QHash<QString, MessageFlags> onServer(const QString &user, const QString &mailbox)
    {
        ImapConnection checker(accountOf(user));
        if (openSync(checker, passwordOf(user)).isError()) {
            qWarning("the checking session cannot log in");
            return {};
        }
        return subjectsSync(checker, mailbox);
    }

    QModelIndex rowWithSubject(const QString &subject) const
    {
        const QAbstractItemModel *model = m_list->model();
        const QModelIndexList found =
            model->match(model->index(0, MessageListModel::SubjectColumn), Qt::DisplayRole, subject,
                         1, Qt::MatchExactly | Qt::MatchRecursive);
        return found.isEmpty() ? QModelIndex() : found.constFirst().siblingAtColumn(0);
    }

    QStringList listedSubjects() const
    {
        QStringList subjects;
        const QAbstractItemModel *model = m_list->model();
        for (int r = 0; r < model->rowCount(); ++r)
            subjects.append(model->index(r, MessageListModel::SubjectColumn).data().toString());
        subjects.sort();
        return subjects;
    }

    // Drops the selected messages on `path` of `account` in the mailbox tree, as the mouse.
    void dropOn(const QString &account, const QString &path)
    {
        const QModelIndexList rows = m_list->selectionModel()->selectedRows();
        std::unique_ptr<QMimeData> data(m_list->model()->mimeData(rows));
        const QModelIndex target = m_workspace->visibleMailboxes()->mailboxIndex(account, path);
        QVERIFY(target.isValid());
        m_tree->scrollTo(target);
        const QPoint at = m_tree->visualRect(target).center();
        QDragEnterEvent enter(at, Qt::MoveAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(m_tree->viewport(), &enter);
        QDragMoveEvent move(at, Qt::MoveAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(m_tree->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(QPointF(at), Qt::MoveAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(m_tree->viewport(), &drop);
        QVERIFY(drop.isAccepted());
    }

    void select(const QModelIndex &row)
    {
        m_list->setFocus();
        m_list->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect |
                                                           QItemSelectionModel::Rows);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_keyring.start(), qPrintable(m_keyring.error()));
        for (const QString &user : {Alice, Bob})
            m_dovecot.addUser(user, passwordOf(user));
        QVERIFY(m_dovecot.deliver(
            Alice, QStringLiteral("INBOX"),
            mail(Alice, QStringLiteral("Alice budget"), QStringLiteral("Numbers"), 8)));
        QVERIFY(m_dovecot.deliver(
            Alice, QStringLiteral("INBOX"),
            mail(Alice, QStringLiteral("Alice review"), QStringLiteral("Comments"), 10)));
        QVERIFY(m_dovecot.deliver(Bob, QStringLiteral("INBOX"),
                                  mail(Bob, QStringLiteral("Bob holiday"),
                                       QStringLiteral("Hello Bob, the tickets are booked."), 9)));
        QVERIFY(m_dovecot.deliver(
            Bob, QStringLiteral("INBOX"),
            mail(Bob, QStringLiteral("Bob dentist"), QStringLiteral("Tuesday"), 7)));
        // The same folder name in both accounts: a move must reach the right one.
        for (const QString &user : {Alice, Bob})
            QVERIFY(m_dovecot.createMailbox(user, Projects));
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));

        for (const QString &user : {Alice, Bob}) {
            QVERIFY(
                !addAccountWithPassword(m_profile.path(), accountOf(user), passwordOf(user), WaitMs)
                     .isError());
        }

        // A profile that shows one of the two accounts: no unified inbox there.
        Profile workOnly;
        workOnly.name = QStringLiteral("Work only");
        workOnly.accounts = {Work};
        QVERIFY(!ProfileStore(m_profile.path()).save(workOnly).isError());

        m_workspace = std::make_unique<Workspace>(m_profile.path());
        m_window = std::make_unique<MainWindow>(m_workspace.get());
        m_window->resize(1100, 650);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy listed(m_workspace.get(), &Workspace::mailboxesListed);
        QSignalSpy loaded(m_workspace.get(), &Workspace::messagesLoaded);
        m_workspace->connectAll();
        QVERIFY(loaded.wait(WaitMs)); // the first account's INBOX, as on every start
        QVERIFY(QTest::qWaitFor([&] { return listed.count() >= 2; }, WaitMs));
        m_list = m_window->findChild<QTreeView *>(QStringLiteral("messageView"));
        m_tree = m_window->findChild<QTreeView *>(QStringLiteral("mailboxView"));
    }

    void allInboxesListsBothAccounts()
    {
        const QModelIndex all = m_workspace->visibleMailboxes()->index(0, 0);
        QVERIFY(all.data(MailboxTreeModel::UnifiedRole).toBool());
        // Four unread messages in the two INBOXes, once the servers' counts are in.
        QTRY_COMPARE_WITH_TIMEOUT(all.data().toString(), QStringLiteral("All Inboxes (4)"), WaitMs);
        QVERIFY(m_list->header()->isSectionHidden(MessageListModel::AccountColumn));

        QSignalSpy loaded(m_workspace.get(), &Workspace::messagesLoaded);
        m_tree->setCurrentIndex(all);
        QVERIFY(m_workspace->unifiedInboxSelected());
        // Each INBOX is synced on its own account's session; both report.
        QVERIFY(QTest::qWaitFor([&] { return loaded.count() >= 2; }, WaitMs));
        QTRY_COMPARE_WITH_TIMEOUT(
            listedSubjects(),
            (QStringList{QStringLiteral("Alice budget"), QStringLiteral("Alice review"),
                         QStringLiteral("Bob dentist"), QStringLiteral("Bob holiday")}),
            WaitMs);
        QVERIFY(!m_list->header()->isSectionHidden(MessageListModel::AccountColumn));
        const QModelIndex holiday = rowWithSubject(QStringLiteral("Bob holiday"));
        // The column names the account as the tree does (here by address).
        QCOMPARE(holiday.siblingAtColumn(MessageListModel::AccountColumn).data().toString(), Bob);
        QCOMPARE(rowWithSubject(QStringLiteral("Alice review"))
                     .siblingAtColumn(MessageListModel::AccountColumn)
                     .data()
                     .toString(),
                 Alice);
        // Newest first across both accounts.
        QCOMPARE(m_list->model()->index(0, MessageListModel::SubjectColumn).data().toString(),
                 QStringLiteral("Alice review"));
        QCOMPARE(m_list->model()->index(1, MessageListModel::SubjectColumn).data().toString(),
                 QStringLiteral("Bob holiday"));
    }

    void openingAMessageOfTheSecondAccountShowsItAndMarksItRead()
    {
        auto *viewer = m_window->findChild<MessageViewer *>(QStringLiteral("viewer"));
        QSignalSpy rendered(viewer, &MessageViewer::rendered);
        QSignalSpy sent(m_workspace.get(), &Workspace::changesSent);
        const QModelIndex holiday = rowWithSubject(QStringLiteral("Bob holiday"));
        QVERIFY(holiday.data(MessageListModel::UnreadRole).toBool());
        select(holiday);
        QVERIFY(rendered.wait(WaitMs));
        // Fetched on Bob's session: only his server has this body.
        const QString text = pageText(viewer->page());
        QVERIFY2(text.contains(QLatin1String("Hello Bob, the tickets are booked.")),
                 qPrintable(text));
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const QList<QVariant> &s : std::as_const(sent)) {
                    if (s.at(0).toString() == Home)
                        return true;
                }
                return false;
            },
            WaitMs));
        QVERIFY(onServer(Bob, QStringLiteral("INBOX"))
                    .value(QStringLiteral("Bob holiday"))
                    .testFlag(MessageFlag::Seen));
        // Alice's mail, UID 1 like Bob's, was not touched.
        const QHash<QString, MessageFlags> alice = onServer(Alice, QStringLiteral("INBOX"));
        QCOMPARE(alice.size(), 2);
        for (const MessageFlags &f : alice)
            QVERIFY(!f.testFlag(MessageFlag::Seen));
        QTRY_COMPARE(m_workspace->visibleMailboxes()->index(0, 0).data().toString(),
                     QStringLiteral("All Inboxes (3)"));

        QTest::qWait(200); // the web view paints its first frame
        QDir().mkpath(QStringLiteral(TIDINGS_BUILD_DIR "/screenshots"));
        QVERIFY(m_window->grab().save(
            QStringLiteral(TIDINGS_BUILD_DIR "/screenshots/unified-inbox.png")));
    }

    void dragToAFolderMovesOnThatAccountsServer()
    {
        QSignalSpy sent(m_workspace.get(), &Workspace::changesSent);
        select(rowWithSubject(QStringLiteral("Bob holiday")));
        dropOn(Home, Projects);
        QTRY_VERIFY(!rowWithSubject(QStringLiteral("Bob holiday")).isValid());
        // The list opens the next message meanwhile, which may be one of Alice's.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::any_of(sent.cbegin(), sent.cend(), [](const QList<QVariant> &s) {
                    return s.at(0).toString() == Home;
                });
            },
            WaitMs));
        const QHash<QString, MessageFlags> bobProjects = onServer(Bob, Projects);
        QVERIFY2(bobProjects.contains(QStringLiteral("Bob holiday")),
                 qPrintable(QStringList(bobProjects.keys()).join(u',')));
        QVERIFY(!onServer(Bob, QStringLiteral("INBOX")).contains(QStringLiteral("Bob holiday")));
        QVERIFY(onServer(Alice, Projects).isEmpty());
        QCOMPARE(onServer(Alice, QStringLiteral("INBOX")).size(), 2);
    }

    void moveToAnotherAccountIsRefused()
    {
        select(rowWithSubject(QStringLiteral("Alice budget")));
        dropOn(Home, Projects);
        auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("actionRefusedBox"));
        QVERIFY(box);
        QVERIFY2(box->text().contains(Work) && box->text().contains(Home), qPrintable(box->text()));
        box->close();
        QVERIFY(rowWithSubject(QStringLiteral("Alice budget")).isValid());
        QVERIFY(!onServer(Bob, Projects).contains(QStringLiteral("Alice budget")));
        QVERIFY(onServer(Alice, QStringLiteral("INBOX")).contains(QStringLiteral("Alice budget")));
    }

    void newMailInTheSecondInboxAppears()
    {
        // IDLE on Bob's INBOX (his session watches it while All Inboxes is on screen).
        QVERIFY(
            m_dovecot.deliver(Bob, QStringLiteral("INBOX"),
                              mail(Bob, QStringLiteral("Bob news"), QStringLiteral("Fresh"), 12)));
        QTRY_VERIFY_WITH_TIMEOUT(rowWithSubject(QStringLiteral("Bob news")).isValid(), WaitMs);
        QCOMPARE(rowWithSubject(QStringLiteral("Bob news"))
                     .siblingAtColumn(MessageListModel::AccountColumn)
                     .data()
                     .toString(),
                 Bob);
    }

    void aReplyIsWrittenFromTheMessagesAccount()
    {
        // Mail through a list names none of our addresses: the reply comes from the account
        // the message is in, whichever account the default identity belongs to.
        const QString list = QStringLiteral("team@lists.example.org");
        QVERIFY(
            m_dovecot.deliver(Alice, QStringLiteral("INBOX"),
                              mail(list, QStringLiteral("List note"), QStringLiteral("-"), 13)));
        QVERIFY(
            m_dovecot.deliver(Bob, QStringLiteral("INBOX"),
                              mail(list, QStringLiteral("List party"), QStringLiteral("-"), 14)));
        for (const QString &user : {Alice, Bob}) {
            const QString subject =
                user == Alice ? QStringLiteral("List note") : QStringLiteral("List party");
            QTRY_VERIFY_WITH_TIMEOUT(rowWithSubject(subject).isValid(), WaitMs);
            QSignalSpy opened(m_workspace.get(), &Workspace::messageOpened);
            select(rowWithSubject(subject));
            QVERIFY(opened.wait(WaitMs));
            Error error;
            const std::optional<Draft> reply = m_workspace->replyDraft(ReplyMode::Reply, &error);
            QVERIFY2(reply, qPrintable(error.message));
            QCOMPARE(reply->identity, accountOf(user).name + QLatin1Char(':') + user);
        }
    }

    void deleteAcrossAccountsAndUndoInOneStep()
    {
        const QString review = QStringLiteral("Alice review");
        const QString dentist = QStringLiteral("Bob dentist");
        select(rowWithSubject(review));
        m_list->selectionModel()->select(rowWithSubject(dentist),
                                         QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(m_list->selectionModel()->selectedRows().size(), 2);
        QSet<QString> sentFor;
        connect(m_workspace.get(), &Workspace::changesSent, this,
                [&](const QString &account) { sentFor.insert(account); });
        auto *remove = m_window->findChild<QAction *>(QStringLiteral("deleteAction"));
        QVERIFY(remove && remove->isEnabled());
        remove->trigger();
        QTRY_VERIFY(!rowWithSubject(review).isValid() && !rowWithSubject(dentist).isValid());
        // Each to its own account's Trash.
        QTRY_VERIFY_WITH_TIMEOUT(sentFor.contains(Work) && sentFor.contains(Home), WaitMs);
        QVERIFY(onServer(Alice, QStringLiteral("Trash")).contains(review));
        QVERIFY(onServer(Bob, QStringLiteral("Trash")).contains(dentist));

        // One Ctrl+Z brings both back, each into its own INBOX.
        sentFor.clear();
        m_window->findChild<QAction *>(QStringLiteral("undoAction"))->trigger();
        QTRY_VERIFY(rowWithSubject(review).isValid() && rowWithSubject(dentist).isValid());
        QTRY_VERIFY_WITH_TIMEOUT(sentFor.contains(Work) && sentFor.contains(Home), WaitMs);
        QVERIFY(onServer(Alice, QStringLiteral("INBOX")).contains(review));
        QVERIFY(onServer(Bob, QStringLiteral("INBOX")).contains(dentist));
        QVERIFY(!onServer(Alice, QStringLiteral("Trash")).contains(review));
        QVERIFY(!onServer(Bob, QStringLiteral("Trash")).contains(dentist));
        disconnect(m_workspace.get(), &Workspace::changesSent, this, nullptr);
    }

    void searchCoversEveryInbox()
    {
        QSignalSpy updated(m_workspace.get(), &Workspace::searchUpdated);
        // The local index over both INBOXes, then each account's server: only Bob's matches.
        m_workspace->search(QStringLiteral("dentist"));
        QVERIFY(QTest::qWaitFor([&] { return !updated.isEmpty() && updated.last().at(2).toBool(); },
                                WaitMs));
        QCOMPARE(listedSubjects(), QStringList{QStringLiteral("Bob dentist")});
        QCOMPARE(m_list->model()->index(0, MessageListModel::AccountColumn).data().toString(), Bob);
        updated.clear();
        m_workspace->search(QStringLiteral("Alice"));
        QVERIFY(QTest::qWaitFor([&] { return !updated.isEmpty() && updated.last().at(2).toBool(); },
                                WaitMs));
        QVERIFY2(listedSubjects().contains(QStringLiteral("Alice budget")) &&
                     !listedSubjects().contains(QStringLiteral("Bob dentist")),
                 qPrintable(listedSubjects().join(u',')));
        m_workspace->search({});
        QTRY_VERIFY(rowWithSubject(QStringLiteral("Bob dentist")).isValid());
    }

    void aProfileWithOneAccountHasNoUnifiedInbox()
    {
        QVERIFY(!m_workspace->setProfile(QStringLiteral("Work only")).isError());
        ProfileFilterModel *tree = m_workspace->visibleMailboxes();
        QCOMPARE(tree->rowCount(), 1);
        QVERIFY(!tree->index(0, 0).data(MailboxTreeModel::UnifiedRole).toBool());
        QCOMPARE(tree->index(0, 0).data(MailboxTreeModel::AccountRole).toString(), Work);
        // The window opened the profile's INBOX instead; Bob's mail is gone from the list.
        QTRY_COMPARE(m_workspace->selectedAccount(), Work);
        QVERIFY(!m_workspace->unifiedInboxSelected());
        QTRY_VERIFY(rowWithSubject(QStringLiteral("Alice budget")).isValid());
        QVERIFY(!rowWithSubject(QStringLiteral("Bob news")).isValid());
        QVERIFY(m_list->header()->isSectionHidden(MessageListModel::AccountColumn));

        // Every account again: the row is back with the sum of the INBOXes' unread mail.
        QVERIFY(!m_workspace->setProfile({}).isError());
        QVERIFY(tree->index(0, 0).data(MailboxTreeModel::UnifiedRole).toBool());
        int unseen = 0;
        for (const QString &user : {Alice, Bob}) {
            for (const MessageFlags &f : onServer(user, QStringLiteral("INBOX")))
                unseen += f.testFlag(MessageFlag::Seen) ? 0 : 1;
        }
        QVERIFY(unseen > 0);
        QTRY_COMPARE(tree->index(0, 0).data().toString(),
                     QStringLiteral("All Inboxes (%1)").arg(unseen));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_workspace.reset();
    }

private:
    KeyringSession m_keyring;
    DovecotServer m_dovecot;
    TempDir m_profile;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    QTreeView *m_list = nullptr;
    QTreeView *m_tree = nullptr;
};

TIDINGS_GUI_TEST_MAIN(TestUnifiedInbox)

#include "test_unifiedinbox.moc"
