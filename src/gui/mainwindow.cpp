// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/mainwindow.h"
#include "ui_mainwindow.h"

#include "gui/messageactions.h"
#include "models/workspace.h"

#include <QHeaderView>
#include <QLabel>
#include <QStatusBar>

namespace Tidings {

namespace {
// A message list is read, not edited: the subject gets the room, the rest fits its text.
constexpr int MailboxPaneWidth = 260;
constexpr int MessagePaneWidth = 840;
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
    m_workspace->selectMailbox(account, path);
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
