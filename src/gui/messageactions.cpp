// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/messageactions.h"

#include "models/mailboxtreemodel.h"
#include "models/messagelistmodel.h"
#include "models/workspace.h"

#include <QAction>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QMenu>
#include <QMessageBox>
#include <QTreeView>
#include <utility>

namespace Tidings {

MessageActions::MessageActions(Workspace *workspace, QTreeView *messageView, QTreeView *mailboxView,
                               QWidget *window)
    : QObject(window)
    , m_workspace(workspace)
    , m_window(window)
    , m_messageView(messageView)
    , m_mailboxView(mailboxView)
{
    // The shortcuts of the mail clients people come from (Thunderbird, Gmail).
    m_messageActions = {
        add(tr("Mark as &Read"), QKeySequence(Qt::Key_R), QStringLiteral("markReadAction"),
            &MessageActions::markRead),
        add(tr("Mark as &Unread"), QKeySequence(Qt::Key_U), QStringLiteral("markUnreadAction"),
            &MessageActions::markUnread),
        add(tr("&Flag"), QKeySequence(Qt::Key_S), QStringLiteral("flagAction"),
            &MessageActions::toggleFlag),
        add(tr("&Archive"), QKeySequence(Qt::Key_A), QStringLiteral("archiveAction"),
            &MessageActions::archive),
        add(tr("&Delete"), QKeySequence(QKeySequence::Delete), QStringLiteral("deleteAction"),
            &MessageActions::trash),
    };
    m_undo = add(tr("&Undo"), QKeySequence(QKeySequence::Undo), QStringLiteral("undoAction"),
                 &MessageActions::undo);
    // Single-letter shortcuts only while the list has the focus, so they never eat typing
    // elsewhere (a search field, a composer).
    for (QAction *a : std::as_const(m_messageActions)) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_messageView->addAction(a);
    }
    m_undo->setShortcutContext(Qt::WindowShortcut);
    window->addAction(m_undo);

    m_messageView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_messageView, &QWidget::customContextMenuRequested, this,
            &MessageActions::showContextMenu);
    m_messageView->setDragEnabled(true);
    m_messageView->setDragDropMode(QAbstractItemView::DragOnly);
    m_messageView->setDefaultDropAction(Qt::MoveAction);
    m_mailboxView->setAcceptDrops(true);
    m_mailboxView->viewport()->setAcceptDrops(true);
    m_mailboxView->setDropIndicatorShown(true);
    m_mailboxView->viewport()->installEventFilter(this);

    QAbstractItemModel *list = m_messageView->model();
    connect(list, &QAbstractItemModel::modelAboutToBeReset, this, &MessageActions::rememberRow);
    connect(list, &QAbstractItemModel::modelReset, this, &MessageActions::restoreRow);
    connect(m_messageView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MessageActions::updateEnabled);
    connect(list, &QAbstractItemModel::modelReset, this, &MessageActions::updateEnabled);
    connect(workspace, &Workspace::actionFailed, this, &MessageActions::showFailure);
    updateEnabled();
}

QAction *MessageActions::add(const QString &text, const QKeySequence &shortcut,
                             const QString &objectName, void (MessageActions::*slot)())
{
    auto *action = new QAction(text, this);
    action->setShortcut(shortcut);
    action->setObjectName(objectName);
    connect(action, &QAction::triggered, this, slot);
    m_all.append(action);
    return action;
}

QList<qint64> MessageActions::selectedUids() const
{
    // A collapsed thread stands for all of its messages, as in Thunderbird and KMail: the
    // user sees one row and means the conversation.
    QList<qint64> uids;
    QModelIndexList rows = m_messageView->selectionModel()->selectedRows();
    while (!rows.isEmpty()) {
        const QModelIndex row = rows.takeFirst();
        const qint64 uid = row.data(MessageListModel::UidRole).toLongLong();
        if (!uids.contains(uid))
            uids.append(uid);
        const QAbstractItemModel *model = row.model();
        if (m_messageView->isExpanded(row) || !model->hasChildren(row))
            continue;
        QModelIndexList below{row};
        while (!below.isEmpty()) {
            const QModelIndex parent = below.takeFirst();
            for (int r = 0; r < model->rowCount(parent); ++r) {
                const QModelIndex child = model->index(r, 0, parent);
                const qint64 childUid = child.data(MessageListModel::UidRole).toLongLong();
                if (!uids.contains(childUid))
                    uids.append(childUid);
                below.append(child);
            }
        }
    }
    return uids;
}

void MessageActions::updateEnabled()
{
    const bool any = m_messageView->selectionModel()->hasSelection();
    for (QAction *a : std::as_const(m_messageActions))
        a->setEnabled(any);
}

void MessageActions::markRead()
{
    m_workspace->markRead(selectedUids(), true);
}

void MessageActions::markUnread()
{
    m_workspace->markRead(selectedUids(), false);
}

void MessageActions::toggleFlag()
{
    // Like other clients: flag all unless every selected message is flagged already.
    bool allFlagged = true;
    for (const QModelIndex &row : m_messageView->selectionModel()->selectedRows())
        allFlagged = allFlagged && row.data(MessageListModel::FlaggedRole).toBool();
    m_workspace->setFlagged(selectedUids(), !allFlagged);
}

void MessageActions::trash()
{
    m_workspace->trash(selectedUids());
}

void MessageActions::archive()
{
    m_workspace->archive(selectedUids());
}

void MessageActions::undo()
{
    m_workspace->undo();
}

void MessageActions::showFailure(const QString &message)
{
    // The status bar line is overwritten by the next sync: a refused change stays on screen
    // until the user has seen it. Not modal: the user keeps working meanwhile.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Change undone"), message, QMessageBox::Ok,
                                m_window);
    box->setObjectName(QStringLiteral("actionFailedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

void MessageActions::showContextMenu(const QPoint &pos)
{
    if (!m_messageView->indexAt(pos).isValid())
        return;
    QMenu menu(m_messageView);
    for (QAction *a : std::as_const(m_messageActions))
        menu.addAction(a);
    menu.addSeparator();
    menu.addAction(m_undo);
    menu.exec(m_messageView->viewport()->mapToGlobal(pos));
}

void MessageActions::rememberRow()
{
    const QModelIndex current = m_messageView->currentIndex();
    QModelIndex top = current;
    while (top.parent().isValid())
        top = top.parent();
    m_row = current.isValid() ? top.row() : -1;
    m_uid = current.isValid() ? current.data(MessageListModel::UidRole).toLongLong() : 0;
}

void MessageActions::restoreRow()
{
    // The message stays current when it is still there (a flag changed, new mail came);
    // after a delete or move the next one takes the place of the one that went, as in every
    // mail client, so Del can be pressed again and again.
    QAbstractItemModel *model = m_messageView->model();
    const int row = std::exchange(m_row, -1);
    const qint64 uid = std::exchange(m_uid, 0);
    if (row < 0 || model->rowCount() == 0)
        return;
    const QModelIndexList same = model->match(model->index(0, 0), MessageListModel::UidRole, uid, 1,
                                              Qt::MatchExactly | Qt::MatchRecursive);
    const QModelIndex next =
        same.isEmpty() ? model->index(qMin(row, model->rowCount() - 1), 0) : same.constFirst();
    m_messageView->selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
}

QString MessageActions::dropTarget(const QPoint &pos, const QList<qint64> &uids) const
{
    const QModelIndex at = m_mailboxView->indexAt(pos);
    if (uids.isEmpty() || !at.isValid() || !at.data(MailboxTreeModel::SelectableRole).toBool())
        return {};
    // A move stays within one account: across servers it would be an APPEND and a delete.
    if (at.data(MailboxTreeModel::AccountRole).toString() != m_workspace->selectedAccount())
        return {};
    const QString path = at.data(MailboxTreeModel::MailboxPathRole).toString();
    return path == m_workspace->selectedMailbox() ? QString() : path;
}

bool MessageActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_mailboxView->viewport())
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *e = static_cast<QDragMoveEvent *>(event);
        const QList<qint64> uids = MessageListModel::uidsFromMimeData(e->mimeData());
        if (!dropTarget(e->position().toPoint(), uids).isEmpty()) {
            e->setDropAction(Qt::MoveAction);
            e->accept();
        } else if (event->type() == QEvent::DragEnter && !uids.isEmpty()) {
            e->accept(); // keep receiving moves: another row may be a target
        } else {
            e->ignore();
        }
        return true;
    }
    case QEvent::Drop: {
        auto *e = static_cast<QDropEvent *>(event);
        const QList<qint64> uids = MessageListModel::uidsFromMimeData(e->mimeData());
        const QString target = dropTarget(e->position().toPoint(), uids);
        if (target.isEmpty()) {
            e->ignore();
            return true;
        }
        e->setDropAction(Qt::MoveAction);
        e->accept();
        m_workspace->moveTo(uids, target);
        return true;
    }
    default:
        return QObject::eventFilter(watched, event);
    }
}

} // namespace Tidings
