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
#include <algorithm>
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
    connect(workspace, &Workspace::actionRefused, this, &MessageActions::showRefusal);
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

QList<MessageKey> MessageActions::selectedKeys() const
{
    // A collapsed thread stands for all of its messages, as in Thunderbird and KMail: the
    // user sees one row and means the conversation.
    QList<MessageKey> keys;
    QModelIndexList rows = m_messageView->selectionModel()->selectedRows();
    while (!rows.isEmpty()) {
        const QModelIndex row = rows.takeFirst();
        const MessageKey key = MessageListModel::keyOf(row);
        if (!keys.contains(key))
            keys.append(key);
        const QAbstractItemModel *model = row.model();
        if (m_messageView->isExpanded(row) || !model->hasChildren(row))
            continue;
        QModelIndexList below{row};
        while (!below.isEmpty()) {
            const QModelIndex parent = below.takeFirst();
            for (int r = 0; r < model->rowCount(parent); ++r) {
                const QModelIndex child = model->index(r, 0, parent);
                const MessageKey childKey = MessageListModel::keyOf(child);
                if (!keys.contains(childKey))
                    keys.append(childKey);
                below.append(child);
            }
        }
    }
    return keys;
}

void MessageActions::updateEnabled()
{
    const bool any = m_messageView->selectionModel()->hasSelection();
    for (QAction *a : std::as_const(m_messageActions))
        a->setEnabled(any);
}

void MessageActions::markRead()
{
    m_workspace->markRead(selectedKeys(), true);
}

void MessageActions::markUnread()
{
    m_workspace->markRead(selectedKeys(), false);
}

void MessageActions::toggleFlag()
{
    // Like other clients: flag all unless every selected message is flagged already.
    bool allFlagged = true;
    for (const QModelIndex &row : m_messageView->selectionModel()->selectedRows())
        allFlagged = allFlagged && row.data(MessageListModel::FlaggedRole).toBool();
    m_workspace->setFlagged(selectedKeys(), !allFlagged);
}

void MessageActions::trash()
{
    m_workspace->trash(selectedKeys());
}

void MessageActions::archive()
{
    m_workspace->archive(selectedKeys());
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

void MessageActions::showRefusal(const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("Cannot move"), message,
                                QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("actionRefusedBox"));
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
    m_key = current.isValid() ? MessageListModel::keyOf(current) : MessageKey{};
}

void MessageActions::restoreRow()
{
    // The message stays current when it is still there (a flag changed, new mail came);
    // after a delete or move the next one takes the place of the one that went, as in every
    // mail client, so Del can be pressed again and again.
    QAbstractItemModel *model = m_messageView->model();
    const int row = std::exchange(m_row, -1);
    const MessageKey key = std::exchange(m_key, {});
    if (row < 0 || model->rowCount() == 0)
        return;
    // The unified inbox may list the same UID once per account; one mailbox has it once,
    // and the search stops there.
    const auto *list = qobject_cast<const MessageListModel *>(model);
    const int hits = list && list->showsSeveralMailboxes() ? -1 : 1;
    QModelIndex next;
    const QModelIndexList same = model->match(model->index(0, 0), MessageListModel::UidRole,
                                              key.uid, hits, Qt::MatchExactly | Qt::MatchRecursive);
    for (const QModelIndex &candidate : same) {
        if (MessageListModel::keyOf(candidate) == key) {
            next = candidate;
            break;
        }
    }
    if (!next.isValid())
        next = model->index(qMin(row, model->rowCount() - 1), 0);
    m_messageView->selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
}

MailboxRef MessageActions::dropTarget(const QPoint &pos, const QList<MessageKey> &keys) const
{
    const QModelIndex at = m_mailboxView->indexAt(pos);
    if (keys.isEmpty() || !at.isValid() || !at.data(MailboxTreeModel::SelectableRole).toBool() ||
        at.data(MailboxTreeModel::UnifiedRole).toBool())
        return {};
    const MailboxRef target{at.data(MailboxTreeModel::AccountRole).toString(),
                            at.data(MailboxTreeModel::MailboxPathRole).toString()};
    // Onto the mailbox they are all in already: nothing to do. A folder of another account
    // is a target too, so the drop can say why the Workspace refuses it.
    const bool allThere = std::all_of(keys.cbegin(), keys.cend(), [&](const MessageKey &k) {
        return m_workspace->mailboxOf(k.mailboxId) == target;
    });
    return allThere ? MailboxRef{} : target;
}

bool MessageActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_mailboxView->viewport())
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *e = static_cast<QDragMoveEvent *>(event);
        const QList<MessageKey> keys = MessageListModel::keysFromMimeData(e->mimeData());
        if (!dropTarget(e->position().toPoint(), keys).path.isEmpty()) {
            e->setDropAction(Qt::MoveAction);
            e->accept();
        } else if (event->type() == QEvent::DragEnter && !keys.isEmpty()) {
            e->accept(); // keep receiving moves: another row may be a target
        } else {
            e->ignore();
        }
        return true;
    }
    case QEvent::Drop: {
        auto *e = static_cast<QDropEvent *>(event);
        const QList<MessageKey> keys = MessageListModel::keysFromMimeData(e->mimeData());
        const MailboxRef target = dropTarget(e->position().toPoint(), keys);
        if (target.path.isEmpty()) {
            e->ignore();
            return true;
        }
        e->setDropAction(Qt::MoveAction);
        e->accept();
        m_workspace->moveTo(keys, target);
        return true;
    }
    default:
        return QObject::eventFilter(watched, event);
    }
}

} // namespace Tidings
