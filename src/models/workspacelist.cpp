// SPDX-License-Identifier: GPL-3.0-or-later
// Workspace: what the message list shows (one mailbox, or every INBOX in the unified inbox)
// and keeping it up to date: syncs, live updates, unread counts.
#include "imap/backgroundsync.h"
#include "imap/idlewatcher.h"
#include "imap/imapconnection.h"
#include "imap/mailboxsync.h"
#include "models/workspace.h"
#include "store/actionqueue.h"
#include "store/messagecache.h"

namespace Tidings {

namespace {
const QString Inbox = QStringLiteral("INBOX"); // RFC 3501 5.1: every account has one
} // namespace

qint64 Workspace::mailboxIdOf(const QString &account, const QString &path, Error *error)
{
    if (!m_cache || account.isEmpty() || path.isEmpty())
        return 0;
    const qint64 id = m_cache->state(account, path, error).id;
    if (id > 0)
        m_mailboxRefs.insert(id, {account, path});
    return id;
}

QStringList Workspace::unifiedAccounts() const
{
    QStringList names;
    for (const Account &a : std::as_const(m_accounts)) {
        if (!m_profile || m_profile->showsMailbox(a.name, Inbox))
            names.append(a.name);
    }
    return names;
}

void Workspace::updateUnifiedInbox()
{
    m_tree.setUnifiedAccounts(unifiedAccounts());
    if (!m_unified)
        return;
    // The profile changed the set of INBOXes: the list and the watchers follow it. With
    // fewer than two the row is gone and the window picks another mailbox.
    m_unified = false;
    if (m_tree.unifiedIndex().isValid())
        selectUnifiedInbox();
}

QList<MailboxRef> Workspace::shownMailboxes() const
{
    if (!m_unified) {
        if (m_selectedAccount.isEmpty() || m_selectedMailbox.isEmpty())
            return {};
        return {{m_selectedAccount, m_selectedMailbox}};
    }
    QList<MailboxRef> shown;
    for (const QString &account : m_tree.unifiedAccounts())
        shown.append({account, Inbox});
    return shown;
}

bool Workspace::isShown(const QString &account, const QString &path) const
{
    if (!m_unified)
        return !account.isEmpty() && account == m_selectedAccount && path == m_selectedMailbox;
    return path == Inbox && m_tree.unifiedAccounts().contains(account);
}

QString Workspace::accountLabel(const QString &account, const QList<MailboxRef> &shown) const
{
    // What the mailbox tree calls the account, so a row can be matched with it; the
    // account's own name where two of those shown would read the same (one person's
    // accounts often share a display name).
    auto treeLabel = [this](const QString &name) {
        for (const Account &a : m_accounts) {
            if (a.name == name)
                return a.displayName.isEmpty() ? a.email : a.displayName;
        }
        return name;
    };
    const QString label = treeLabel(account);
    for (const MailboxRef &other : shown) {
        if (other.account != account && treeLabel(other.account) == label)
            return account;
    }
    return label;
}

void Workspace::showCached()
{
    if (!m_cache)
        return;
    const QList<MailboxRef> shown = shownMailboxes();
    QList<MessageListModel::Source> sources;
    for (const MailboxRef &m : shown) {
        if (const qint64 id = mailboxIdOf(m.account, m.path); id > 0)
            sources.append({id, accountLabel(m.account, shown)});
    }
    if (!m_searchText.isEmpty()) {
        // Search results: the few matching envelopes, threaded among themselves.
        QList<QList<Envelope>> found;
        for (const MessageListModel::Source &source : std::as_const(sources)) {
            QList<Envelope> envelopes = m_cache->envelopes(source.mailboxId);
            envelopes.removeIf([this, id = source.mailboxId](const Envelope &e) {
                return !m_searchHits.contains({id, e.uid});
            });
            found.append(envelopes);
        }
        m_messages.setEnvelopes(sources, found);
        return;
    }
    // Loads in the background; a load already running is followed by one more.
    m_messages.setMailboxes(m_cache.get(), sources);
}

void Workspace::whenListLoaded(const std::function<void()> &next)
{
    if (!m_messages.isLoading()) {
        next();
        return;
    }
    connect(&m_messages, &MessageListModel::loaded, this, next, Qt::SingleShotConnection);
}

void Workspace::selectMailbox(const QString &account, const QString &path)
{
    if (!m_unified && account == m_selectedAccount && path == m_selectedMailbox)
        return;
    m_unified = false;
    m_selectedAccount = account;
    m_selectedMailbox = path;
    showSelection();
}

void Workspace::selectUnifiedInbox()
{
    if (m_unified)
        return;
    m_unified = true;
    m_selectedAccount.clear();
    m_selectedMailbox.clear();
    showSelection();
}

void Workspace::showSelection()
{
    const QList<MailboxRef> shown = shownMailboxes();
    if (m_background)
        m_background->setSelected(shown);
    stopSyncs();
    m_resyncWanted.clear();
    m_searchText.clear();
    m_searchHits.clear();
    ++m_searchGeneration; // a search still waiting for the index belongs to the old mailbox
    ++m_openRequest;      // a body still on its way belongs to the mailbox left behind
    m_syncDeferred.clear();
    // What the cache holds shows at once, before (or without) the server.
    m_messages.clear();
    showCached();
    // One IDLE session per account: each watches the mailbox of its account on screen.
    for (const MailboxRef &m : shown) {
        if (IdleWatcher *watcher = m_watchers.value(m.account))
            watcher->watch(m.path);
    }
    syncSelected();
}

void Workspace::stopSyncs()
{
    for (const QPointer<MailboxSync> &sync : std::as_const(m_syncs)) {
        if (sync) {
            sync->disconnect(this);
            sync->cancel();
            sync->deleteLater();
        }
    }
    m_syncs.clear();
}

void Workspace::syncSelected()
{
    if (!m_cache) {
        Q_EMIT status(m_openError);
        return;
    }
    for (const MailboxRef &m : shownMailboxes())
        syncMailbox(m.account, m.path);
}

void Workspace::updateUnread(const QString &account, const QString &path)
{
    if (!m_unified) {
        m_tree.setUnread(account, path, m_messages.unreadCount());
        return;
    }
    // The list holds several mailboxes: the cache counts this one.
    const qsizetype unread = m_cache ? m_cache->unreadCount(mailboxIdOf(account, path)) : -1;
    if (unread >= 0)
        m_tree.setUnread(account, path, int(unread));
}

void Workspace::syncMailbox(const QString &account, const QString &path)
{
    if (!m_cache)
        return;
    if (m_syncs.value(account)) {
        m_resyncWanted.insert(account); // one more pass when the running one ends
        return;
    }
    ImapConnection *connection = m_connections.value(account);
    if (!connection || connection->state() != ImapConnection::State::Ready) {
        Q_EMIT status(tr("%1: not connected").arg(account));
        return;
    }
    // A sync now would find the server without the queued moves, take the difference for
    // a broken cache and fetch the mailbox again: it waits for the replay instead.
    if (m_actions && m_actions->hasPendingFor(account, path)) {
        m_syncDeferred.insert(account);
        return;
    }
    Q_EMIT status(tr("Updating %1…").arg(path));
    auto *sync = new MailboxSync(connection, m_cache.get(), path, this);
    m_syncs.insert(account, sync);
    // The list was set to this mailbox on selection; batches refresh it, throttled, unless
    // it takes the sync's changes at the end.
    connect(sync, &MailboxSync::batchStored, &m_messages, [this, sync] {
        if (!sync->itemisesChanges())
            m_messages.refreshSoon();
    });
    connect(
        sync, &MailboxSync::finished, this,
        [this, account, path, sync](const SyncResult &r, const Error &error) {
            sync->deleteLater();
            m_syncs.remove(account);
            if (error.isError()) {
                qInfo("sync: %s %s failed: %s", qPrintable(account), qPrintable(path),
                      qPrintable(error.message));
                Q_EMIT status(tr("%1: %2").arg(account, error.message));
                return;
            }
            // The server does not have the queued actions yet: keep showing them.
            bool reapplied = false;
            if (m_actions && m_actions->hasPending()) {
                reapplied = true;
                if (const Error e = m_actions->reapplyPending(account, path); e.isError())
                    Q_EMIT status(tr("%1: %2").arg(account, e.message));
            }
            // Reloading resets the view (selection, expanded threads): only on change, and
            // not when the list can take the changes where it stands.
            const bool changed =
                r.added + r.changed + r.removed > 0 || r.mode == QLatin1String("full");
            if (reapplied ||
                (changed && !(isShown(account, path) &&
                              m_messages.applyChanges(mailboxIdOf(account, path), r.changes))))
                showCached();
            whenListLoaded([this, account, path, r] {
                if (!isShown(account, path))
                    return;
                updateUnread(account, path);
                Q_EMIT status(
                    m_unified
                        ? tr("All Inboxes: %n message(s)", nullptr, m_messages.messageCount())
                        : tr("%1: %n message(s)", nullptr, m_messages.messageCount()).arg(path));
                qInfo("sync: %s %s %s +%d ~%d -%d in %lld ms, %d messages listed",
                      qPrintable(account), qPrintable(path), qPrintable(r.mode), r.added, r.changed,
                      r.removed, qlonglong(r.elapsedMs), m_messages.messageCount());
                Q_EMIT messagesLoaded(account, path);
            });
            indexStep();
            if (m_resyncWanted.remove(account) && isShown(account, path))
                syncMailbox(account, path);
        });
    sync->start();
}

} // namespace Tidings
