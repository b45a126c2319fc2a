// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/backgroundsync.h"
#include "imap/imapconnection.h"

namespace Tidings {

BackgroundSync::BackgroundSync(MessageCache *cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
{
    m_repeat.setInterval(RepeatMs);
    connect(&m_repeat, &QTimer::timeout, this, &BackgroundSync::requeueAll);
    m_repeat.start();
}

BackgroundSync::~BackgroundSync() = default;

int BackgroundSync::queued() const
{
    int n = 0;
    for (const AccountState &s : m_accounts)
        n += int(s.queue.size());
    return n;
}

void BackgroundSync::setMailboxes(const Account &account, const QString &password,
                                  const QStringList &mailboxes)
{
    AccountState &state = m_accounts[account.name];
    state.account = account;
    state.password = password;
    state.mailboxes = mailboxes;
    for (const QString &m : mailboxes) {
        if (!state.queue.contains(m))
            state.queue.append(m);
    }
    // A round ends even when the account cannot connect at all (its queue is dropped).
    m_roundOpen = m_roundOpen || !mailboxes.isEmpty();
    if (!state.connection) {
        state.connection = new ImapConnection(account, this);
        connect(state.connection, &ImapConnection::ready, this, &BackgroundSync::schedule);
        connect(state.connection, &ImapConnection::failed, this,
                [this, name = account.name](const Error &e) {
                    auto it = m_accounts.find(name);
                    if (it == m_accounts.end())
                        return;
                    // The connection is gone: this round is over for the account. The
                    // next round reconnects.
                    it->queue.clear();
                    // A running sync reports the failure itself; otherwise it is said once.
                    if (!it->busy)
                        Q_EMIT mailboxFailed(name, QString(), e);
                    schedule();
                });
    }
    if (state.connection->state() == ImapConnection::State::Disconnected ||
        state.connection->state() == ImapConnection::State::Failed)
        state.connection->open(password);
    else
        schedule();
}

void BackgroundSync::setSelected(const QList<MailboxRef> &mailboxes)
{
    m_selected = mailboxes;
}

void BackgroundSync::removeAccount(const QString &account)
{
    auto it = m_accounts.find(account);
    if (it == m_accounts.end())
        return;
    if (it->connection)
        it->connection->deleteLater();
    m_accounts.erase(it);
}

void BackgroundSync::requeueAll()
{
    for (AccountState &state : m_accounts) {
        for (const QString &m : std::as_const(state.mailboxes)) {
            if (!state.queue.contains(m))
                state.queue.append(m);
        }
        if (state.connection && state.connection->state() != ImapConnection::State::Ready &&
            state.connection->state() != ImapConnection::State::Connecting)
            state.connection->open(state.password);
    }
    schedule();
}

void BackgroundSync::schedule()
{
    if (queued() > 0)
        m_roundOpen = true;
    for (AccountState &state : m_accounts) {
        if (m_running >= MaxConcurrent)
            return;
        if (!state.busy && !state.queue.isEmpty() && state.connection &&
            state.connection->state() == ImapConnection::State::Ready)
            runNext(state);
    }
    if (m_roundOpen && m_running == 0 && queued() == 0) {
        m_roundOpen = false;
        Q_EMIT roundFinished();
    }
}

void BackgroundSync::runNext(AccountState &state)
{
    QString mailbox;
    while (!state.queue.isEmpty() && mailbox.isEmpty()) {
        const QString next = state.queue.takeFirst();
        const bool selected = m_selected.contains(MailboxRef{state.account.name, next});
        if (!selected && !(m_skip && m_skip(state.account.name, next)))
            mailbox = next;
    }
    if (mailbox.isEmpty())
        return;
    state.busy = true;
    ++m_running;
    auto *sync = new MailboxSync(state.connection, m_cache, mailbox, this);
    connect(sync, &MailboxSync::finished, this,
            [this, sync, name = state.account.name, mailbox](const SyncResult &r, const Error &e) {
                sync->deleteLater();
                --m_running;
                auto it = m_accounts.find(name);
                if (it != m_accounts.end())
                    it->busy = false;
                if (e.isError())
                    Q_EMIT mailboxFailed(name, mailbox, e);
                else
                    Q_EMIT mailboxSynced(name, r);
                schedule();
            });
    Q_EMIT mailboxStarted(state.account.name, mailbox);
    sync->start();
}

} // namespace Tidings
