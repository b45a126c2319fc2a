// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/error.h"
#include "models/mailboxtreemodel.h"
#include "models/messagedocument.h"
#include "models/messagelistmodel.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>
#include <memory>

namespace Tidings {

class BackgroundSync;
class BodyCache;
class Database;
class IdleWatcher;
class ImapConnection;
class MailboxSync;
class MessageCache;
class SearchIndex;
class SecretStore;
class SenderTrust;

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

    // Opens a message of the selected mailbox: from the cache when it was read before,
    // otherwise fetched (and cached). Answers with messageOpened or messageFailed.
    void openMessage(qint64 uid);
    bool remoteContentAllowed(const QString &senderEmail) const;

    // Narrows the message list to what matches `text` in the selected mailbox: the local
    // index at once, then what the server's SEARCH adds. Empty text shows everything again.
    void search(const QString &text);
    QString searchText() const { return m_searchText; }
    void allowRemoteContent(const QString &senderEmail);

Q_SIGNALS:
    // One line for the status bar: connection progress and every failure's cause.
    void status(const QString &text);
    void accountFailed(const QString &account, const Tidings::Error &error);
    void mailboxesListed(const QString &account);
    void messagesLoaded(const QString &account, const QString &mailbox);
    void messageOpened(qint64 uid, std::shared_ptr<const Tidings::MessageDocument> document);
    void messageFailed(qint64 uid, const Tidings::Error &error);
    // Local results are on screen (serverDone false), then the server's were added.
    void searchUpdated(const QString &text, int matches, bool serverDone);

private:
    void connectAccount(const Account &account);
    void onConnected(const Account &account, const QString &secret);
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
    std::unique_ptr<BodyCache> m_bodies;
    std::unique_ptr<SenderTrust> m_senderTrust;
    std::unique_ptr<SearchIndex> m_searchIndex;
    std::unique_ptr<BackgroundSync> m_background;
    qint64 m_openUid = 0;
    void showBody(qint64 uid, const QByteArray &raw);
    void indexStep();
    bool m_indexing = false;
    QString m_searchText;
    QSet<qint64> m_searchHits;
    int m_searchGeneration = 0;
    QPointer<MailboxSync> m_sync;
    QString m_selectedAccount;
    QString m_selectedMailbox;
    QString m_openError;
};

} // namespace Tidings
