// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/error.h"
#include "models/mailboxtreemodel.h"
#include "models/messagelistmodel.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace Tidings {

class Database;
class IdleWatcher;
class ImapConnection;
class MailboxSync;
class MessageCache;
class SecretStore;

// What the main window binds to: the accounts of a profile, their connections, the mailbox
// tree and the message list of the selected mailbox. The GUI never sees an IMAP job.
class Workspace : public QObject
{
    Q_OBJECT
public:
    explicit Workspace(const QString &configDir, QObject *parent = nullptr);
    ~Workspace() override;

    MailboxTreeModel *mailboxes() { return &m_tree; }
    MessageListModel *messages() { return &m_messages; }
    QList<Account> accounts() const { return m_accounts; }

    void connectAll();
    void selectMailbox(const QString &account, const QString &path);
    QString selectedAccount() const { return m_selectedAccount; }
    QString selectedMailbox() const { return m_selectedMailbox; }

Q_SIGNALS:
    // One line for the status bar: connection progress and every failure's cause.
    void status(const QString &text);
    void accountFailed(const QString &account, const Tidings::Error &error);
    void mailboxesListed(const QString &account);
    void messagesLoaded(const QString &account, const QString &mailbox);

private:
    void connectAccount(const Account &account);
    void onConnected(const Account &account);
    void watchForChanges(const Account &account, const QString &secret);
    void failAccount(const QString &account, const Error &error);

    QList<Account> m_accounts;
    SecretStore *m_secrets;
    QHash<QString, ImapConnection *> m_connections;
    QHash<QString, IdleWatcher *> m_watchers;
    bool m_resyncWanted = false;
    MailboxTreeModel m_tree;
    MessageListModel m_messages;
    void showCached();
    void syncSelected();
    // Runs `next` once the message list shows the cache (at once when no load is running).
    void whenListLoaded(const std::function<void()> &next);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageCache> m_cache;
    QPointer<MailboxSync> m_sync;
    QString m_selectedAccount;
    QString m_selectedMailbox;
    QString m_openError;
};

} // namespace Tidings
