// SPDX-License-Identifier: GPL-3.0-or-later
// Workspace: connecting accounts, listing their mailboxes, live updates and reconnects.
#include "models/workspace.h"

#include "auth/secretstore.h"
#include "imap/backgroundsync.h"
#include "imap/bodyfetcher.h"
#include "imap/idlewatcher.h"
#include "imap/imapconnection.h"
#include "imap/mailboxlister.h"
#include "imap/mailboxsync.h"
#include "imap/partfetcher.h"
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

void Workspace::connectAll()
{
    if (!m_openError.isEmpty())
        Q_EMIT status(m_openError);
    if (m_accounts.isEmpty())
        Q_EMIT status(tr("No accounts yet: add one with \"tidings account add\"."));
    for (const Account &a : std::as_const(m_accounts))
        connectAccount(a);
}

void Workspace::connectAccount(const Account &account)
{
    // One attempt at a time: a second one would replace a session others already use.
    if (m_connecting.contains(account.name))
        return;
    m_connecting.insert(account.name);
    if (QTimer *pending = m_reconnectTimers.value(account.name))
        pending->stop();
    m_tree.setAccountState(account.name, MailboxTreeModel::AccountState::Connecting);
    Q_EMIT status(tr("%1: connecting to %2…").arg(account.name, account.imap.host));
    m_secrets->read(
        account.secretKey(), this, [this, account](const QString &secret, const Error &error) {
            if (error.isError()) {
                m_connecting.remove(account.name);
                failAccount(account.name, error);
                return;
            }
            auto *connection = new ImapConnection(account, this);
            delete m_connections.value(account.name);
            m_connections.insert(account.name, connection);
            connect(connection, &ImapConnection::ready, this, [this, account, secret] {
                m_connecting.remove(account.name);
                m_upSince[account.name].start();
                onConnected(account, secret);
                watchForChanges(account, secret);
            });
            connect(connection, &ImapConnection::failed, this, [this, account](const Error &e) {
                m_connecting.remove(account.name);
                // A session that stayed up a while was a good one: the next outage starts
                // the backoff from the beginning. One dropped right after login does not.
                if (m_upSince.value(account.name).isValid() &&
                    m_upSince.value(account.name).elapsed() > StableSessionMs)
                    m_reconnects.remove(account.name);
                m_upSince.remove(account.name);
                failAccount(account.name, e);
                // A dropped or unreachable server comes back by itself;
                // a refused login does not, and is not retried.
                if (e.kind == ErrorKind::Network)
                    reconnectLater(account);
            });
            connection->open(secret);
            // Its own session and retries: what was queued before a restart
            // reaches the server even if this first connection fails.
            // Once per run: the action runner reconnects by itself, and a new
            // replay session would cut one in flight.
            if (m_runner && !m_runnerAccounts.contains(account.name)) {
                m_runnerAccounts.insert(account.name);
                m_runner->setAccount(account, secret);
            } else if (m_runner) {
                m_runner->setSecret(account.name, secret); // an OAuth token renewed, say
            }
            m_secretsByAccount.insert(account.name, secret);
            if (PartFetcher *parts = m_partFetchers.value(account.name))
                parts->setPassword(secret);
            if (m_outboxRunner)
                m_outboxRunner->setAccount(account, secret);
        });
}

void Workspace::reconnectLater(const Account &account)
{
    QTimer *timer = m_reconnectTimers.value(account.name);
    if (!timer) {
        timer = new QTimer(this);
        timer->setSingleShot(true);
        m_reconnectTimers.insert(account.name, timer);
        connect(timer, &QTimer::timeout, this, [this, account] {
            const ImapConnection *c = m_connections.value(account.name);
            if (!c || c->state() == ImapConnection::State::Failed)
                connectAccount(account);
        });
    }
    if (timer->isActive())
        return;
    const int attempt = m_reconnects.value(account.name);
    m_reconnects.insert(account.name, attempt + 1);
    timer->start(IdleWatcher::ReconnectDelaysMs[qMin<int>(
        attempt, std::size(IdleWatcher::ReconnectDelaysMs) - 1)]);
}

void Workspace::onConnected(const Account &account, const QString &secret)
{
    m_tree.setAccountState(account.name, MailboxTreeModel::AccountState::Online);
    Q_EMIT status(tr("%1: connected").arg(account.name));
    auto *lister = new MailboxLister(m_connections.value(account.name), this);
    connect(lister, &MailboxLister::finished, this,
            [this, account, secret, lister](QList<Mailbox> mailboxes, const Error &error) {
                lister->deleteLater();
                if (error.isError()) {
                    failAccount(account.name, error);
                    return;
                }
                addProfileMailboxes(account.name, mailboxes);
                m_tree.setMailboxes(account.name, mailboxes);
                m_mailboxLists.insert(account.name, mailboxes);
                QStringList paths;
                for (const Mailbox &m : mailboxes) {
                    if (m.selectable)
                        paths.append(m.path);
                }
                auto *counter = new UnreadCounter(m_connections.value(account.name), paths, this);
                connect(counter, &UnreadCounter::counted, this,
                        [this, name = account.name](const QString &path, int unseen) {
                            m_tree.setUnread(name, path, unseen);
                        });
                connect(counter, &UnreadCounter::finished, counter, &QObject::deleteLater);
                counter->start();
                if (m_background)
                    m_background->setMailboxes(account, secret, paths);
                Q_EMIT status(tr("%1: %n mailbox(es)", nullptr, static_cast<int>(mailboxes.size()))
                                  .arg(account.name));
                Q_EMIT mailboxesListed(account.name);
                // Back after an outage: the open mailbox catches up with what it missed.
                for (const MailboxRef &m : shownMailboxes()) {
                    if (m.account == account.name)
                        syncMailbox(m.account, m.path);
                }
                setWantedDraftTargets(account.name);
                uploadLocalDrafts(account.name);
            });
    lister->start();
}

void Workspace::failAccount(const QString &account, const Error &error)
{
    m_tree.setAccountState(account, MailboxTreeModel::AccountState::Failed, error.message);
    Q_EMIT status(tr("%1: %2").arg(account, error.message));
    Q_EMIT accountFailed(account, error);
}

void Workspace::watchForChanges(const Account &account, const QString &secret)
{
    delete m_watchers.take(account.name);
    auto *watcher = new IdleWatcher(account, secret, this);
    m_watchers.insert(account.name, watcher);
    connect(watcher, &IdleWatcher::failed, this, [this, name = account.name](const Error &e) {
        Q_EMIT status(
            e.kind == ErrorKind::Network
                ? tr("%1: live updates interrupted, reconnecting: %2").arg(name, e.message)
                : tr("%1: live updates stopped: %2").arg(name, e.message));
    });
    // The live-update session is back before the main one: the server is reachable again.
    connect(watcher, &IdleWatcher::watching, this, [this, account] {
        const ImapConnection *c = m_connections.value(account.name);
        // Only after a network failure: a refused login is never tried again by itself.
        if (c && c->state() == ImapConnection::State::Failed &&
            c->lastError().kind == ErrorKind::Network)
            connectAccount(account);
    });
    connect(watcher, &IdleWatcher::changed, this, [this, name = account.name](const QString &box) {
        if (isShown(name, box))
            syncMailbox(name, box);
    });
    // The account's mailbox on screen; with the unified inbox, its INBOX.
    for (const MailboxRef &m : shownMailboxes()) {
        if (m.account == account.name)
            watcher->watch(m.path);
    }
}

} // namespace Tidings
