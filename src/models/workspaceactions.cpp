// SPDX-License-Identifier: GPL-3.0-or-later
// Workspace: the message actions (flags, moves, trash, archive, undo) and their outcome.
#include "imap/mailboxsync.h"
#include "models/actionrunner.h"
#include "models/workspace.h"
#include "store/actionqueue.h"
#include "store/messagecache.h"

namespace Tidings {

void Workspace::markRead(const QList<MessageKey> &keys, bool read)
{
    MailAction a;
    a.kind = read ? ActionKind::AddFlags : ActionKind::RemoveFlags;
    a.flags = MessageFlag::Seen;
    recordStep(perform(a, keys));
}

void Workspace::markOpenedRead(const MessageKey &key)
{
    MailAction a;
    a.kind = ActionKind::AddFlags;
    a.flags = MessageFlag::Seen;
    a.undoable = false;
    perform(a, {key});
}

void Workspace::setFlagged(const QList<MessageKey> &keys, bool flagged)
{
    MailAction a;
    a.kind = flagged ? ActionKind::AddFlags : ActionKind::RemoveFlags;
    a.flags = MessageFlag::Flagged;
    recordStep(perform(a, keys));
}

void Workspace::moveTo(const QList<MessageKey> &keys, const MailboxRef &target)
{
    recordStep(moveWithin(keys, target));
}

QList<qint64> Workspace::moveWithin(const QList<MessageKey> &keys, const MailboxRef &target)
{
    for (const MessageKey &key : keys) {
        const MailboxRef from = mailboxOf(key.mailboxId);
        if (!from.account.isEmpty() && from.account != target.account) {
            // Across servers a move is an APPEND to one and a delete on the other: not one
            // step the queue can replay or undo. Refused before anything changes.
            const QString message =
                tr("Messages can only be moved to folders of their own account: this one is in "
                   "%1, %2 belongs to %3.")
                    .arg(from.account, target.path, target.account);
            Q_EMIT status(message);
            Q_EMIT actionRefused(message);
            return {};
        }
    }
    MailAction a;
    a.kind = ActionKind::Move;
    a.target = target.path;
    return perform(a, keys);
}

void Workspace::trash(const QList<MessageKey> &keys)
{
    moveToRole(keys, MailboxRole::Trash);
}

void Workspace::archive(const QList<MessageKey> &keys)
{
    moveToRole(keys, MailboxRole::Archive);
}

QString Workspace::mailboxWithRole(const QString &account, MailboxRole role) const
{
    for (const Mailbox &m : m_mailboxLists.value(account)) {
        if (m.role == role && m.namespaceKind == NamespaceKind::Personal && m.selectable)
            return m.path;
    }
    return {};
}

void Workspace::moveToRole(const QList<MessageKey> &keys, MailboxRole role)
{
    // The unified inbox mixes accounts: each message goes to its own account's folder, and
    // one Ctrl+Z brings them all back.
    QList<qint64> queued;
    QStringList accounts;
    QHash<QString, QList<MessageKey>> byAccount;
    for (const MessageKey &key : keys) {
        const QString account = mailboxOf(key.mailboxId).account;
        if (account.isEmpty())
            continue;
        if (!byAccount.contains(account))
            accounts.append(account);
        byAccount[account].append(key);
    }
    for (const QString &account : std::as_const(accounts)) {
        const QString target = mailboxWithRole(account, role);
        if (target.isEmpty()) {
            // The roles come from the server's LIST (RFC 6154); before it there is no target.
            Q_EMIT status(
                tr("%1: no %2 folder is known on the server yet").arg(account, roleName(role)));
            continue;
        }
        QList<MessageKey> moved = byAccount.value(account);
        moved.removeIf(
            [this, &target](const MessageKey &k) { return mailboxOf(k.mailboxId).path == target; });
        if (moved.isEmpty()) {
            Q_EMIT status(tr("The messages are in %1 already").arg(target));
            continue;
        }
        queued += moveWithin(moved, {account, target});
    }
    recordStep(queued);
}

void Workspace::recordStep(const QList<qint64> &actions)
{
    if (!actions.isEmpty())
        m_undoSteps.append(actions);
}

QList<qint64> Workspace::perform(const MailAction &action, const QList<MessageKey> &keys)
{
    // One action per mailbox, in the order the messages were given: the queue replays each
    // on its own account's session.
    QList<qint64> mailboxes;
    QHash<qint64, MailAction> actions;
    for (const MessageKey &key : keys) {
        const MailboxRef where = mailboxOf(key.mailboxId);
        if (where.account.isEmpty() || key.uid <= 0)
            continue;
        if (!actions.contains(key.mailboxId)) {
            MailAction a = action;
            a.account = where.account;
            a.mailbox = where.path;
            actions.insert(key.mailboxId, a);
            mailboxes.append(key.mailboxId);
        }
        actions[key.mailboxId].items.append({key.uid, {}, {}, 0});
    }
    QList<qint64> queued;
    for (qint64 id : std::as_const(mailboxes)) {
        const MailAction &a = actions[id];
        if (a.kind == ActionKind::Move && a.target == a.mailbox)
            continue;
        if (const qint64 queuedId = perform(a); queuedId > 0)
            queued.append(queuedId);
    }
    return queued;
}

qint64 Workspace::perform(MailAction action)
{
    if (!m_actions) {
        Q_EMIT status(m_openError);
        return 0;
    }
    if (action.items.isEmpty() || action.account.isEmpty())
        return 0;
    if (const Error e = m_actions->enqueue(action); e.isError()) {
        Q_EMIT status(tr("%1: %2").arg(action.account, e.message));
        return 0;
    }
    // A sync running now compares the server (still without this change) with the cache
    // (already with it) and would fetch the whole mailbox again: it runs after the replay.
    if (const QPointer<MailboxSync> sync = m_syncs.take(action.account); sync) {
        sync->disconnect(this);
        sync->cancel();
        sync->deleteLater();
        m_syncDeferred.insert(action.account);
    }
    refreshAfterAction(action);
    m_runner->replay(action.account);
    return action.id;
}

void Workspace::undo()
{
    if (!m_actions)
        return;
    // A step of this run may have queued one action per mailbox; one from before a restart
    // (or a step whose actions were undone already) counts as one.
    const qsizetype actions = m_undoSteps.isEmpty() ? 1 : m_undoSteps.takeLast().size();
    QStringList accounts;
    for (qsizetype i = 0; i < actions; ++i) {
        MailAction undone;
        if (const Error e = m_actions->undoLast(m_runner->inFlight(), &undone); e.isError()) {
            Q_EMIT status(e.message);
            break;
        }
        if (undone.id == 0) {
            if (i == 0) {
                Q_EMIT status(tr("Nothing to undo"));
                return;
            }
            break;
        }
        refreshAfterAction(undone);
        if (!accounts.contains(undone.account))
            accounts.append(undone.account);
    }
    if (accounts.isEmpty())
        return;
    Q_EMIT status(tr("Undone"));
    for (const QString &account : std::as_const(accounts))
        m_runner->replay(account);
}

void Workspace::refreshAfterAction(const MailAction &action)
{
    const bool from = isShown(action.account, action.mailbox);
    const bool to = !action.target.isEmpty() && isShown(action.account, action.target);
    if (from || to) {
        showCached();
        for (const MailboxRef &m : shownMailboxes()) {
            if (m.account == action.account &&
                (m.path == action.mailbox || m.path == action.target))
                updateUnread(m.account, m.path);
        }
    }
    Q_EMIT actionApplied(action.account, action.mailbox);
}

void Workspace::onActionFailed(const MailAction &action, const Error &error)
{
    const QString message =
        tr("%1: the server refused a change, it was undone: %2").arg(action.account, error.message);
    // A refused action is rolled back already: Ctrl+Z must not count it.
    for (QList<qint64> &step : m_undoSteps)
        step.removeAll(action.id);
    m_undoSteps.removeIf([](const QList<qint64> &step) { return step.isEmpty(); });
    refreshAfterAction(action);
    // The rollback is the cache's best guess; the server has the last word.
    for (const MailboxRef &m : shownMailboxes()) {
        if (m.account == action.account && (m.path == action.mailbox || m.path == action.target))
            syncMailbox(m.account, m.path);
    }
    Q_EMIT status(message);
    Q_EMIT actionFailed(message);
}

} // namespace Tidings
