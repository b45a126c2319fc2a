// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/error.h"
#include "core/mailaction.h"
#include "core/mailbox.h"
#include "models/mailboxtreemodel.h"
#include "models/messagelistmodel.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <memory>

namespace Tidings {

class ActionQueue;
class ActionRunner;
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

    // Actions on messages of the selected mailbox, by UID. The list shows them at once; the
    // server follows now or, offline, when it can be reached. A refusal is reported by
    // actionFailed() and undone in the list.
    void markRead(const QList<qint64> &uids, bool read);
    void setFlagged(const QList<qint64> &uids, bool flagged);
    void moveTo(const QList<qint64> &uids, const QString &targetPath);
    void trash(const QList<qint64> &uids);
    void archive(const QList<qint64> &uids);
    // Reverses the newest action not yet undone.
    void undo();
    // The account's mailbox with this SPECIAL-USE role, empty if it has none (or is not
    // listed yet).
    QString mailboxWithRole(const QString &account, MailboxRole role) const;

Q_SIGNALS:
    // One line for the status bar: connection progress and every failure's cause.
    void status(const QString &text);
    void accountFailed(const QString &account, const Tidings::Error &error);
    void mailboxesListed(const QString &account);
    void messagesLoaded(const QString &account, const QString &mailbox);
    // An action was queued, undone or refused: the list of `mailbox` changed.
    void actionApplied(const QString &account, const QString &mailbox);
    // The server refused an action; it was undone in the list. The message names the cause.
    void actionFailed(const QString &message);
    // Every action queued for `account` has reached its server (or was refused).
    void changesSent(const QString &account);

private:
    void connectAccount(const Account &account);
    void onConnected(const Account &account);
    void watchForChanges(const Account &account, const QString &secret);
    void failAccount(const QString &account, const Error &error);
    void perform(MailAction action);
    void moveToRole(const QList<qint64> &uids, MailboxRole role);
    void onActionFailed(const MailAction &action, const Error &error);
    void refreshAfterAction(const MailAction &action);

    QList<Account> m_accounts;
    SecretStore *m_secrets;
    QHash<QString, ImapConnection *> m_connections;
    QHash<QString, IdleWatcher *> m_watchers;
    bool m_resyncWanted = false;
    bool m_syncDeferred = false; // until the replay of the selected mailbox's actions ends
    MailboxTreeModel m_tree;
    MessageListModel m_messages;
    void showCached();
    void syncSelected();

    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageCache> m_cache;
    std::unique_ptr<ActionQueue> m_actions;
    ActionRunner *m_runner = nullptr;
    QHash<QString, QList<Mailbox>> m_mailboxLists;
    QPointer<MailboxSync> m_sync;
    QString m_selectedAccount;
    QString m_selectedMailbox;
    QString m_openError;
};

} // namespace Tidings
