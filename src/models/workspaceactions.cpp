// SPDX-License-Identifier: GPL-3.0-or-later
// Workspace: the message actions (flags, moves, trash, archive, undo) and their outcome.
#include "imap/mailboxsync.h"
#include "models/actionrunner.h"
#include "models/workspace.h"
#include "store/actionqueue.h"
#include "store/messagecache.h"

namespace Tidings {

namespace {
MailAction actionOn(const QList<qint64> &uids)
{
    MailAction a;
    for (qint64 uid : uids)
        a.items.append({uid, {}, {}, 0});
    return a;
}
} // namespace

void Workspace::markRead(const QList<qint64> &uids, bool read)
{
    MailAction a = actionOn(uids);
    a.kind = read ? ActionKind::AddFlags : ActionKind::RemoveFlags;
    a.flags = MessageFlag::Seen;
    perform(a);
}

void Workspace::markOpenedRead(qint64 uid)
{
    MailAction a = actionOn({uid});
    a.kind = ActionKind::AddFlags;
    a.flags = MessageFlag::Seen;
    a.undoable = false;
    perform(a);
}

void Workspace::setFlagged(const QList<qint64> &uids, bool flagged)
{
    MailAction a = actionOn(uids);
    a.kind = flagged ? ActionKind::AddFlags : ActionKind::RemoveFlags;
    a.flags = MessageFlag::Flagged;
    perform(a);
}

void Workspace::moveTo(const QList<qint64> &uids, const QString &targetPath)
{
    if (targetPath == m_selectedMailbox)
        return;
    MailAction a = actionOn(uids);
    a.kind = ActionKind::Move;
    a.target = targetPath;
    perform(a);
}

void Workspace::trash(const QList<qint64> &uids)
{
    moveToRole(uids, MailboxRole::Trash);
}

void Workspace::archive(const QList<qint64> &uids)
{
    moveToRole(uids, MailboxRole::Archive);
}

QString Workspace::mailboxWithRole(const QString &account, MailboxRole role) const
{
    for (const Mailbox &m : m_mailboxLists.value(account)) {
        if (m.role == role && m.namespaceKind == NamespaceKind::Personal && m.selectable)
            return m.path;
    }
    return {};
}

void Workspace::moveToRole(const QList<qint64> &uids, MailboxRole role)
{
    const QString target = mailboxWithRole(m_selectedAccount, role);
    if (target.isEmpty()) {
        // The roles come from the server's LIST (RFC 6154); before it there is no target.
        Q_EMIT status(tr("%1: no %2 folder is known on the server yet")
                          .arg(m_selectedAccount, roleName(role)));
        return;
    }
    if (target == m_selectedMailbox) {
        Q_EMIT status(tr("The messages are in %1 already").arg(target));
        return;
    }
    moveTo(uids, target);
}

void Workspace::perform(MailAction action)
{
    if (!m_actions) {
        Q_EMIT status(m_openError);
        return;
    }
    if (action.items.isEmpty() || m_selectedAccount.isEmpty())
        return;
    action.account = m_selectedAccount;
    action.mailbox = m_selectedMailbox;
    if (const Error e = m_actions->enqueue(action); e.isError()) {
        Q_EMIT status(tr("%1: %2").arg(action.account, e.message));
        return;
    }
    // A sync running now compares the server (still without this change) with the cache
    // (already with it) and would fetch the whole mailbox again: it runs after the replay.
    if (m_sync) {
        m_sync->disconnect(this);
        m_sync->deleteLater();
        m_sync = nullptr;
        m_syncDeferred = true;
    }
    refreshAfterAction(action);
    m_runner->replay(action.account);
}

void Workspace::undo()
{
    if (!m_actions)
        return;
    MailAction undone;
    if (const Error e = m_actions->undoLast(m_runner->inFlight(), &undone); e.isError()) {
        Q_EMIT status(e.message);
        return;
    }
    if (undone.id == 0) {
        Q_EMIT status(tr("Nothing to undo"));
        return;
    }
    refreshAfterAction(undone);
    Q_EMIT status(tr("Undone"));
    m_runner->replay(undone.account);
}

void Workspace::refreshAfterAction(const MailAction &action)
{
    if (action.account == m_selectedAccount &&
        (action.mailbox == m_selectedMailbox || action.target == m_selectedMailbox)) {
        showCached();
        m_tree.setUnread(m_selectedAccount, m_selectedMailbox, m_messages.unreadCount());
    }
    Q_EMIT actionApplied(action.account, action.mailbox);
}

void Workspace::onActionFailed(const MailAction &action, const Error &error)
{
    const QString message =
        tr("%1: the server refused a change, it was undone: %2").arg(action.account, error.message);
    refreshAfterAction(action);
    // The rollback is the cache's best guess; the server has the last word.
    if (action.account == m_selectedAccount &&
        (action.mailbox == m_selectedMailbox || action.target == m_selectedMailbox))
        syncSelected();
    Q_EMIT status(message);
    Q_EMIT actionFailed(message);
}

} // namespace Tidings
