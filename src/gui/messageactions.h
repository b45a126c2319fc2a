// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/messagekey.h"
#include "core/profile.h"

#include <QList>
#include <QObject>

class QAction;
class QMenu;
class QTreeView;
class QWidget;

namespace Tidings {

class Workspace;

// What a user does to messages: mark read or unread, flag, delete (to Trash), archive,
// undo, by shortcut, context menu, or by dragging messages from the list onto a mailbox.
// Everything goes through the Workspace, which applies it at once and queues it for the
// server.
class MessageActions : public QObject
{
    Q_OBJECT
public:
    MessageActions(Workspace *workspace, QTreeView *messageView, QTreeView *mailboxView,
                   QWidget *window);

    QList<QAction *> actions() const { return m_all; }
    QAction *undoAction() const { return m_undo; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAction *add(const QString &text, const QKeySequence &shortcut, const QString &objectName,
                 void (MessageActions::*slot)());
    QList<MessageKey> selectedKeys() const;
    // The mailbox under `pos` the dragged messages can go to; an empty path if none.
    MailboxRef dropTarget(const QPoint &pos, const QList<MessageKey> &keys) const;
    void markRead();
    void markUnread();
    void toggleFlag();
    void trash();
    void archive();
    void undo();
    void showContextMenu(const QPoint &pos);
    void rememberRow();
    void restoreRow();
    void updateEnabled();
    void showFailure(const QString &message);
    void showRefusal(const QString &message);

    Workspace *m_workspace;
    QWidget *m_window;
    QTreeView *m_messageView;
    QTreeView *m_mailboxView;
    QAction *m_undo = nullptr;
    QList<QAction *> m_messageActions; // need a selected message
    QList<QAction *> m_all;
    // The current message and its top-level row before the list was reloaded.
    MessageKey m_key;
    int m_row = -1;
};

} // namespace Tidings
