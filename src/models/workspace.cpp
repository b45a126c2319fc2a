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
    m_tree.setUnifiedAccounts(unifiedAccounts());
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
        connect(
            m_runner, &ActionRunner::waiting, this, [this](const QString &account, const Error &e) {
                Q_EMIT status((e.kind == ErrorKind::Authentication
                                   ? tr("%1: changes wait until the server accepts the login (%2)")
                                   : tr("%1: changes wait until the server can be reached (%2)"))
                                  .arg(account, e.message));
            });
        connect(m_runner, &ActionRunner::actionDone, this, [this](const MailAction &a) {
            // An undone move learnt the messages' new UIDs: the list must use them.
            if (a.isMove() && a.undoOf != 0 && isShown(a.account, a.target))
                showCached();
        });
        setUpOutbox();
        connect(m_runner, &ActionRunner::idle, this, [this](const QString &account) {
            if (m_syncDeferred.remove(account)) {
                for (const MailboxRef &m : shownMailboxes()) {
                    if (m.account == account)
                        syncMailbox(m.account, m.path);
                }
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
    const QList<MailboxRef> shown = shownMailboxes();
    for (const MailboxRef &m : shown) {
        const qint64 mailboxId = mailboxIdOf(m.account, m.path);
        Error error;
        for (qint64 uid : m_searchIndex->search(mailboxId, trimmed, &error))
            m_searchHits.insert({mailboxId, uid});
        if (error.isError())
            Q_EMIT status(error.message);
    }
    showCached();
    Q_EMIT searchUpdated(trimmed, m_messages.messageCount(), false);

    // Each account's server searches its own mailbox; the answer is complete when all did.
    auto asked = std::make_shared<int>(0);
    for (const MailboxRef &m : shown) {
        ImapConnection *connection = m_connections.value(m.account);
        if (!connection || connection->state() != ImapConnection::State::Ready) {
            Q_EMIT status(
                tr("%1: offline, showing matches in downloaded mail only").arg(m.account));
            continue;
        }
        ++*asked;
        auto *server = new ServerSearch(connection, m.path,
                                        trimmed.split(QLatin1Char(' '), Qt::SkipEmptyParts), this);
        connect(server, &ServerSearch::finished, this,
                [this, generation, trimmed, asked, mailboxId = mailboxIdOf(m.account, m.path)](
                    const QList<qint64> &uids, const Error &e) {
                    --*asked;
                    if (generation != m_searchGeneration)
                        return; // the user typed on
                    if (e.isError()) {
                        Q_EMIT status(e.message);
                        return;
                    }
                    const qsizetype before = m_searchHits.size();
                    for (qint64 uid : uids)
                        m_searchHits.insert({mailboxId, uid});
                    if (m_searchHits.size() != before)
                        showCached();
                    if (*asked == 0)
                        Q_EMIT searchUpdated(trimmed, m_messages.messageCount(), true);
                });
        server->start();
    }
}

} // namespace Tidings
