// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/error.h"
#include "core/profile.h"
#include "imap/mailboxsync.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <functional>

namespace Tidings {

class ImapConnection;
class MessageCache;

// Keeps every mailbox of every account cached, not only the open one: each account gets
// its own background session (the interactive one stays free for what the user does), and
// at most MaxConcurrent mailboxes sync at once across all accounts. A mailbox that fails
// (no permission, deleted) is reported and skipped; the others go on. The whole round
// repeats every RepeatMs, since IDLE watches only the open mailbox.
class BackgroundSync : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundSync(MessageCache *cache, QObject *parent = nullptr);
    ~BackgroundSync() override;

    // Queues every mailbox of the account (again); the first call opens its session.
    void setMailboxes(const Account &account, const QString &password,
                      const QStringList &mailboxes);
    // The open mailboxes (one, or every INBOX of the unified inbox) have their own sync and
    // IDLE: skipped here.
    void setSelected(const QList<MailboxRef> &mailboxes);
    void setSelected(const QString &account, const QString &mailbox)
    {
        setSelected(QList<MailboxRef>{{account, mailbox}});
    }
    // Mailboxes to leave alone for now, e.g. with changes queued for the server: a sync
    // before they are replayed would take the cache's optimistic state back.
    void setSkip(std::function<bool(const QString &account, const QString &mailbox)> skip)
    {
        m_skip = std::move(skip);
    }
    void removeAccount(const QString &account);
    int running() const { return m_running; }
    int queued() const;

    // Two at once keeps a 2-core machine responsive while it catches up after a long
    // offline period, and stays far below Dovecot's default of 10 connections per user.
    static constexpr int MaxConcurrent = 2;
    static constexpr int RepeatMs = 5 * 60 * 1000;

Q_SIGNALS:
    void mailboxStarted(const QString &account, const QString &mailbox);
    void mailboxSynced(const QString &account, const Tidings::SyncResult &result);
    void mailboxFailed(const QString &account, const QString &mailbox, const Tidings::Error &error);
    // Everything queued has been tried.
    void roundFinished();

private:
    struct AccountState
    {
        Account account;
        QString password;
        QStringList mailboxes;
        QStringList queue;
        ImapConnection *connection = nullptr;
        bool busy = false;
    };

    void schedule();
    void runNext(AccountState &state);
    void requeueAll();

    MessageCache *m_cache;
    QHash<QString, AccountState> m_accounts;
    QList<MailboxRef> m_selected;
    std::function<bool(const QString &, const QString &)> m_skip;
    int m_running = 0;
    bool m_roundOpen = false;
    QTimer m_repeat;
};

} // namespace Tidings
