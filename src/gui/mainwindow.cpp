// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/mainwindow.h"
#include "gui/composerwindow.h"
#include "gui/outboxdialog.h"
#include "models/draftautosaver.h"
#include "ui_mainwindow.h"

#include "gui/messageactions.h"
#include "gui/messageviewer.h"
#include "gui/trayicon.h"
#include "models/workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QShortcut>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace Tidings {

namespace {
// A message list is read, not edited: the subject gets the room, the rest fits its text.
constexpr int MailboxPaneWidth = 260;
constexpr int MessagePaneWidth = 940;
// The list keeps room for a dozen rows; the message gets the rest.
constexpr int ListPaneHeight = 280;
constexpr int ViewerPaneHeight = 480;
// Searching on every keystroke would send the server a SEARCH per letter.
constexpr int SearchDelayMs = 250;
// Ctrl+1…9: the digits a keyboard has.
constexpr int MaxProfileShortcuts = 9;
} // namespace

MainWindow::MainWindow(Workspace *workspace, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_workspace(workspace)
    , m_statusLabel(new QLabel(this))
{
    m_ui->setupUi(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_statusLabel, 1);

    m_ui->mailboxView->setModel(workspace->visibleMailboxes());
    m_ui->messageView->setModel(workspace->messages());
    QHeaderView *header = m_ui->messageView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(MessageListModel::FlagColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(MessageListModel::SubjectColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(MessageListModel::FromColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(MessageListModel::DateColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(MessageListModel::AccountColumn, QHeaderView::ResizeToContents);
    header->resizeSection(MessageListModel::FromColumn, 220);
    // Which account a message belongs to matters only when the list shows several.
    header->setSectionHidden(MessageListModel::AccountColumn, true);
    m_ui->messageView->sortByColumn(MessageListModel::DateColumn, Qt::DescendingOrder);
    m_ui->splitter->setSizes({MailboxPaneWidth, MessagePaneWidth});
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->readingSplitter->setSizes({ListPaneHeight, ViewerPaneHeight});
    m_ui->readingSplitter->setStretchFactor(1, 1);

    MessageViewer *viewer = m_ui->viewer;
    viewer->setTrustCheck(
        [workspace](const QString &email) { return workspace->remoteContentAllowed(email); });
    viewer->setAttachmentLoader([workspace](const QByteArray &section, QObject *context,
                                            MessageViewer::AttachmentDone done) {
        workspace->fetchAttachment(section, context, std::move(done));
    });
    connect(viewer, &MessageViewer::trustSenderRequested, workspace,
            &Workspace::allowRemoteContent);
    connect(m_ui->messageView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onMessageActivated);
    connect(workspace, &Workspace::messageOpened, this,
            [this, viewer](const MessageKey &key, std::shared_ptr<const MessageDocument> document) {
                viewer->showMessage(std::move(document));
                // Shown means read, as in every mail client (U marks it unread again); a
                // message that could not be shown stays unread.
                const QModelIndex current = m_ui->messageView->currentIndex();
                if (key == m_shownKey && MessageListModel::keyOf(current) == key &&
                    current.data(MessageListModel::UnreadRole).toBool())
                    m_workspace->markOpenedRead(key);
            });
    auto *searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(SearchDelayMs);
    connect(m_ui->searchField, &QLineEdit::textChanged, searchDelay,
            static_cast<void (QTimer::*)()>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this,
            [this] { m_workspace->search(m_ui->searchField->text()); });
    connect(new QShortcut(QKeySequence::Find, this), &QShortcut::activated, this, [this] {
        m_ui->searchField->setFocus();
        m_ui->searchField->selectAll();
    });
    connect(workspace, &Workspace::searchUpdated, this,
            [this](const QString &text, int matches, bool serverDone) {
                QString line = tr("%n message(s) match “%1”", nullptr, matches).arg(text);
                if (!serverDone)
                    line += QLatin1Char(' ') + tr("(asking the server…)");
                m_statusLabel->setText(line);
            });
    connect(workspace, &Workspace::messageFailed, viewer,
            [viewer](const MessageKey &, const Error &error) {
                viewer->showPlaceholder(error.message);
            });

    connect(m_ui->mailboxView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onMailboxActivated);
    connect(workspace, &Workspace::status, m_statusLabel, &QLabel::setText);
    connect(workspace, &Workspace::mailboxesListed, this, &MainWindow::selectDefaultMailbox);
    new MessageActions(workspace, m_ui->messageView, m_ui->mailboxView, this);
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    setUpComposeActions();
    setUpProfiles();
    new TrayIcon(workspace, this);
}

MainWindow::~MainWindow() = default;

void MainWindow::onMailboxActivated()
{
    const QModelIndex current = m_ui->mailboxView->currentIndex();
    if (!current.data(MailboxTreeModel::SelectableRole).toBool())
        return;
    const bool unified = current.data(MailboxTreeModel::UnifiedRole).toBool();
    const QString account = current.data(MailboxTreeModel::AccountRole).toString();
    const QString path = current.data(MailboxTreeModel::MailboxPathRole).toString();
    setWindowTitle(
        unified ? tr("%1 — Tidings").arg(current.data(Qt::DisplayRole).toString())
                : tr("%1 — %2 — Tidings").arg(current.data(Qt::DisplayRole).toString(), account));
    m_ui->messageView->header()->setSectionHidden(MessageListModel::AccountColumn, !unified);
    const bool changed = unified != m_workspace->unifiedInboxSelected() ||
                         account != m_workspace->selectedAccount() ||
                         path != m_workspace->selectedMailbox();
    if (changed) {
        m_shownKey = {};
        m_ui->viewer->showPlaceholder(tr("Select a message to read it."));
        for (QAction *a : std::as_const(m_replyActions))
            a->setEnabled(false);
        // A search belongs to the mailbox it was typed in.
        const QSignalBlocker quiet(m_ui->searchField);
        m_ui->searchField->clear();
    }
    if (unified)
        m_workspace->selectUnifiedInbox();
    else
        m_workspace->selectMailbox(account, path);
}

void MainWindow::onMessageActivated(const QModelIndex &current)
{
    const MessageKey key = MessageListModel::keyOf(current);
    // A list reload selects the current message again: it is on screen already, and an
    // unread mark the user just set (U) must stay.
    if (!key.isValid() || key == m_shownKey)
        return;
    m_shownKey = key;
    m_ui->viewer->showPlaceholder(tr("Loading…"));
    m_workspace->openMessage(key);
}

void MainWindow::selectDefaultMailbox(const QString &account)
{
    ProfileFilterModel *tree = m_workspace->visibleMailboxes();
    m_ui->mailboxView->expandRecursively(
        tree->mapFromSource(m_workspace->mailboxes()->accountIndex(account)));
    // Open the profile's first mailbox (the first account's INBOX without one), as every
    // mail client does on start.
    if (!m_workspace->selectedMailbox().isEmpty() || m_workspace->unifiedInboxSelected())
        return;
    const QModelIndex first = tree->firstMailbox();
    if (first.isValid())
        m_ui->mailboxView->setCurrentIndex(first);
}

void MainWindow::setUpComposeActions()
{
    auto add = [this](const QString &name, const QString &text, const QKeySequence &keys,
                      const QString &tip) {
        QAction *action = m_toolBar->addAction(text);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(tip, keys.toString(QKeySequence::NativeText)));
        return action;
    };
    connect(add(QStringLiteral("writeAction"), tr("&Write"), QKeySequence::New,
                tr("Write a new message")),
            &QAction::triggered, this, [this] { openComposer(m_workspace->newDraft()); });
    m_replyActions = {
        add(QStringLiteral("replyAction"), tr("&Reply"), QKeySequence(Qt::CTRL | Qt::Key_R),
            tr("Reply to the sender")),
        add(QStringLiteral("replyAllAction"), tr("Reply &all"),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), tr("Reply to everyone")),
        add(QStringLiteral("forwardAction"), tr("&Forward"), QKeySequence(Qt::CTRL | Qt::Key_L),
            tr("Forward the message with its attachments")),
        add(QStringLiteral("forwardAttachedAction"), tr("Forward as a&ttachment"),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
            tr("Forward the message itself, attached")),
    };
    const QList<ReplyMode> kinds = {ReplyMode::Reply, ReplyMode::ReplyAll, ReplyMode::ForwardInline,
                                    ReplyMode::ForwardAsAttachment};
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        QAction *action = m_replyActions.at(i);
        action->setEnabled(false);
        connect(action, &QAction::triggered, this, [this, kind = kinds.at(i)] {
            Error error;
            const std::optional<Draft> draft = m_workspace->replyDraft(kind, &error);
            if (!draft) {
                m_statusLabel->setText(error.message);
                return;
            }
            openComposer(*draft);
        });
    }
    // A draft opens in a composer (double-click or Enter), to be continued.
    connect(m_ui->messageView, &QTreeView::activated, this, [this] {
        if (!m_workspace->openMessageIsDraft())
            return;
        Error error;
        if (const std::optional<Draft> draft = m_workspace->continueOpenDraft(&error))
            openComposer(*draft);
        else if (error.isError())
            m_statusLabel->setText(error.message);
    });
    // Replies need the message on screen; they follow what the viewer shows.
    connect(m_workspace, &Workspace::messageOpened, this, [this] {
        for (QAction *a : std::as_const(m_replyActions))
            a->setEnabled(true);
    });
    m_toolBar->addSeparator();
    m_outboxAction = add(QStringLiteral("outboxAction"), tr("Outbox"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                         tr("Messages on their way out, and those that were not sent"));
    connect(m_outboxAction, &QAction::triggered, this, &MainWindow::showOutbox);
    connect(m_workspace, &Workspace::outboxChanged, this, &MainWindow::updateOutboxAction);
    updateOutboxAction();
}

void MainWindow::updateOutboxAction()
{
    const QList<OutboxEntry> entries = m_workspace->outboxEntries();
    const bool attention = std::any_of(entries.cbegin(), entries.cend(), [](const OutboxEntry &e) {
        return e.needsUser() || !e.lastError.isEmpty();
    });
    m_outboxAction->setText(entries.isEmpty() ? tr("Outbox")
                            : attention       ? tr("Outbox (%1) ⚠").arg(entries.size())
                                              : tr("Outbox (%1)").arg(entries.size()));
}

void MainWindow::showOutbox()
{
    if (!m_outbox) {
        m_outbox = new OutboxDialog(
            m_workspace, [this](const Draft &draft) { openComposer(draft); }, this);
    }
    m_outbox->refresh();
    m_outbox->show();
    m_outbox->raise();
    m_outbox->activateWindow();
}

ComposerWindow *MainWindow::openComposer(const Draft &draft)
{
    // A draft is written in one window at a time: opening it again brings that one up.
    if (draft.id > 0) {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *open = qobject_cast<ComposerWindow *>(w);
            if (open && open->isVisible() && open->autosaver() &&
                open->autosaver()->draftId() == draft.id) {
                open->raise();
                open->activateWindow();
                return open;
            }
        }
    }
    auto *composer = new ComposerWindow(m_workspace, draft);
    composer->show();
    return composer;
}

void MainWindow::setUpProfiles()
{
    QToolBar *toolBar = m_toolBar;
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    m_profileSelector = new QComboBox(toolBar);
    m_profileSelector->setObjectName(QStringLiteral("profileSelector"));
    m_profileSelector->setAccessibleName(tr("Profile"));
    m_profileSelector->setToolTip(tr("Profile: which accounts and mailboxes show, and who you "
                                     "write as (Ctrl+1…9)"));
    m_profileSelector->addItem(tr("All accounts"), QString());
    const QList<Profile> profiles = m_workspace->profiles();
    for (const Profile &p : profiles)
        m_profileSelector->addItem(p.name, p.name);
    // Without profiles the selector would offer one choice: it stays out of the way.
    m_profileSelector->setVisible(!profiles.isEmpty());
    toolBar->addWidget(m_profileSelector);
    connect(m_profileSelector, &QComboBox::activated, this, [this](int row) {
        m_workspace->setProfile(m_profileSelector->itemData(row).toString());
    });
    // Ctrl+1…9 pick the profiles in their order; Ctrl+0 shows every account.
    for (int n = 0; n <= MaxProfileShortcuts; ++n) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + n)), this);
        connect(shortcut, &QShortcut::activated, this, [this, n] {
            if (n < m_profileSelector->count())
                m_workspace->setProfile(m_profileSelector->itemData(n).toString());
        });
    }
    connect(m_workspace, &Workspace::profileChanged, this, &MainWindow::onProfileChanged);
    onProfileChanged(m_workspace->profileName());
}

void MainWindow::onProfileChanged(const QString &name)
{
    const int row = m_profileSelector->findData(name);
    if (row >= 0)
        m_profileSelector->setCurrentIndex(row);
    m_ui->mailboxView->expandAll();
    // The mailbox on screen may not belong to the new view: open the profile's first one.
    const QModelIndex shown =
        m_workspace->unifiedInboxSelected()
            ? m_workspace->visibleMailboxes()->mapFromSource(
                  m_workspace->mailboxes()->unifiedIndex())
            : m_workspace->visibleMailboxes()->mailboxIndex(m_workspace->selectedAccount(),
                                                            m_workspace->selectedMailbox());
    if (!shown.isValid() || !name.isEmpty()) {
        const QModelIndex first = m_workspace->visibleMailboxes()->firstMailbox();
        if (first.isValid())
            m_ui->mailboxView->setCurrentIndex(first);
    }
}

} // namespace Tidings
