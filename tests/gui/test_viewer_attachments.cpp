// SPDX-License-Identifier: GPL-3.0-or-later
// The viewer on a big message from a real Dovecot: the text shows at once, the 5 MB attachment
// is listed with its size and stays on the server until saved; saving writes the original
// bytes; an attachment another client expunged meanwhile is an error and leaves no file.
#include "fixtures/accountsetup.h"
#include "fixtures/dovecotserver.h"
#include "fixtures/keyringsession.h"
#include "fixtures/tempdir.h"
#include "fixtures/verify.h"
#include "fixtures/xvfbserver.h"
#include "gui/mainwindow.h"
#include "gui/messagepage.h"
#include "gui/messageviewer.h"
#include "guitest.h"
#include "models/workspace.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QRandomGenerator>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Password = QStringLiteral("alice-pw");
constexpr int WaitMs = 60000;
constexpr qint64 AttachmentBytes = 5 * 1024 * 1024;

QByteArray bigMessage(const QByteArray &subject, const QByteArray &attachment)
{
    const QByteArray base64 = attachment.toBase64();
    QByteArray lines;
    for (qsizetype i = 0; i < base64.size(); i += 76)
        lines += base64.mid(i, 76) + "\r\n";
    return "From: Bob Fischer <bob@example.test>\r\nTo: " + Alice.toLatin1() +
           "\r\nSubject: " + subject +
           "\r\nDate: Fri, 04 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n\r\n"
           "Hi Alice, the scans of the survey are attached.\r\n"
           "--b\r\nContent-Type: application/pdf; name=\"scans.pdf\"\r\n"
           "Content-Disposition: attachment; filename=\"scans.pdf\"\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\n" +
           lines + "--b--\r\n";
}

QModelIndex findSubject(const QAbstractItemModel *model, const QString &subject)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 1).data().toString() == subject)
            return model->index(r, 0);
    }
    return {};
}

// Dismisses the warning the viewer shows on a failure (a modal box would block the test).
void closeWarningsLater(QObject *context)
{
    auto *timer = new QTimer(context);
    QObject::connect(timer, &QTimer::timeout, context, [] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible())
                box->close();
        }
    });
    timer->start(100);
}
} // namespace

class TestViewerAttachments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_keyring.start(), qPrintable(m_keyring.error()));
        m_dovecot.addUser(Alice, Password);
        m_attachment.resize(AttachmentBytes);
        QRandomGenerator generator(4122026);
        for (qint64 i = 0; i < AttachmentBytes; ++i)
            m_attachment[i] = char(generator.bounded(256));
        QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"),
                                  bigMessage("Survey scans", m_attachment)));
        QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"),
                                  bigMessage("Withdrawn scans", m_attachment)));
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
        Account a;
        a.name = QStringLiteral("work");
        a.email = Alice;
        a.displayName = QStringLiteral("Alice Example");
        a.imap = {QStringLiteral("127.0.0.1"), m_dovecot.imapPort(), Security::StartTls};
        a.caFile = m_dovecot.certificatePath();
        a.timeoutSeconds = 20;
        QVERIFY_OK(addAccountWithPassword(m_profile.path(), a, Password, WaitMs));
    }

    void attachmentWaitsOnTheServerUntilSaved()
    {
        Workspace workspace(m_profile.path());
        MainWindow window(&workspace);
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy loaded(&workspace, &Workspace::messagesLoaded);
        workspace.connectAll();
        QVERIFY(loaded.wait(WaitMs));
        auto *list = window.findChild<QTreeView *>(QStringLiteral("messageView"));
        auto *viewer = window.findChild<MessageViewer *>(QStringLiteral("viewer"));
        QVERIFY(list && viewer);
        QSignalSpy rendered(viewer, &MessageViewer::rendered);
        const QModelIndex survey = findSubject(list->model(), QStringLiteral("Survey scans"));
        QVERIFY(survey.isValid());
        list->setCurrentIndex(survey);
        QVERIFY(rendered.wait(WaitMs));
        QVERIFY(pageText(viewer->page()).contains(QLatin1String("the scans of the survey")));
        auto *header = viewer->findChild<QLabel *>(QStringLiteral("messageHeader"));
        QVERIFY(header);
        // Listed before it is here: name, decoded size, and where it is.
        QVERIFY2(header->text().contains(QLatin1String("scans.pdf")), qPrintable(header->text()));
        QVERIFY2(header->text().contains(QLatin1String("5 MB, on the server")) ||
                     header->text().contains(QLatin1String("5.0 MB, on the server")),
                 qPrintable(header->text()));
        QVERIFY(!viewer->document()->attachments().at(0).isDownloaded());
        screenshot(&window, QStringLiteral("viewer-attachment-on-server.png"));

        // Save: downloaded now, busy meanwhile, written whole.
        TempDir downloads;
        const QString path = QDir(downloads.path()).filePath(QStringLiteral("scans.pdf"));
        QSignalSpy saved(viewer, &MessageViewer::attachmentSaved);
        QSignalSpy failed(viewer, &MessageViewer::attachmentFailed);
        auto *bar = viewer->findChild<QWidget *>(QStringLiteral("downloadBar"));
        QVERIFY(bar);
        viewer->saveAttachmentTo(0, path);
        QVERIFY(bar->isVisible());
        QVERIFY(QTest::qWaitFor([&] { return !saved.isEmpty() || !failed.isEmpty(); }, WaitMs));
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(!bar->isVisible());
        // Now here: the header no longer says "on the server".
        QVERIFY2(!header->text().contains(QLatin1String("on the server")),
                 qPrintable(header->text()));
        screenshot(&window, QStringLiteral("viewer-attachment-saved.png"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll() == m_attachment);

        // Expunged by another client before Save: a clear error, and no file at all.
        const QModelIndex withdrawn = findSubject(list->model(), QStringLiteral("Withdrawn scans"));
        QVERIFY(withdrawn.isValid());
        rendered.clear();
        list->setCurrentIndex(withdrawn);
        QVERIFY(rendered.wait(WaitMs));
        QTRY_VERIFY_WITH_TIMEOUT(viewer->document() && viewer->document()->subject() ==
                                                           QLatin1String("Withdrawn scans"),
                                 WaitMs);
        const qint64 uid = list->currentIndex().data(MessageListModel::UidRole).toLongLong();
        QString out;
        QVERIFY2(m_dovecot.doveadm({QStringLiteral("expunge"), QStringLiteral("-u"), Alice,
                                    QStringLiteral("mailbox"), QStringLiteral("INBOX"),
                                    QStringLiteral("uid"), QString::number(uid)},
                                   &out),
                 qPrintable(out));
        closeWarningsLater(this);
        const QString lost = QDir(downloads.path()).filePath(QStringLiteral("withdrawn.pdf"));
        saved.clear();
        viewer->saveAttachmentTo(0, lost);
        QVERIFY(QTest::qWaitFor([&] { return !saved.isEmpty() || !failed.isEmpty(); }, WaitMs));
        QCOMPARE(saved.size(), 0);
        const QString message = failed.constFirst().at(0).toString();
        qInfo("shown: %s", qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("no longer on the server")), qPrintable(message));
        QVERIFY(!QFile::exists(lost));
        QCOMPARE(QDir(downloads.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("scans.pdf")});
    }

private:
    // From the X server, not QWidget::grab(): the page is drawn by Chromium, which grab()
    // does not see. A moment first for its frame to reach the screen (a picture, not a check).
    static void screenshot(QWidget *w, const QString &name)
    {
        QTest::qWait(500);
        const QString dir = QStringLiteral(TIDINGS_BUILD_DIR "/screenshots");
        QDir().mkpath(dir);
        QVERIFY(w->screen()->grabWindow(w->winId()).save(dir + QLatin1Char('/') + name));
    }

    KeyringSession m_keyring;
    DovecotServer m_dovecot;
    TempDir m_profile;
    QByteArray m_attachment;
};

TIDINGS_GUI_TEST_MAIN(TestViewerAttachments)

#include "test_viewer_attachments.moc"
