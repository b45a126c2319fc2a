// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/workspace.h"

#include "auth/secretstore.h"
#include "imap/backgroundsync.h"
#include "imap/idlewatcher.h"
#include "imap/imapconnection.h"
#include "imap/mailboxlister.h"
#include "imap/mailboxsync.h"
#include "imap/serversearch.h"
#include "imap/unreadcounter.h"
#include "models/actionrunner.h"
#include "models/addresscompleter.h"
#include "models/outboxrunner.h"
#include "models/searchindexer.h"
#include "store/accountstore.h"
#include "store/actionqueue.h"
#include "store/bodycache.h"
#include "store/configdir.h"
#include "store/database.h"
#include "store/draftstore.h"
#include "store/identitystore.h"
#include "store/messagecache.h"
#include "store/outbox.h"
#include "store/profilestore.h"
#include "store/searchindex.h"
#include "store/sendertrust.h"

#include <QTimer>

namespace Tidings {

Workspace::Workspace(const QString &configDir, QObject *parent)
    : QObject(parent)
    , m_configDir(configDir)
    , m_accounts(AccountStore(configDir).accounts())
    , m_identities(IdentityStore(configDir).identities())
    , m_profiles(ProfileStore(configDir).profiles())
    , m_secrets(new SecretStore(configDir, this))
    , m_db(std::make_unique<Database>(cacheDatabasePath(configDir)))
{
    for (const Account &a : std::as_const(m_accounts))
        m_tree.addAccount(a.name, a.displayName.isEmpty() ? a.email : a.displayName);
    // Without a cache the client still works, online only; the cause is shown once.
    if (const Error e = m_db->open(); e.isError())
        m_openError = e.message;
    else {
        m_cache = std::make_unique<MessageCache>(*m_db);
        m_bodies = std::make_unique<BodyCache>(*m_db);
        m_senderTrust = std::make_unique<SenderTrust>(*m_db);
        m_searchIndex = std::make_unique<SearchIndex>(*m_db);
        m_indexer = new SearchIndexer(m_cache->databasePath(), this);
        connect(m_indexer, &SearchIndexer::failed, this,
                [this](const Error &e) { Q_EMIT status(e.message); });
        m_background = std::make_unique<BackgroundSync>(m_cache.get());
        m_background->setSkip([this](const QString &account, const QString &mailbox) {
            return m_actions && m_actions->hasPendingFor(account, mailbox);
        });
        connect(m_background.get(), &BackgroundSync::mailboxSynced, this,
                [this](const QString &account, const SyncResult &r) {
                    Error error;
                    const MailboxSyncState state = m_cache->state(account, r.mailbox, &error);
                    const qsizetype unread = m_cache->unreadCount(state.id);
                    if (!error.isError() && unread >= 0)
                        m_tree.setUnread(account, r.mailbox, int(unread));
                });
        connect(m_background.get(), &BackgroundSync::mailboxFailed, this,
                [this](const QString &account, const QString &mailbox, const Error &e) {
                    Q_EMIT status(mailbox.isEmpty()
                                      ? tr("%1: %2").arg(account, e.message)
                                      : tr("%1: %2: %3").arg(account, mailbox, e.message));
                });
    }
    if (m_cache) {
        m_actions = std::make_unique<ActionQueue>(*m_db);
        m_runner = new ActionRunner(m_actions.get(), this);
        connect(m_runner, &ActionRunner::actionFailed, this, &Workspace::onActionFailed);
        connect(m_runner, &ActionRunner::waiting, this,
                [this](const QString &account, const Error &e) {
                    Q_EMIT status(tr("%1: changes wait until the server can be reached (%2)")
                                      .arg(account, e.message));
                });
        connect(m_runner, &ActionRunner::actionDone, this, [this](const MailAction &a) {
            // An undone move learnt the messages' new UIDs: the list must use them.
            if (a.isMove() && a.undoOf != 0 && a.account == m_selectedAccount &&
                a.target == m_selectedMailbox)
                showCached();
        });
        setUpOutbox();
        connect(m_runner, &ActionRunner::idle, this, [this](const QString &account) {
            if (m_syncDeferred && account == m_selectedAccount) {
                m_syncDeferred = false;
                syncSelected();
            }
            Q_EMIT changesSent(account);
        });
    }
}

Workspace::~Workspace()
{
    // Their sessions go before the queues and the database they use.
    delete m_outboxRunner;
    delete m_runner;
}

void Workspace::showCached()
{
    if (!m_cache)
        return;
    const MailboxSyncState state = m_cache->state(m_selectedAccount, m_selectedMailbox);
    if (!m_searchText.isEmpty()) {
        // Search results: the few matching envelopes, threaded among themselves.
        QList<Envelope> envelopes = m_cache->envelopes(state.id);
        envelopes.removeIf([this](const Envelope &e) { return !m_searchHits.contains(e.uid); });
        m_messages.setEnvelopes(envelopes);
        return;
    }
    // Loads in the background; a load already running is followed by one more.
    m_messages.setMailbox(m_cache.get(), state.id);
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
    if (account == m_selectedAccount && path == m_selectedMailbox)
        return;
    m_selectedAccount = account;
    m_selectedMailbox = path;
    if (m_background)
        m_background->setSelected(account, path);
    if (m_sync) {
        m_sync->disconnect(this);
        m_sync->deleteLater();
        m_sync = nullptr;
    }
    m_resyncWanted = false;
    m_searchText.clear();
    m_searchHits.clear();
    ++m_searchGeneration; // a search still waiting for the index belongs to the old mailbox
    ++m_openRequest;      // a body still on its way belongs to the mailbox left behind
    m_syncDeferred = false;
    // What the cache holds shows at once, before (or without) the server.
    m_messages.clear();
    showCached();
    if (IdleWatcher *watcher = m_watchers.value(account))
        watcher->watch(path);
    syncSelected();
}

void Workspace::syncSelected()
{
    if (m_sync) {
        m_resyncWanted = true; // one more pass when the running one ends
        return;
    }
    const QString account = m_selectedAccount;
    const QString path = m_selectedMailbox;
    ImapConnection *connection = m_connections.value(account);
    if (!m_cache) {
        Q_EMIT status(m_openError);
        return;
    }
    if (!connection || connection->state() != ImapConnection::State::Ready) {
        Q_EMIT status(tr("%1: not connected").arg(account));
        return;
    }
    // A sync now would find the server without the queued moves, take the difference for
    // a broken cache and fetch the mailbox again: it waits for the replay instead.
    if (m_actions && m_actions->hasPendingFor(account, path)) {
        m_syncDeferred = true;
        return;
    }
    Q_EMIT status(tr("Updating %1…").arg(path));
    m_sync = new MailboxSync(connection, m_cache.get(), path, this);
    // The list was set to this mailbox on selection; batches refresh it, throttled.
    connect(m_sync, &MailboxSync::batchStored, &m_messages, &MessageListModel::refreshSoon);
    connect(m_sync, &MailboxSync::finished, this,
            [this, account, path, sync = m_sync.data()](const SyncResult &r, const Error &error) {
                sync->deleteLater();
                m_sync = nullptr;
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
                // Reloading resets the view (selection, expanded threads): only on change.
                if (r.added + r.changed + r.removed > 0 || r.mode == QLatin1String("full") ||
                    reapplied)
                    showCached();
                whenListLoaded([this, account, path, r] {
                    if (account != m_selectedAccount || path != m_selectedMailbox)
                        return;
                    m_tree.setUnread(account, path, m_messages.unreadCount());
                    Q_EMIT status(
                        tr("%1: %n message(s)", nullptr, m_messages.messageCount()).arg(path));
                    qInfo("sync: %s %s %s +%d ~%d -%d in %lld ms, %d messages listed",
                          qPrintable(account), qPrintable(path), qPrintable(r.mode), r.added,
                          r.changed, r.removed, qlonglong(r.elapsedMs), m_messages.messageCount());
                    Q_EMIT messagesLoaded(account, path);
                });
                indexStep();
                if (m_resyncWanted) {
                    m_resyncWanted = false;
                    syncSelected();
                }
            });
    m_sync->start();
}

bool Workspace::remoteContentAllowed(const QString &senderEmail) const
{
    return m_senderTrust && m_senderTrust->allowsRemoteContent(senderEmail);
}

void Workspace::allowRemoteContent(const QString &senderEmail)
{
    if (!m_senderTrust)
        return;
    if (const Error e = m_senderTrust->allowRemoteContent(senderEmail); e.isError())
        Q_EMIT status(e.message);
}

void Workspace::indexStep()
{
    if (m_indexer)
        m_indexer->request();
}

void Workspace::search(const QString &text)
{
    const QString trimmed = text.simplified();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    m_searchHits.clear();
    const int generation = ++m_searchGeneration;
    if (trimmed.isEmpty() || !m_cache) {
        showCached();
        return;
    }
    // Whatever has not been indexed yet is first (on the indexer's thread): a search must
    // not miss cached mail.
    m_indexer->whenIndexed(this, [this, generation, trimmed] {
        if (generation == m_searchGeneration)
            searchIndexed(trimmed, generation);
    });
}

void Workspace::searchIndexed(const QString &trimmed, int generation)
{
    const qint64 mailboxId = m_cache->state(m_selectedAccount, m_selectedMailbox).id;
    Error error;
    for (qint64 uid : m_searchIndex->search(mailboxId, trimmed, &error))
        m_searchHits.insert(uid);
    if (error.isError())
        Q_EMIT status(error.message);
    showCached();
    Q_EMIT searchUpdated(trimmed, m_messages.messageCount(), false);

    ImapConnection *connection = m_connections.value(m_selectedAccount);
    if (!connection || connection->state() != ImapConnection::State::Ready) {
        Q_EMIT status(
            tr("%1: offline, showing matches in downloaded mail only").arg(m_selectedAccount));
        return;
    }
    auto *server = new ServerSearch(connection, m_selectedMailbox,
                                    trimmed.split(QLatin1Char(' '), Qt::SkipEmptyParts), this);
    connect(server, &ServerSearch::finished, this,
            [this, generation, trimmed](const QList<qint64> &uids, const Error &e) {
                if (generation != m_searchGeneration)
                    return; // the user typed on
                if (e.isError()) {
                    Q_EMIT status(e.message);
                    return;
                }
                const qsizetype before = m_searchHits.size();
                for (qint64 uid : uids)
                    m_searchHits.insert(uid);
                if (m_searchHits.size() != before)
                    showCached();
                Q_EMIT searchUpdated(trimmed, m_messages.messageCount(), true);
            });
    server->start();
}

} // namespace Tidings
