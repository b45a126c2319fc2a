// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/mainwindow.h"
#include "ui_mainwindow.h"

#include "gui/messageactions.h"
#include "gui/messageviewer.h"
#include "models/workspace.h"

#include <QHeaderView>
#include <QLabel>
#include <QShortcut>
#include <QStatusBar>
#include <QTimer>

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

    m_ui->mailboxView->setModel(workspace->mailboxes());
    m_ui->messageView->setModel(workspace->messages());
    QHeaderView *header = m_ui->messageView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(MessageListModel::FlagColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(MessageListModel::SubjectColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(MessageListModel::FromColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(MessageListModel::DateColumn, QHeaderView::ResizeToContents);
    header->resizeSection(MessageListModel::FromColumn, 220);
    m_ui->messageView->sortByColumn(MessageListModel::DateColumn, Qt::DescendingOrder);
    m_ui->splitter->setSizes({MailboxPaneWidth, MessagePaneWidth});
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->readingSplitter->setSizes({ListPaneHeight, ViewerPaneHeight});
    m_ui->readingSplitter->setStretchFactor(1, 1);

    MessageViewer *viewer = m_ui->viewer;
    viewer->setTrustCheck(
        [workspace](const QString &email) { return workspace->remoteContentAllowed(email); });
    connect(viewer, &MessageViewer::trustSenderRequested, workspace,
            &Workspace::allowRemoteContent);
    connect(m_ui->messageView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onMessageActivated);
    connect(workspace, &Workspace::messageOpened, this,
            [this, viewer](qint64 uid, std::shared_ptr<const MessageDocument> document) {
                viewer->showMessage(std::move(document));
                // Shown means read, as in every mail client (U marks it unread again); a
                // message that could not be shown stays unread.
                const QModelIndex current = m_ui->messageView->currentIndex();
                if (uid == m_shownUid &&
                    current.data(MessageListModel::UidRole).toLongLong() == uid &&
                    current.data(MessageListModel::UnreadRole).toBool())
                    m_workspace->markOpenedRead(uid);
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
            [viewer](qint64, const Error &error) { viewer->showPlaceholder(error.message); });

    connect(m_ui->mailboxView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onMailboxActivated);
    connect(workspace, &Workspace::status, m_statusLabel, &QLabel::setText);
    connect(workspace, &Workspace::mailboxesListed, this, &MainWindow::selectDefaultMailbox);
    new MessageActions(workspace, m_ui->messageView, m_ui->mailboxView, this);
}

MainWindow::~MainWindow() = default;

void MainWindow::onMailboxActivated()
{
    const QModelIndex current = m_ui->mailboxView->currentIndex();
    if (!current.data(MailboxTreeModel::SelectableRole).toBool())
        return;
    const QString account = current.data(MailboxTreeModel::AccountRole).toString();
    const QString path = current.data(MailboxTreeModel::MailboxPathRole).toString();
    setWindowTitle(tr("%1 — %2 — Tidings").arg(current.data(Qt::DisplayRole).toString(), account));
    if (account != m_workspace->selectedAccount() || path != m_workspace->selectedMailbox()) {
        m_shownUid = 0;
        m_ui->viewer->showPlaceholder(tr("Select a message to read it."));
        // A search belongs to the mailbox it was typed in.
        const QSignalBlocker quiet(m_ui->searchField);
        m_ui->searchField->clear();
    }
    m_workspace->selectMailbox(account, path);
}

void MainWindow::onMessageActivated(const QModelIndex &current)
{
    const qint64 uid = current.data(MessageListModel::UidRole).toLongLong();
    // A list reload selects the current message again: it is on screen already, and an
    // unread mark the user just set (U) must stay.
    if (uid <= 0 || uid == m_shownUid)
        return;
    m_shownUid = uid;
    m_ui->viewer->showPlaceholder(tr("Loading…"));
    m_workspace->openMessage(uid);
}

void MainWindow::selectDefaultMailbox(const QString &account)
{
    MailboxTreeModel *tree = m_workspace->mailboxes();
    m_ui->mailboxView->expandRecursively(tree->accountIndex(account));
    // Open the first account's INBOX, as every mail client does on start.
    if (!m_workspace->selectedMailbox().isEmpty())
        return;
    const QModelIndex inbox = tree->mailboxIndex(account, QStringLiteral("INBOX"));
    if (inbox.isValid())
        m_ui->mailboxView->setCurrentIndex(inbox);
}

} // namespace Tidings
