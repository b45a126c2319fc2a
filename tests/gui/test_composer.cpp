// SPDX-License-Identifier: GPL-3.0-or-later
// Writing mail as a user does in the main window, against real Dovecot and Postfix, in Xvfb:
// a new message with the forgotten-attachment question, a profile switch to a boss's shared
// INBOX, and a reply that picks the delegated identity by itself and goes out on behalf.
#include "composerscene.h"
#include "fixtures/dovecotserver.h"
#include "fixtures/keyringsession.h"
#include "fixtures/mailgenerator.h"
#include "fixtures/postfixserver.h"
#include "fixtures/tempdir.h"
#include "fixtures/xvfbserver.h"
#include "gui/composerwindow.h"
#include "gui/mainwindow.h"
#include "gui/messagepage.h"
#include "gui/messageviewer.h"
#include "guitest.h"
#include "models/draftautosaver.h"
#include "models/workspace.h"
#include "store/accountstore.h"
#include "store/configdir.h"
#include "store/database.h"
#include "store/draftstore.h"
#include "store/identitystore.h"
#include "store/profilestore.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>
#include <QTreeView>

using namespace Tidings;
using namespace TidingsTest;
using namespace TidingsTest::Composer;

class TestComposer : public QObject, private ComposerScene
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { closeLeftovers(); }

    void initTestCase()
    {
        const QString error = setUp();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void newMessageAsksAboutAForgottenAttachment()
    {
        ComposerWindow *composer =
            composerAfter(m_window->findChild<QAction *>(QStringLiteral("writeAction")));
        QVERIFY(composer);
        QStringList questions;
        bool answer = false;
        composer->setQuestionHandler([&](const QString &q) {
            questions.append(q);
            return answer;
        });
        auto *from = composer->findChild<QComboBox *>(QStringLiteral("fromField"));
        QCOMPARE(from->currentData().toString(), QStringLiteral("work:") + Assistant);
        auto *body = composer->findChild<QTextEdit *>(QStringLiteral("bodyField"));
        // The identity's signature is in the text, after the separator.
        QVERIFY2(body->toPlainText().endsWith(QLatin1String("-- \nAnn")),
                 qPrintable(body->toPlainText()));
        QTest::keyClicks(composer->findChild<QLineEdit *>(QStringLiteral("toField")),
                         QStringLiteral("Bob <") + Bob + QLatin1Char('>'));
        QTest::keyClicks(composer->findChild<QLineEdit *>(QStringLiteral("subjectField")),
                         QStringLiteral("Slides"));
        body->moveCursor(QTextCursor::Start);
        QTest::keyClicks(body, QStringLiteral("Hi Bob, the slides are attached."));
        screenshot(composer, QStringLiteral("composer-new.png"));

        QSignalSpy closed(composer, &QObject::destroyed);
        composer->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
        QCOMPARE(questions.size(), 1);
        QVERIFY(questions.constFirst().contains(QLatin1String("attachment")));
        QVERIFY(closed.isEmpty()); // "no" keeps the window open, nothing sent

        TempDir files;
        const QString slides = files.filePath(QStringLiteral("slides.pdf"));
        QFile f(slides);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(3000, 'x'));
        f.close();
        composer->addAttachmentFiles({slides});
        auto *list = composer->findChild<QListWidget *>(QStringLiteral("attachmentList"));
        QCOMPARE(list->count(), 1);
        QVERIFY2(list->item(0)->text().contains(QLatin1String("slides.pdf")),
                 qPrintable(list->item(0)->text()));
        screenshot(composer, QStringLiteral("composer-attachment.png"));
        composer->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
        QCOMPARE(questions.size(), 1); // nothing to ask now
        QVERIFY(waitForSent(QStringLiteral("Slides")));
        const QList<QByteArray> delivered = messagesWith(Bob, QStringLiteral("INBOX"), "Slides");
        QCOMPARE(delivered.size(), 1);
        QVERIFY(delivered.constFirst().contains("slides.pdf"));
        QVERIFY(!delivered.constFirst().contains("Sender:"));
        QCOMPARE(messagesWith(Assistant, QStringLiteral("Sent"), "Slides").size(), 1);
    }

    void formattedTextGoesOutAsHtmlNextToPlainText()
    {
        ComposerWindow *composer =
            composerAfter(m_window->findChild<QAction *>(QStringLiteral("writeAction")));
        QVERIFY(composer);
        composer->setQuestionHandler([](const QString &) { return true; });
        QTest::keyClicks(composer->findChild<QLineEdit *>(QStringLiteral("toField")), Bob);
        QTest::keyClicks(composer->findChild<QLineEdit *>(QStringLiteral("subjectField")),
                         QStringLiteral("Formatted"));
        auto *bold = composer->findChild<QToolButton *>(QStringLiteral("boldButton"));
        QVERIFY(!bold->isEnabled()); // plain text until formatting is switched on
        composer->findChild<QCheckBox *>(QStringLiteral("htmlToggle"))->setChecked(true);
        QVERIFY(bold->isEnabled());
        auto *body = composer->findChild<QTextEdit *>(QStringLiteral("bodyField"));
        body->moveCursor(QTextCursor::Start);
        bold->setChecked(true);
        QTest::keyClicks(body, QStringLiteral("Important"));
        bold->setChecked(false);
        QTest::keyClicks(body, QStringLiteral(" and plain."));
        screenshot(composer, QStringLiteral("composer-formatted.png"));
        composer->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
        QVERIFY(waitForSent(QStringLiteral("Formatted")));
        const QList<QByteArray> delivered = messagesWith(Bob, QStringLiteral("INBOX"), "Formatted");
        QCOMPARE(delivered.size(), 1);
        const QByteArray &m = delivered.constFirst();
        QVERIFY(m.contains("multipart/alternative"));
        QVERIFY(m.contains("text/plain"));
        QVERIFY(m.contains("text/html"));
        QVERIFY2(m.contains("font-weight") || m.contains("<b>"), m.constData());
    }

    void filesDroppedOnTheTextAreAttachedAndPastRecipientsComplete()
    {
        ComposerWindow *composer =
            composerAfter(m_window->findChild<QAction *>(QStringLiteral("writeAction")));
        QVERIFY(composer);
        // Bob was written to before: two letters offer him.
        auto *to = composer->findChild<QLineEdit *>(QStringLiteral("toField"));
        to->setFocus();
        QTest::keyClicks(to, QStringLiteral("bo"));
        auto *completer = to->findChild<QCompleter *>();
        QVERIFY(completer);
        QAbstractItemView *popup = completer->popup();
        QTRY_VERIFY(popup->isVisible());
        QVERIFY(popup->model()->rowCount() >= 1);
        QVERIFY2(popup->model()->index(0, 0).data().toString().contains(Bob),
                 qPrintable(popup->model()->index(0, 0).data().toString()));
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        QTRY_VERIFY2(to->text().contains(Bob), qPrintable(to->text()));

        TempDir files;
        const QString path = files.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("notes\n");
        f.close();
        auto *body = composer->findChild<QTextEdit *>(QStringLiteral("bodyField"));
        const QString before = body->toPlainText();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        const QPoint at = body->viewport()->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(body->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(body->viewport(), &drop);
        auto *list = composer->findChild<QListWidget *>(QStringLiteral("attachmentList"));
        QCOMPARE(list->count(), 1);
        QVERIFY(list->item(0)->text().startsWith(QLatin1String("notes.txt (")));
        QCOMPARE(body->toPlainText(), before); // attached, not pasted as a path
        composer->close();
    }

    void draftIsSavedToDraftsAndContinuedFromThere()
    {
        ComposerWindow *composer =
            composerAfter(m_window->findChild<QAction *>(QStringLiteral("writeAction")));
        QVERIFY(composer && composer->autosaver());
        QTest::keyClicks(composer->findChild<QLineEdit *>(QStringLiteral("toField")), Bob);
        QTest::keyClicks(composer->findChild<QLineEdit *>(QStringLiteral("subjectField")),
                         QStringLiteral("Unfinished thoughts"));
        auto *body = composer->findChild<QTextEdit *>(QStringLiteral("bodyField"));
        body->moveCursor(QTextCursor::Start);
        QTest::keyClicks(body, QStringLiteral("First version."));
        QSignalSpy uploaded(composer->autosaver(), &DraftAutosaver::savedToServer);
        QSignalSpy failed(composer->autosaver(), &DraftAutosaver::serverSaveFailed);
        QTest::keyClick(composer, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(QTest::qWaitFor([&] { return !uploaded.isEmpty() || !failed.isEmpty(); }, WaitMs));
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<Error>().message));
        const qint64 draftId = composer->autosaver()->draftId();
        QCOMPARE(messagesWith(Assistant, QStringLiteral("Drafts"), "First version.").size(), 1);
        composer->close();
        QTRY_COMPARE_WITH_TIMEOUT(
            messagesWith(Assistant, QStringLiteral("Drafts"), "Written before a crash").size(), 1,
            WaitMs);

        // In the Drafts mailbox, Enter on the draft continues it in a composer.
        auto *tree = m_window->findChild<QTreeView *>(QStringLiteral("mailboxView"));
        auto *list = m_window->findChild<QTreeView *>(QStringLiteral("messageView"));
        tree->setCurrentIndex(m_workspace->visibleMailboxes()->mailboxIndex(
            QStringLiteral("work"), QStringLiteral("Drafts")));
        // Also there: the draft recovered at start and the one the drop test closed.
        auto findRows = [list] {
            return list->model()->match(list->model()->index(0, MessageListModel::SubjectColumn),
                                        Qt::DisplayRole, QStringLiteral("Unfinished thoughts"));
        };
        QTRY_VERIFY_WITH_TIMEOUT(!findRows().isEmpty(), WaitMs);
        auto *viewer = m_window->findChild<MessageViewer *>(QStringLiteral("viewer"));
        QSignalSpy rendered(viewer, &MessageViewer::rendered);
        const QModelIndexList rows = findRows();
        QCOMPARE(rows.size(), 1);
        list->setCurrentIndex(rows.constFirst().siblingAtColumn(0));
        QVERIFY(rendered.wait(WaitMs));
        ComposerWindow *again =
            composerAfter([&] { Q_EMIT list->activated(list->currentIndex()); });
        QVERIFY(again);
        QCOMPARE(again->autosaver()->draftId(), draftId); // the same draft, not a copy
        QCOMPARE(again->findChild<QLineEdit *>(QStringLiteral("subjectField"))->text(),
                 QStringLiteral("Unfinished thoughts"));
        auto *againBody = again->findChild<QTextEdit *>(QStringLiteral("bodyField"));
        QVERIFY(againBody->toPlainText().startsWith(QLatin1String("First version.")));
        againBody->moveCursor(QTextCursor::End);
        QTest::keyClicks(againBody, QStringLiteral(" Second version."));
        QSignalSpy uploadedAgain(again->autosaver(), &DraftAutosaver::savedToServer);
        QTest::keyClick(again, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(uploadedAgain.wait(WaitMs));
        // The server keeps one draft: the new version replaced the old one.
        // The old version goes right after the new one is stored.
        QTRY_COMPARE_WITH_TIMEOUT(
            messagesWith(Assistant, QStringLiteral("Drafts"), "Unfinished thoughts").size(), 1,
            WaitMs);
        QCOMPARE(messagesWith(Assistant, QStringLiteral("Drafts"), "Second version.").size(), 1);
        // Closed right after typing: the last words still reach Drafts.
        QTest::keyClicks(againBody, QStringLiteral(" Third version."));
        again->close();
        QTRY_COMPARE_WITH_TIMEOUT(
            messagesWith(Assistant, QStringLiteral("Drafts"), "Third version.").size(), 1, WaitMs);
        // The old version goes right after the new one is stored.
        QTRY_COMPARE_WITH_TIMEOUT(
            messagesWith(Assistant, QStringLiteral("Drafts"), "Unfinished thoughts").size(), 1,
            WaitMs);
        tree->setCurrentIndex(m_workspace->visibleMailboxes()->mailboxIndex(
            QStringLiteral("work"), QStringLiteral("INBOX")));
    }

    void refusedMessageIsKeptAndCanBeEditedFromTheOutbox()
    {
        ComposerWindow *composer =
            composerAfter(m_window->findChild<QAction *>(QStringLiteral("writeAction")));
        QVERIFY(composer);
        composer->setQuestionHandler([](const QString &) { return true; });
        auto *from = composer->findChild<QComboBox *>(QStringLiteral("fromField"));
        from->setCurrentIndex(from->findData(QStringLiteral("work:") + Sales));
        QTest::keyClicks(composer->findChild<QLineEdit *>(QStringLiteral("toField")), Bob);
        QTest::keyClicks(composer->findChild<QLineEdit *>(QStringLiteral("subjectField")),
                         QStringLiteral("Offer"));
        auto *body = composer->findChild<QTextEdit *>(QStringLiteral("bodyField"));
        body->moveCursor(QTextCursor::Start);
        QTest::keyClicks(body, QStringLiteral("Our offer stands."));
        QSignalSpy changed(m_workspace.get(), &Workspace::outboxChanged);
        composer->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &a) {
                    return a.at(0).value<OutboxEntry>().state == OutboxState::Failed;
                });
            },
            WaitMs));
        // The cause names the identity and the server's reply; the window says so too.
        auto *status = m_window->findChild<QLabel *>(QStringLiteral("statusLabel"));
        QVERIFY2(status->text().contains(Sales), qPrintable(status->text()));
        auto *outbox = m_window->findChild<QAction *>(QStringLiteral("outboxAction"));
        QVERIFY2(outbox->text().contains(QLatin1String("(1)")), qPrintable(outbox->text()));
        outbox->trigger();
        auto *dialog = m_window->findChild<QDialog *>(QStringLiteral("outboxDialog"));
        QVERIFY(dialog && dialog->isVisible());
        auto *detail = dialog->findChild<QLabel *>(QStringLiteral("outboxDetail"));
        QVERIFY2(detail->text().contains(QLatin1String("must allow")), qPrintable(detail->text()));
        screenshot(dialog, QStringLiteral("outbox-refused.png"));

        // Edit takes it back into a composer with everything that was written.
        ComposerWindow *again = composerAfter(
            [&] { dialog->findChild<QPushButton *>(QStringLiteral("editButton"))->click(); });
        QVERIFY(again);
        again->setQuestionHandler([](const QString &) { return true; });
        QCOMPARE(again->findChild<QLineEdit *>(QStringLiteral("subjectField"))->text(),
                 QStringLiteral("Offer"));
        QVERIFY(again->findChild<QTextEdit *>(QStringLiteral("bodyField"))
                    ->toPlainText()
                    .contains(QLatin1String("Our offer stands.")));
        QCOMPARE(m_workspace->outboxEntries().size(), 0);
        auto *againFrom = again->findChild<QComboBox *>(QStringLiteral("fromField"));
        againFrom->setCurrentIndex(againFrom->findData(QStringLiteral("work:") + Assistant));
        again->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
        QVERIFY(waitForSent(QStringLiteral("Offer")));
        const QList<QByteArray> delivered = messagesWith(Bob, QStringLiteral("INBOX"), "Offer");
        QCOMPARE(delivered.size(), 1);
        QVERIFY(delivered.constFirst().contains("Our offer stands."));
        QVERIFY(!delivered.constFirst().contains(Sales.toUtf8()));
        dialog->close();
    }

    void aDraftWaitingInTheOutboxIsNotQueuedTwice()
    {
        m_postfix->setRecipientAnswer(Later, QStringLiteral("450 4.2.0 try again later"));
        ComposerWindow *composer =
            composerAfter(m_window->findChild<QAction *>(QStringLiteral("writeAction")));
        QVERIFY(composer && composer->autosaver());
        composer->setQuestionHandler([](const QString &) { return true; });
        QTest::keyClicks(composer->findChild<QLineEdit *>(QStringLiteral("toField")), Later);
        QTest::keyClicks(composer->findChild<QLineEdit *>(QStringLiteral("subjectField")),
                         QStringLiteral("Greylisted"));
        QSignalSpy changed(m_workspace.get(), &Workspace::outboxChanged);
        const Draft first = composer->draft();
        composer->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &a) {
                    const auto e = a.at(0).value<OutboxEntry>();
                    return e.state == OutboxState::Queued && !e.lastError.isEmpty();
                });
            },
            WaitMs));
        QList<OutboxEntry> waiting = m_workspace->outboxEntries();
        QCOMPARE(waiting.size(), 1);
        QVERIFY2(waiting.constFirst().lastError.contains(QLatin1String("try again later")),
                 qPrintable(waiting.constFirst().lastError));
        // The same draft sent again (say, continued from Drafts) replaces the waiting one.
        Draft again = first;
        again.id = waiting.constFirst().draftId;
        again.plainBody = QStringLiteral("Second attempt.");
        QVERIFY(!m_workspace->send(again).isError());
        waiting = m_workspace->outboxEntries();
        QCOMPARE(waiting.size(), 1);
        QVERIFY(waiting.constFirst().mime.contains("Second attempt."));
        QVERIFY(!m_workspace->discardSend(waiting.constFirst().id).isError());
        QCOMPARE(m_workspace->outboxEntries().size(), 0);
    }

    void profileSwitchShowsTheBossInbox()
    {
        auto *tree = m_window->findChild<QTreeView *>(QStringLiteral("mailboxView"));
        QSignalSpy loaded(m_workspace.get(), &Workspace::messagesLoaded);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier); // the second profile
        QCOMPARE(m_workspace->profileName(), QStringLiteral("Boss"));
        auto *selector = m_window->findChild<QComboBox *>(QStringLiteral("profileSelector"));
        QCOMPARE(selector->currentText(), QStringLiteral("Boss"));
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->selectedMailbox(),
                                  QStringLiteral("Shared/%1/INBOX").arg(Boss), WaitMs);
        QVERIFY(loaded.wait(WaitMs) || !loaded.isEmpty());
        // Only the boss's INBOX (and the folders above it) is in the tree.
        QStringList shown;
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            for (int r = 0; r < tree->model()->rowCount(parent); ++r) {
                const QModelIndex i = tree->model()->index(r, 0, parent);
                shown.append(i.data(MailboxTreeModel::MailboxPathRole).toString());
                walk(i);
            }
        };
        walk({});
        QVERIFY2(!shown.contains(QStringLiteral("Sent")), qPrintable(shown.join(u',')));
        QVERIFY(shown.contains(QStringLiteral("Shared/%1/INBOX").arg(Boss)));
        auto *list = m_window->findChild<QTreeView *>(QStringLiteral("messageView"));
        QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 1, WaitMs);
        screenshot(m_window.get(), QStringLiteral("profile-boss.png"));
    }

    void replyPicksTheIdentityTheMessageWasAddressedTo()
    {
        auto *list = m_window->findChild<QTreeView *>(QStringLiteral("messageView"));
        auto *viewer = m_window->findChild<MessageViewer *>(QStringLiteral("viewer"));
        QSignalSpy rendered(viewer, &MessageViewer::rendered);
        list->setCurrentIndex(list->model()->index(0, 0));
        QVERIFY(rendered.wait(WaitMs));
        auto *reply = m_window->findChild<QAction *>(QStringLiteral("replyAction"));
        QTRY_VERIFY(reply->isEnabled());
        ComposerWindow *composer = composerAfter(reply);
        QVERIFY(composer);
        composer->setQuestionHandler([](const QString &q) {
            qWarning("unexpected question: %s", qPrintable(q));
            return false;
        });
        // Addressed to the boss: the reply is written as the boss (on behalf), to Bob.
        auto *from = composer->findChild<QComboBox *>(QStringLiteral("fromField"));
        QCOMPARE(from->currentData().toString(), QStringLiteral("work:") + Boss);
        QVERIFY(from->currentText().contains(QLatin1String("on behalf")));
        QVERIFY(composer->findChild<QLineEdit *>(QStringLiteral("toField"))->text().contains(Bob));
        QCOMPARE(composer->findChild<QLineEdit *>(QStringLiteral("subjectField"))->text(),
                 QStringLiteral("Re: Budget 2027"));
        auto *body = composer->findChild<QTextEdit *>(QStringLiteral("bodyField"));
        QVERIFY2(body->toPlainText().contains(QLatin1String("> Can we meet on Monday")),
                 qPrintable(body->toPlainText()));
        QVERIFY(body->toPlainText().endsWith(QLatin1String("-- \nAnn, for the Boss")));
        body->moveCursor(QTextCursor::Start);
        QTest::keyClicks(body, QStringLiteral("Monday at 10 works. "));
        screenshot(composer, QStringLiteral("composer-reply-on-behalf.png"));
        composer->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
        QVERIFY(waitForSent(QStringLiteral("Re: Budget 2027")));

        const QList<QByteArray> delivered =
            messagesWith(Bob, QStringLiteral("INBOX"), "Re: Budget 2027");
        QCOMPARE(delivered.size(), 1);
        const QByteArray &m = delivered.constFirst();
        QVERIFY2(m.contains("From: The Boss <" + Boss.toUtf8() + ">"), m.constData());
        QVERIFY2(m.contains("Sender: Ann Assistant <" + Assistant.toUtf8() + ">"), m.constData());
        QVERIFY(m.contains("In-Reply-To: <budget@example.test>"));
        // The copy is in the boss's own Sent, through the shared namespace.
        QCOMPARE(messagesWith(Boss, QStringLiteral("Sent"), "Re: Budget 2027").size(), 1);
        QCOMPARE(messagesWith(Assistant, QStringLiteral("Sent"), "Re: Budget 2027").size(), 0);
    }

    void trayMenuSwitchesProfiles()
    {
        auto *menu = m_window->findChild<QMenu *>(QStringLiteral("trayMenu"));
        QVERIFY(menu);
        QAction *mine = nullptr;
        for (QAction *a : menu->actions()) {
            if (a->text() == QLatin1String("Mine"))
                mine = a;
        }
        QVERIFY(mine);
        QVERIFY(!mine->isChecked());
        mine->trigger();
        QCOMPARE(m_workspace->profileName(), QStringLiteral("Mine"));
        QVERIFY(mine->isChecked());
        QCOMPARE(m_window->findChild<QComboBox *>(QStringLiteral("profileSelector"))->currentText(),
                 QStringLiteral("Mine"));
    }
};

TIDINGS_GUI_TEST_MAIN(TestComposer)

#include "test_composer.moc"
