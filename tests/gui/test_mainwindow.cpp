// SPDX-License-Identifier: GPL-3.0-or-later
// The main window on a real Dovecot account, in a real X server (Xvfb), with the password
// in a real keyring. Screenshots go to <build>/screenshots/.
#include "fixtures/accountsetup.h"
#include "fixtures/dovecotserver.h"
#include "fixtures/keyringsession.h"
#include "fixtures/mailgenerator.h"
#include "fixtures/xvfbserver.h"
#include "gui/mainwindow.h"
#include "gui/messagepage.h"
#include "gui/messageviewer.h"
#include "guitest.h"
#include "models/workspace.h"
#include "store/bodycache.h"
#include "store/configdir.h"
#include "store/database.h"
#include "store/messagecache.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Bob = QStringLiteral("bob@example.test");
const QString Password = QStringLiteral("alice-pw");
constexpr int Conversations = 12;
constexpr int WaitMs = 30000;

// Messages in a threaded list: every row at every level.
int countMessages(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    int n = 0;
    for (int r = 0; r < model->rowCount(parent); ++r)
        n += 1 + countMessages(model, model->index(r, 0, parent));
    return n;
}

void screenshot(QWidget *w, const QString &name)
{
    const QString dir = QStringLiteral(TIDINGS_BUILD_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
}
const QString NewsletterSubject = QStringLiteral("Pictures from the offsite");
const QString NewsletterSender = QStringLiteral("news@example.org");

// An HTML mail that asks for remote content in every way a page can: an image, a style
// sheet, a frame. Each would tell the sender (here: the tracker) that the mail was read.
QByteArray newsletter(quint16 trackerPort, const QDateTime &date)
{
    const QByteArray tracker = "http://127.0.0.1:" + QByteArray::number(trackerPort);
    QByteArray html = "<html><head><link rel=\"stylesheet\" href=\"" + tracker +
                      "/style.css\"></head><body><h2>Offsite</h2><p>Hello Alice, here are "
                      "the pictures.</p><img src=\"" +
                      tracker + "/pixel.png\" alt=\"tracking pixel\"><iframe src=\"" + tracker +
                      "/frame\"></iframe><p><a href=\"https://example.org/album\">Album</a></p>"
                      "</body></html>";
    QByteArray raw = "From: Offsite News <" + NewsletterSender.toLatin1() +
                     ">\r\nTo: " + Alice.toLatin1() +
                     "\r\nSubject: " + NewsletterSubject.toLatin1() +
                     "\r\nDate: " + date.toString(Qt::RFC2822Date).toLatin1() +
                     "\r\nMessage-ID: <offsite@example.org>\r\nMIME-Version: 1.0\r\n"
                     "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                     "Content-Type: text/html; charset=utf-8\r\n\r\n" +
                     html +
                     "\r\n--b\r\nContent-Type: text/csv; name=\"budget.csv\"\r\n"
                     "Content-Disposition: attachment; filename=\"budget.csv\"\r\n\r\n"
                     "item,cost\r\nbus,120\r\n--b--\r\n";
    return raw;
}

QModelIndex findSubject(const QAbstractItemModel *model, const QString &subject,
                        const QModelIndex &parent = {})
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex row = model->index(r, 0, parent);
        if (model->index(r, 1, parent).data().toString() == subject)
            return row;
        if (const QModelIndex found = findSubject(model, subject, row); found.isValid())
            return found;
    }
    return {};
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    // A profile with one account whose password is `password`, stored in the keyring.
    QString makeProfile(TempDir &profile, const QString &name, const QString &password)
    {
        Account a;
        a.name = name;
        a.email = Alice;
        a.displayName = QStringLiteral("Alice Example");
        a.imap = {QStringLiteral("127.0.0.1"), m_dovecot.imapPort(), Security::StartTls};
        a.caFile = m_dovecot.certificatePath();
        a.timeoutSeconds = 5;
        if (addAccountWithPassword(profile.path(), a, password, WaitMs).isError())
            return {};
        return profile.path();
    }

    QStringList childLabels(QAbstractItemModel *model, const QModelIndex &parent)
    {
        QStringList labels;
        // Without the unread count a label may carry ("Inbox (3)").
        static const QRegularExpression count(QStringLiteral(" \\(\\d+\\)$"));
        for (int r = 0; r < model->rowCount(parent); ++r)
            labels << model->index(r, 0, parent).data().toString().remove(count);
        return labels;
    }

    // A profile, its workspace and main window, connected, with INBOX loaded.
    struct OpenWindow
    {
        TempDir profile;
        std::unique_ptr<Workspace> workspace;
        std::unique_ptr<MainWindow> window;
    };
    bool openInbox(OpenWindow &open, const QString &name)
    {
        if (makeProfile(open.profile, name, Password).isEmpty())
            return false;
        open.workspace = std::make_unique<Workspace>(open.profile.path());
        open.window = std::make_unique<MainWindow>(open.workspace.get());
        open.window->resize(1200, 800);
        open.window->show();
        if (!QTest::qWaitForWindowExposed(open.window.get()))
            return false;
        QSignalSpy loaded(open.workspace.get(), &Workspace::messagesLoaded);
        open.workspace->connectAll();
        return loaded.wait(WaitMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_keyring.start(), qPrintable(m_keyring.error()));
        m_dovecot.addUser(Alice, Password);
        m_dovecot.addUser(Bob, QStringLiteral("bob-pw"));
        MailGenerator gen(QStringLiteral("Alice Example"), Alice);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const GeneratedMessage &m : gen.conversations(Conversations, now)) {
            m_expected[m.mailbox] += 1;
            if (!m.flags.contains(QLatin1Char('S')))
                m_unread[m.mailbox] += 1;
            QVERIFY(m_dovecot.deliver(Alice, m.mailbox, m.raw, m.flags, m.date));
        }
        QVERIFY(m_dovecot.deliver(Bob, QStringLiteral("Team"),
                                  gen.message(QStringLiteral("Bob Fischer"), Bob, Bob,
                                              QStringLiteral("Team agenda"), QStringLiteral("x"),
                                              now, "<team@example.test>")));
        QVERIFY(m_dovecot.share(Bob, QStringLiteral("Team"), Alice, QStringLiteral("lrs")));
        QVERIFY(m_tracker.listen(QHostAddress::LocalHost));
        connect(&m_tracker, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_tracker.nextPendingConnection()) {
                ++m_trackerHits;
                socket->close();
                socket->deleteLater();
            }
        });
        QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"),
                                  newsletter(m_tracker.serverPort(), now.addSecs(-600))));
        m_expected[QStringLiteral("INBOX")] += 1;
        m_unread[QStringLiteral("INBOX")] += 1;
        // A word only in a body: the local index cannot know it before the body is fetched.
        QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"),
                                  gen.message(QStringLiteral("Kofi Mensah"),
                                              QStringLiteral("kofi@example.org"), Alice,
                                              QStringLiteral("Holiday notes"),
                                              QStringLiteral("We land in Zanzibar on the 3rd."),
                                              now.addDays(-3), "<holiday@example.org>"),
                                  QStringLiteral("S")));
        m_expected[QStringLiteral("INBOX")] += 1;
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
    }

    void showsMailboxTreeAndMessageList()
    {
        TempDir profile;
        QVERIFY(!makeProfile(profile, QStringLiteral("Work"), Password).isEmpty());
        Workspace workspace(profile.path());
        MainWindow window(&workspace);
        window.resize(1100, 650);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy loaded(&workspace, &Workspace::messagesLoaded);
        auto *status = window.findChild<QLabel *>(QStringLiteral("statusLabel"));
        QVERIFY(status);
        workspace.connectAll();
        QVERIFY2(loaded.wait(WaitMs), qPrintable(status->text()));
        QCOMPARE(loaded.constFirst().at(1).toString(), QStringLiteral("INBOX"));

        auto *tree = window.findChild<QTreeView *>(QStringLiteral("mailboxView"));
        auto *list = window.findChild<QTreeView *>(QStringLiteral("messageView"));
        QVERIFY(tree && list);
        QAbstractItemModel *treeModel = tree->model();
        QCOMPARE(childLabels(treeModel, {}), QStringList{QStringLiteral("Alice Example")});
        const QModelIndex account = treeModel->index(0, 0);
        const QStringList top = childLabels(treeModel, account);
        QCOMPARE(top.mid(0, 6), (QStringList{QStringLiteral("Inbox"), QStringLiteral("Drafts"),
                                             QStringLiteral("Sent"), QStringLiteral("Archive"),
                                             QStringLiteral("Junk"), QStringLiteral("Trash")}));
        QVERIFY2(top.contains(QStringLiteral("Shared")), qPrintable(top.join(u',')));
        const QModelIndex shared =
            treeModel->index(int(top.indexOf(QStringLiteral("Shared"))), 0, account);
        const QModelIndex bob = treeModel->index(0, 0, shared);
        QCOMPARE(bob.data().toString(), Bob);
        QCOMPARE(treeModel->index(0, 0, bob).data().toString(), QStringLiteral("Team"));
        // The tree counts unread mail (STATUS for every mailbox, the cache for the open one).
        QVERIFY(m_unread.value(QStringLiteral("INBOX")) > 0);
        QTRY_COMPARE(tree->currentIndex().data(MailboxTreeModel::UnreadRole).toInt(),
                     m_unread.value(QStringLiteral("INBOX")));
        QCOMPARE(tree->currentIndex().data().toString(),
                 QStringLiteral("Inbox (%1)").arg(m_unread.value(QStringLiteral("INBOX"))));

        // Every INBOX message is a row, newest first.
        QAbstractItemModel *rows = list->model();
        QCOMPARE(countMessages(rows), m_expected.value(QStringLiteral("INBOX")));
        QVERIFY(!rows->index(0, 1).data().toString().isEmpty());
        QVERIFY2(status->text().contains(QString::number(countMessages(rows))),
                 qPrintable(status->text()));
        screenshot(&window, QStringLiteral("mainwindow-inbox.png"));

        // New mail shows up by itself: the IDLE session reports it, no polling.
        // Let every sync started so far finish, so only IDLE can bring the next update.
        QTest::qWait(1500);
        const int before = countMessages(rows);
        loaded.clear();
        QElapsedTimer clock;
        clock.start();
        QVERIFY(m_dovecot.deliver(
            Alice, QStringLiteral("INBOX"),
            MailGenerator(QStringLiteral("Alice"), Alice)
                .message(QStringLiteral("Newcomer"), QStringLiteral("new@example.org"), Alice,
                         QStringLiteral("Fresh off the wire"), QStringLiteral("hi"),
                         QDateTime::currentDateTimeUtc(), "<fresh@x>")));
        QVERIFY(loaded.wait(WaitMs));
        qInfo("new mail on screen %lld ms after delivery", qlonglong(clock.elapsed()));
        QCOMPARE(countMessages(rows), before + 1);
        QCOMPARE(rows->index(0, 1).data().toString(), QStringLiteral("Fresh off the wire"));
        m_expected[QStringLiteral("INBOX")] += 1;

        // Clicking another mailbox shows its messages.
        const QModelIndex sent =
            treeModel->index(int(top.indexOf(QStringLiteral("Sent"))), 0, account);
        loaded.clear();
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(sent).center());
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(loaded.constFirst().at(1).toString(), QStringLiteral("Sent"));
        QCOMPARE(countMessages(rows), m_expected.value(QStringLiteral("Sent")));

        // And the one bob shares.
        tree->expand(shared);
        tree->expand(bob);
        loaded.clear();
        tree->setCurrentIndex(treeModel->index(0, 0, bob));
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(rows->rowCount(), 1);
        QCOMPARE(rows->index(0, 1).data().toString(), QStringLiteral("Team agenda"));
        screenshot(&window, QStringLiteral("mainwindow-shared.png"));
    }

    void viewerBlocksRemoteContentUntilAllowed()
    {
        OpenWindow open;
        QVERIFY(openInbox(open, QStringLiteral("Reader")));
        Workspace &workspace = *open.workspace;
        MainWindow &window = *open.window;
        auto *list = window.findChild<QTreeView *>(QStringLiteral("messageView"));
        auto *viewer = window.findChild<MessageViewer *>(QStringLiteral("viewer"));
        QVERIFY(list && viewer);
        auto *bar = viewer->findChild<QWidget *>(QStringLiteral("remoteContentBar"));
        auto *loadOnce = viewer->findChild<QPushButton *>(QStringLiteral("loadOnceButton"));
        auto *always = viewer->findChild<QPushButton *>(QStringLiteral("alwaysLoadButton"));
        QVERIFY(bar && loadOnce && always);
        const QModelIndex news = findSubject(list->model(), NewsletterSubject);
        QVERIFY(news.isValid());
        const QModelIndex other = list->model()->index(news.row() == 0 ? 1 : 0, 0);
        QSignalSpy rendered(viewer, &MessageViewer::rendered);
        const int hitsBefore = m_trackerHits;

        // Opened: the page shows, the bar says what was blocked, and nothing reached the
        // tracker. The attachment is listed in the header.
        list->setCurrentIndex(news);
        QVERIFY(rendered.wait(WaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), WaitMs);
        QCOMPARE(m_trackerHits, hitsBefore);
        const QString text = pageText(viewer->page());
        QVERIFY2(text.contains(QLatin1String("Hello Alice, here are the pictures.")),
                 qPrintable(text));
        // The headers are the viewer's own widgets, out of the sender's page.
        auto *header = viewer->findChild<QLabel *>(QStringLiteral("messageHeader"));
        QVERIFY(header);
        QVERIFY2(header->text().contains(QLatin1String("budget.csv")), qPrintable(header->text()));
        QVERIFY(header->text().contains(NewsletterSender));
        QVERIFY(!text.contains(NewsletterSender));
        QVERIFY(always->text().contains(NewsletterSender));
        // Opened means read: the list says so at once (the server follows via the queue).
        QTRY_VERIFY_WITH_TIMEOUT(!findSubject(list->model(), NewsletterSubject)
                                      .data(MessageListModel::UnreadRole)
                                      .toBool(),
                                 WaitMs);
        screenshot(&window, QStringLiteral("viewer-remote-blocked.png"));

        // Load once: the remote parts are requested now...
        loadOnce->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_trackerHits > hitsBefore, WaitMs);
        QVERIFY(!bar->isVisible());
        // ...and only this once: the next time the message opens, they are blocked again.
        list->setCurrentIndex(other);
        list->setCurrentIndex(news);
        rendered.clear();
        QVERIFY(rendered.wait(WaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), WaitMs);
        QVERIFY(!workspace.remoteContentAllowed(NewsletterSender));

        // Always for this sender: remembered in the profile, so it loads without asking.
        const int hitsBeforeAlways = m_trackerHits;
        always->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_trackerHits > hitsBeforeAlways, WaitMs);
        QVERIFY(workspace.remoteContentAllowed(NewsletterSender));
        const int hitsBeforeReopen = m_trackerHits;
        list->setCurrentIndex(other);
        list->setCurrentIndex(news);
        QTRY_VERIFY_WITH_TIMEOUT(m_trackerHits > hitsBeforeReopen, WaitMs);
        QVERIFY(!bar->isVisible());

        // All headers: the raw header block, as sent.
        auto *allHeaders = viewer->findChild<QToolButton *>(QStringLiteral("allHeadersButton"));
        QVERIFY(allHeaders);
        auto *rawView = viewer->findChild<QPlainTextEdit *>(QStringLiteral("rawHeaders"));
        QVERIFY(rawView && !rawView->isVisible());
        allHeaders->click();
        QVERIFY(rawView->isVisible());
        QVERIFY2(
            rawView->toPlainText().contains(QLatin1String("Message-ID: <offsite@example.org>")),
            qPrintable(rawView->toPlainText()));
        allHeaders->click();
        QVERIFY(!rawView->isVisible());

        // The body was cached when first opened: it opens again without the server.
        Database db(cacheDatabasePath(open.profile.path()));
        QVERIFY(!db.open().isError());
        MessageCache cache(db);
        const qint64 mailboxId = cache.state(QStringLiteral("Reader"), QStringLiteral("INBOX")).id;
        const auto raw =
            BodyCache(db).raw(mailboxId, news.data(MessageListModel::UidRole).toLongLong());
        QVERIFY(raw.has_value());
        QVERIFY(raw->contains("Hello Alice"));
    }

    void searchFindsLocalAndServerMatches()
    {
        OpenWindow open;
        QVERIFY(openInbox(open, QStringLiteral("Searcher")));
        Workspace &workspace = *open.workspace;
        MainWindow &window = *open.window;
        auto *list = window.findChild<QTreeView *>(QStringLiteral("messageView"));
        auto *field = window.findChild<QLineEdit *>(QStringLiteral("searchField"));
        QVERIFY(list && field);
        const int all = countMessages(list->model());
        QSignalSpy updated(&workspace, &Workspace::searchUpdated);
        auto waitForServer = [&] {
            return QTest::qWaitFor(
                [&] { return !updated.isEmpty() && updated.constLast().at(2).toBool(); }, WaitMs);
        };

        // Subjects are in the local index: found before the server answers.
        QTest::keyClicks(field, QStringLiteral("offsi"));
        QVERIFY(updated.wait(WaitMs));
        QCOMPARE(updated.constFirst().at(2).toBool(), false);
        QVERIFY(findSubject(list->model(), NewsletterSubject).isValid());
        QVERIFY(countMessages(list->model()) < all);
        QVERIFY(waitForServer());

        // A word only in a body that was never downloaded: the server's SEARCH finds it.
        updated.clear();
        field->clear();
        QTest::keyClicks(field, QStringLiteral("zanzibar"));
        QVERIFY(waitForServer());
        QCOMPARE(countMessages(list->model()), 1);
        QCOMPARE(list->model()->index(0, 1).data().toString(), QStringLiteral("Holiday notes"));
        auto *status = window.findChild<QLabel *>(QStringLiteral("statusLabel"));
        QVERIFY2(status->text().startsWith(QLatin1String("1 message")) &&
                     status->text().contains(QStringLiteral("“zanzibar”")),
                 qPrintable(status->text()));
        screenshot(&window, QStringLiteral("mainwindow-search.png"));

        // Cleared: everything again.
        field->clear();
        QTRY_COMPARE_WITH_TIMEOUT(countMessages(list->model()), all, WaitMs);
    }

    void wrongPasswordIsShownNotHidden()
    {
        TempDir profile;
        QVERIFY(!makeProfile(profile, QStringLiteral("Broken"), QStringLiteral("wrong")).isEmpty());
        Workspace workspace(profile.path());
        MainWindow window(&workspace);
        window.resize(900, 500);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy failed(&workspace, &Workspace::accountFailed);
        workspace.connectAll();
        QVERIFY(failed.wait(WaitMs));
        auto *status = window.findChild<QLabel *>(QStringLiteral("statusLabel"));
        QVERIFY2(status->text().contains(QLatin1String("rejected")), qPrintable(status->text()));
        QVERIFY(status->text().contains(Alice));
        auto *tree = window.findChild<QTreeView *>(QStringLiteral("mailboxView"));
        QVERIFY(tree->model()
                    ->index(0, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("rejected")));
        screenshot(&window, QStringLiteral("mainwindow-wrong-password.png"));
    }

private:
    KeyringSession m_keyring;
    DovecotServer m_dovecot;
    QHash<QString, int> m_expected;
    QHash<QString, int> m_unread;
    QTcpServer m_tracker;
    int m_trackerHits = 0;
};

TIDINGS_GUI_TEST_MAIN(TestMainWindow)

#include "test_mainwindow.moc"
