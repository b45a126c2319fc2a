// SPDX-License-Identifier: GPL-3.0-or-later
// Message actions as a user takes them in the main window (keys, drag and drop), against a
// real Dovecot, in Xvfb: the list changes at once and the server follows.
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

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Password = QStringLiteral("alice-pw");
constexpr int Messages = 6;
constexpr int WaitMs = 30000;

Account aliceAt(const DovecotServer &dovecot)
{
    Account a;
    a.name = QStringLiteral("Work");
    a.email = Alice;
    a.imap = {QStringLiteral("127.0.0.1"), dovecot.imapPort(), Security::StartTls};
    a.caFile = dovecot.certificatePath();
    a.timeoutSeconds = 30; // a busy 2-core machine can take more than 5 s to log in
    return a;
}
} // namespace

class TestMessageActions : public QObject
{
    Q_OBJECT
private:
    // Subjects of a mailbox as the server has them now, each with its flags. One session
    // for every look: Dovecot allows a user ten connections from one address.
    QHash<QString, MessageFlags> onServer(const QString &mailbox)
    {
        if (!m_checker) {
            m_checker = std::make_unique<ImapConnection>(aliceAt(m_dovecot));
            if (openSync(*m_checker, Password).isError()) {
                qWarning("the checking session cannot log in");
                return {};
            }
        }
        return subjectsSync(*m_checker, mailbox);
    }

    // Waits until the replay has sent everything the last key press queued.
    bool sent(QSignalSpy &spy) { return !spy.isEmpty() || spy.wait(WaitMs); }

    QString subjectAt(int row) const
    {
        return m_list->model()->index(row, MessageListModel::SubjectColumn).data().toString();
    }

    void selectRow(int row)
    {
        m_list->setFocus();
        auto *viewer = m_window->findChild<MessageViewer *>(QStringLiteral("viewer"));
        QSignalSpy rendered(viewer, &MessageViewer::rendered);
        QSignalSpy sentRead(m_workspace.get(), &Workspace::changesSent);
        const QModelIndex index = m_list->model()->index(row, 0);
        const bool unread = index.data(MessageListModel::UnreadRole).toBool();
        const bool shownAlready = m_list->currentIndex().data(MessageListModel::UidRole) ==
                                  index.data(MessageListModel::UidRole);
        m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
        if (!shownAlready && !rendered.wait(WaitMs))
            qWarning("the viewer did not show the selected message");
        // Opening an unread message marks it read; that goes to the server first, so a
        // test's own action is the only one in flight afterwards.
        if (unread && sentRead.isEmpty() && !sentRead.wait(WaitMs))
            qWarning("the read mark of the opened message did not reach the server");
        // The viewer's web view maps a native window the first time it shows a message;
        // without a window manager (Xvfb) that takes the activation from the main window,
        // and window-wide shortcuts (Ctrl+Z) would go nowhere. A desktop keeps it active.
        if (!m_window->isActiveWindow()) {
            QTest::qWait(200);
            m_window->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
            m_list->setFocus();
        }
    }

    QModelIndex mailboxRow(const QString &path) const
    {
        return m_workspace->visibleMailboxes()->mailboxIndex(QStringLiteral("Work"), path);
    }

    // Drops the selected messages on `path` in the mailbox tree, as the mouse would.
    void dropOn(const QString &path)
    {
        const QModelIndexList rows = m_list->selectionModel()->selectedRows();
        std::unique_ptr<QMimeData> data(m_list->model()->mimeData(rows));
        const QPoint at = m_tree->visualRect(mailboxRow(path)).center();
        QDragEnterEvent enter(at, Qt::MoveAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(m_tree->viewport(), &enter);
        QDragMoveEvent move(at, Qt::MoveAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(m_tree->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(QPointF(at), Qt::MoveAction, data.get(), Qt::LeftButton, {});
        QApplication::sendEvent(m_tree->viewport(), &drop);
        QVERIFY(drop.isAccepted());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_keyring.start(), qPrintable(m_keyring.error()));
        m_dovecot.addUser(Alice, Password);
        for (int i = 0; i < Messages; ++i)
            QVERIFY(m_dovecot.deliver(
                Alice, QStringLiteral("INBOX"),
                MailGenerator(QStringLiteral("Alice"), Alice)
                    .message(QStringLiteral("Sender"), QStringLiteral("s@example.org"), Alice,
                             QStringLiteral("Subject %1").arg(i), QStringLiteral("body"),
                             QDateTime(QDate(2026, 11, 1), QTime(8, 0), QTimeZone::UTC)
                                 .addSecs(i * 3600),
                             "<gui" + QByteArray::number(i) + "@example.org>")));
        QVERIFY(m_dovecot.createMailbox(Alice, QStringLiteral("Doomed")));
        // A conversation of two in its own mailbox.
        const MailGenerator gen(QStringLiteral("Alice"), Alice);
        const QDateTime start(QDate(2026, 11, 2), QTime(9, 0), QTimeZone::UTC);
        QVERIFY(m_dovecot.deliver(
            Alice, QStringLiteral("Threads"),
            gen.message(QStringLiteral("Bob"), QStringLiteral("b@example.org"), Alice,
                        QStringLiteral("Plan"), QStringLiteral("?"), start, "<plan@example.org>")));
        QVERIFY(m_dovecot.deliver(
            Alice, QStringLiteral("Threads"),
            gen.message(QStringLiteral("Carol"), QStringLiteral("c@example.org"), Alice,
                        QStringLiteral("Re: Plan"), QStringLiteral("!"), start.addSecs(600),
                        "<re-plan@example.org>", {"<plan@example.org>"})));
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));

        QVERIFY(!addAccountWithPassword(m_profile.path(), aliceAt(m_dovecot), Password, WaitMs)
                     .isError());

        m_workspace = std::make_unique<Workspace>(m_profile.path());
        m_window = std::make_unique<MainWindow>(m_workspace.get());
        m_window->resize(1000, 600);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QSignalSpy loaded(m_workspace.get(), &Workspace::messagesLoaded);
        m_workspace->connectAll();
        QVERIFY(loaded.wait(WaitMs));
        m_list = m_window->findChild<QTreeView *>(QStringLiteral("messageView"));
        m_tree = m_window->findChild<QTreeView *>(QStringLiteral("mailboxView"));
        QCOMPARE(m_list->model()->rowCount(), Messages);
        QVERIFY(mailboxRow(QStringLiteral("Trash")).isValid());
    }

    void deleteKeyMovesToTrashAndCtrlZBringsItBack()
    {
        selectRow(0);
        const QString subject = subjectAt(0);
        QSignalSpy changesSent(m_workspace.get(), &Workspace::changesSent);
        QTest::keyClick(m_list, Qt::Key_Delete);
        // At once (the list reloads from the cache in the background, in milliseconds),
        // before the server answers.
        QTRY_COMPARE(m_list->model()->rowCount(), Messages - 1);
        QVERIFY(subjectAt(0) != subject);
        QTRY_COMPARE(m_list->currentIndex().row(), 0); // the next message is selected
        QVERIFY(sent(changesSent));
        QVERIFY(onServer(QStringLiteral("Trash")).contains(subject));
        QVERIFY(!onServer(QStringLiteral("INBOX")).contains(subject));

        changesSent.clear();
        QTest::keyClick(m_list, Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(m_list->model()->rowCount(), Messages);
        QVERIFY(sent(changesSent));
        QVERIFY(onServer(QStringLiteral("INBOX")).contains(subject));
        QVERIFY(!onServer(QStringLiteral("Trash")).contains(subject));
    }

    void flagAndReadKeys()
    {
        selectRow(1);
        const QString subject = subjectAt(1);
        QSignalSpy changesSent(m_workspace.get(), &Workspace::changesSent);
        QTest::keyClick(m_list, Qt::Key_S);
        QTRY_VERIFY(m_list->model()->index(1, 0).data(MessageListModel::FlaggedRole).toBool());
        QTest::keyClick(m_list, Qt::Key_R);
        QTRY_VERIFY(!m_list->model()->index(1, 0).data(MessageListModel::UnreadRole).toBool());
        // Two actions: the replay may report after the first one.
        QTRY_VERIFY_WITH_TIMEOUT(changesSent.size() >= 1 &&
                                     onServer(QStringLiteral("INBOX")).value(subject) ==
                                         (MessageFlag::Flagged | MessageFlag::Seen),
                                 WaitMs);
    }

    void archiveKey()
    {
        selectRow(2);
        const QString subject = subjectAt(2);
        QSignalSpy changesSent(m_workspace.get(), &Workspace::changesSent);
        QTest::keyClick(m_list, Qt::Key_A);
        QTRY_COMPARE(m_list->model()->rowCount(), Messages - 1);
        QVERIFY(sent(changesSent));
        QVERIFY(onServer(QStringLiteral("Archive")).contains(subject));
    }

    void dragOntoAMailboxMovesThere()
    {
        const int before = m_list->model()->rowCount();
        selectRow(0);
        const QString subject = subjectAt(0);
        QSignalSpy changesSent(m_workspace.get(), &Workspace::changesSent);
        dropOn(QStringLiteral("Junk"));
        QTRY_COMPARE(m_list->model()->rowCount(), before - 1);
        QVERIFY(sent(changesSent));
        QVERIFY(onServer(QStringLiteral("Junk")).contains(subject));
        QVERIFY(!onServer(QStringLiteral("INBOX")).contains(subject));
    }

    void refusedMoveIsShownAndUndone()
    {
        // The folder is still in the tree, but another client deleted it on the server.
        QString out;
        QVERIFY2(m_dovecot.doveadm({QStringLiteral("mailbox"), QStringLiteral("delete"),
                                    QStringLiteral("-u"), Alice, QStringLiteral("Doomed")},
                                   &out),
                 qPrintable(out));
        const int before = m_list->model()->rowCount();
        selectRow(0);
        const QString subject = subjectAt(0);
        QSignalSpy failed(m_workspace.get(), &Workspace::actionFailed);
        dropOn(QStringLiteral("Doomed"));
        // The move shows at once (see the tests above); the refusal can come back before the
        // list has reloaded, so only the outcome is checked here.
        QVERIFY(failed.wait(WaitMs));
        const QString message = failed.constFirst().constFirst().toString();
        QVERIFY2(message.contains(QLatin1String("Doomed")), qPrintable(message));
        // Shown until the user closes it, not only in the status line the next sync reuses.
        auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("actionFailedBox"));
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY2(box->text().contains(QLatin1String("Doomed")), qPrintable(box->text()));
        box->close();
        QTRY_COMPARE(m_list->model()->rowCount(), before); // rolled back in the list
        QVERIFY(onServer(QStringLiteral("INBOX")).contains(subject));
    }

    void mailFromElsewhereKeepsTheReadersPlace()
    {
        // New mail arrives while a message is open: the list takes it in where it stands
        // (IDLE, then a QRESYNC sync); nothing resets the view under the reader.
        selectRow(2);
        const qint64 open = m_list->currentIndex().data(MessageListModel::UidRole).toLongLong();
        const int rows = m_list->model()->rowCount();
        QSignalSpy reset(m_list->model(), &QAbstractItemModel::modelReset);
        QSignalSpy loaded(m_workspace.get(), &Workspace::messagesLoaded);
        QVERIFY(m_dovecot.deliver(
            Alice, QStringLiteral("INBOX"),
            MailGenerator(QStringLiteral("Alice"), Alice)
                .message(QStringLiteral("Dan"), QStringLiteral("d@example.org"), Alice,
                         QStringLiteral("Arrived meanwhile"), QStringLiteral("hi"),
                         QDateTime::currentDateTimeUtc(), "<meanwhile@example.org>")));
        QVERIFY(loaded.wait(WaitMs));
        QTRY_COMPARE(m_list->model()->rowCount(), rows + 1);
        QCOMPARE(subjectAt(0), QStringLiteral("Arrived meanwhile"));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(m_list->currentIndex().data(MessageListModel::UidRole).toLongLong(), open);
        QVERIFY(m_list->selectionModel()->isRowSelected(m_list->currentIndex().row(),
                                                        m_list->currentIndex().parent()));
        QTest::qWait(200); // the web view paints its frame
        QDir().mkpath(QStringLiteral(TIDINGS_BUILD_DIR "/screenshots"));
        QVERIFY(m_window->grab().save(
            QStringLiteral(TIDINGS_BUILD_DIR "/screenshots/new-mail-keeps-selection.png")));
    }

    void deletingACollapsedThreadTrashesAllOfIt()
    {
        QSignalSpy loaded(m_workspace.get(), &Workspace::messagesLoaded);
        m_tree->setCurrentIndex(mailboxRow(QStringLiteral("Threads")));
        QVERIFY(loaded.wait(WaitMs));
        QTRY_COMPARE(m_list->model()->rowCount(), 1);
        const QModelIndex root = m_list->model()->index(0, 0);
        QTRY_COMPARE(m_list->model()->rowCount(root), 1);
        m_list->collapse(root);
        selectRow(0);
        QSignalSpy changesSent(m_workspace.get(), &Workspace::changesSent);
        QTest::keyClick(m_list, Qt::Key_Delete);
        QTRY_COMPARE(m_list->model()->rowCount(), 0);
        QVERIFY(sent(changesSent));
        const QHash<QString, MessageFlags> trash = onServer(QStringLiteral("Trash"));
        QVERIFY(trash.contains(QStringLiteral("Plan")));
        QVERIFY(trash.contains(QStringLiteral("Re: Plan")));
        QVERIFY(onServer(QStringLiteral("Threads")).isEmpty());
    }

    void cleanupTestCase()
    {
        m_checker.reset();
        m_window.reset();
        m_workspace.reset();
    }

private:
    KeyringSession m_keyring;
    DovecotServer m_dovecot;
    TempDir m_profile;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ImapConnection> m_checker;
    QTreeView *m_list = nullptr;
    QTreeView *m_tree = nullptr;
};

TIDINGS_GUI_TEST_MAIN(TestMessageActions)

#include "test_messageactions.moc"
