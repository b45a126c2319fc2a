// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/draft.h"
#include "core/error.h"
#include "core/identity.h"
#include "core/mailaction.h"
#include "core/mailbox.h"
#include "core/messagekey.h"
#include "core/outboxentry.h"
#include "core/profile.h"
#include "models/mailboxtreemodel.h"
#include "models/messagedocument.h"
#include "models/messagelistmodel.h"
#include "models/profilefiltermodel.h"
#include "models/replybuilder.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>
#include <memory>

class QTimer;

namespace Tidings {

class ActionQueue;
class ActionRunner;
class AddressCompleter;
class DraftAutosaver;
class DraftStore;
class Outbox;
class OutboxRunner;
class PartFetcher;
struct PartsResponse;
class BackgroundSync;
class BodyCache;
class Database;
class IdleWatcher;
class ImapConnection;
class MailboxSync;
class MessageCache;
class SearchIndex;
class SearchIndexer;
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
    // The tree as the current profile shows it: what the mailbox view binds to.
    ProfileFilterModel *visibleMailboxes() { return &m_visibleMailboxes; }
    MessageListModel *messages() { return &m_messages; }
    QList<Account> accounts() const { return m_accounts; }

    void connectAll();

    // Profiles (workspaceprofiles.cpp): named views over the accounts. With none chosen,
    // every account shows and the first account's own identity is the default.
    QList<Profile> profiles() const { return m_profiles; }
    QString profileName() const { return m_profile ? m_profile->name : QString(); }
    // Empty `name` shows everything; an unknown name is refused with the reason.
    Error setProfile(const QString &name);
    // Every identity of every account, own addresses first.
    QList<Identity> identities() const { return m_identities; }
    // The identity a new message starts with under the current profile.
    std::optional<Identity> defaultIdentity() const;
    // The signature a message from `identity` gets under the current profile.
    QString signatureFor(const Identity &identity) const;

    // Composing (workspacecompose.cpp). A new message starts from the profile's identity; a
    // reply or forward from the message on screen, as the identity it was addressed to.
    Draft newDraft() const;
    std::optional<Draft> replyDraft(ReplyMode mode, Error *error) const;
    // Queues the draft in the outbox and sends it (now, or when its account is online); the
    // outcome arrives through outboxChanged and status. A draft already in the outbox and not
    // sent yet is replaced there, never queued twice. An error: nothing was queued.
    Error send(const Tidings::Draft &draft);
    // Keeps a composer's draft saved locally and in the account's Drafts mailbox while the
    // user types; owned by `owner`. Null without a cache.
    DraftAutosaver *createAutosaver(std::function<Draft()> snapshot, QObject *owner);
    // Server copies of `saver`'s draft go to the Drafts mailbox of `identity`'s account
    // (while that account is online); otherwise the draft is kept locally only.
    void setDraftTarget(DraftAutosaver *saver, const QString &identity);
    // Completion candidates for a recipient field ("Name <email>").
    QStringList completeAddress(const QString &typed) const;
    // The message on screen is a draft (it is in the account's Drafts mailbox).
    bool openMessageIsDraft() const;
    // That draft, to continue in a composer: the local one with the same Message-ID, else
    // the server's copy read back (and kept locally from now on, replacing it when saved).
    std::optional<Draft> continueOpenDraft(Error *error);
    // Messages on their way out or stopped (failed, interrupted, Sent copy pending).
    QList<OutboxEntry> outboxEntries() const;
    Error retrySend(qint64 outboxId);
    Error discardSend(qint64 outboxId);
    // The draft of a stopped message, to edit and send again (the outbox entry goes).
    std::optional<Draft> takeBackForEditing(qint64 outboxId, Error *error);
    void selectMailbox(const QString &account, const QString &path);
    // "All Inboxes": the INBOX of every account the profile shows, in one list. Selected,
    // selectedAccount() and selectedMailbox() are empty.
    void selectUnifiedInbox();
    bool unifiedInboxSelected() const { return m_unified; }
    QString selectedAccount() const { return m_selectedAccount; }
    QString selectedMailbox() const { return m_selectedMailbox; }
    // Where a listed message is: its mailbox's account and path (empty when unknown).
    MailboxRef mailboxOf(qint64 mailboxId) const { return m_mailboxRefs.value(mailboxId); }

    // Opens a listed message: from the cache when it was read before, otherwise fetched on
    // its account's connection (and cached). Answers with messageOpened or messageFailed.
    // A big message (above PartialMessage::WholeMessageLimit) comes part by part: its
    // structure and the text shown; attachments stay on the server until asked for.
    void openMessage(const Tidings::MessageKey &key);
    // The bytes of an attachment of the open message (`section` from Attachment), decoded:
    // from the cache, else downloaded and cached. `done` runs once, unless `context` is gone.
    using AttachmentDone = std::function<void(const QByteArray &data, const Tidings::Error &)>;
    void fetchAttachment(const QByteArray &section, QObject *context, AttachmentDone done);
    bool remoteContentAllowed(const QString &senderEmail) const;

    // Narrows the message list to what matches `text` in the selected mailbox: the local
    // index at once, then what the server's SEARCH adds. Empty text shows everything again.
    void search(const QString &text);
    QString searchText() const { return m_searchText; }
    void allowRemoteContent(const QString &senderEmail);
    // Actions on listed messages, each in its own account and mailbox. The list shows them
    // at once; the server follows now or, offline, when it can be reached. A refusal is
    // reported by actionFailed() and undone in the list.
    void markRead(const QList<Tidings::MessageKey> &keys, bool read);
    // Reading a message marks it read; that is not something Ctrl+Z takes back.
    void markOpenedRead(const Tidings::MessageKey &key);
    void setFlagged(const QList<Tidings::MessageKey> &keys, bool flagged);
    // Into a mailbox of the messages' own account; a move across accounts is refused (an
    // APPEND to one server and a delete on another is not one undoable step).
    void moveTo(const QList<Tidings::MessageKey> &keys, const Tidings::MailboxRef &target);
    void trash(const QList<Tidings::MessageKey> &keys);
    void archive(const QList<Tidings::MessageKey> &keys);
    // Reverses the newest action not yet undone.
    void undo();
    // The account's mailbox with this SPECIAL-USE role, empty if it has none (or is not
    // listed yet).
    QString mailboxWithRole(const QString &account, MailboxRole role) const;

Q_SIGNALS:
    void profileChanged(const QString &name);
    // An outbox entry changed state (queued, sent, failed, …): what the outbox view shows.
    void outboxChanged(const Tidings::OutboxEntry &entry);
    // One line for the status bar: connection progress and every failure's cause.
    void status(const QString &text);
    void accountFailed(const QString &account, const Tidings::Error &error);
    void mailboxesListed(const QString &account);
    void messagesLoaded(const QString &account, const QString &mailbox);
    void messageOpened(const Tidings::MessageKey &key,
                       std::shared_ptr<const Tidings::MessageDocument> document);
    void messageFailed(const Tidings::MessageKey &key, const Tidings::Error &error);
    // Local results are on screen (serverDone false), then the server's were added.
    void searchUpdated(const QString &text, int matches, bool serverDone);
    // An action was queued, undone or refused: the list of `mailbox` changed.
    void actionApplied(const QString &account, const QString &mailbox);
    // The server refused an action; it was undone in the list. The message names the cause.
    void actionFailed(const QString &message);
    // An action was not queued because it cannot be done (a move to another account).
    void actionRefused(const QString &message);
    // Every action queued for `account` has reached its server (or was refused).
    void changesSent(const QString &account);

private:
    void connectAccount(const Account &account);
    void onConnected(const Account &account, const QString &secret);
    void watchForChanges(const Account &account, const QString &secret);
    void failAccount(const QString &account, const Error &error);
    // The main session dropped or could not reach the server: a new one after the same
    // backoff the live-update session uses.
    void reconnectLater(const Account &account);
    QHash<QString, int> m_reconnects; // attempts since the account was last connected
    QHash<QString, QTimer *> m_reconnectTimers;
    QSet<QString> m_connecting; // a session is being opened (keychain or login)
    QHash<QString, QElapsedTimer> m_upSince;
    // A session up this long was not one a server drops right after login (a connection
    // limit, a broken NAT): the backoff starts over after it.
    static constexpr qint64 StableSessionMs = 60'000;
    QSet<QString> m_runnerAccounts; // accounts the action runner has been given
    void addProfileMailboxes(const QString &account, QList<Mailbox> &listed) const;
    // One queued action per mailbox the keys are in; answers their ids.
    QList<qint64> perform(const MailAction &action, const QList<MessageKey> &keys);
    qint64 perform(MailAction action); // the queued action's id, 0 if none
    QList<qint64> moveWithin(const QList<MessageKey> &keys, const MailboxRef &target);
    // A user step (one key press, one drop) queued `actions` actions: Ctrl+Z takes back
    // all of them, also when the unified inbox spread them over several accounts.
    void recordStep(const QList<qint64> &actions);
    QList<QList<qint64>> m_undoSteps; // the actions of each step of this run, newest last
    void moveToRole(const QList<MessageKey> &keys, MailboxRole role);
    void onActionFailed(const MailAction &action, const Error &error);
    void refreshAfterAction(const MailAction &action);

    QString m_configDir;
    QList<Account> m_accounts;
    QList<Identity> m_identities;
    QList<Profile> m_profiles;
    std::optional<Profile> m_profile;
    SecretStore *m_secrets;
    QHash<QString, ImapConnection *> m_connections;
    QHash<QString, IdleWatcher *> m_watchers;
    QSet<QString> m_resyncWanted; // accounts whose shown mailbox syncs once more
    QSet<QString> m_syncDeferred; // until the replay of the shown mailbox's actions ends
    MailboxTreeModel m_tree;
    ProfileFilterModel m_visibleMailboxes{&m_tree};
    MessageListModel m_messages;
    void showCached();
    // Syncs what the list shows: the selected mailbox, or each INBOX of the unified one.
    void syncSelected();
    void syncMailbox(const QString &account, const QString &path);
    void stopSyncs();
    void showSelection();
    // The tree's unread count of a shown mailbox, once the list has loaded it.
    void updateUnread(const QString &account, const QString &path);
    // The (account, mailbox) pairs the list shows, and whether it shows this one.
    QList<MailboxRef> shownMailboxes() const;
    bool isShown(const QString &account, const QString &path) const;
    // The accounts the unified inbox gathers: those whose INBOX the profile shows.
    QStringList unifiedAccounts() const;
    // What the list's Account column says for `account` among the `shown` mailboxes.
    QString accountLabel(const QString &account, const QList<MailboxRef> &shown) const;
    void updateUnifiedInbox();
    void watchShown();
    // The cache's id of a mailbox, remembered so a MessageKey leads back to it.
    qint64 mailboxIdOf(const QString &account, const QString &path, Error *error = nullptr);
    QHash<qint64, MailboxRef> m_mailboxRefs;
    bool m_unified = false;
    // Runs `next` once the message list shows the cache (at once when no load is running).
    void whenListLoaded(const std::function<void()> &next);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageCache> m_cache;
    std::unique_ptr<BodyCache> m_bodies;
    std::unique_ptr<SenderTrust> m_senderTrust;
    std::unique_ptr<SearchIndex> m_searchIndex;
    std::unique_ptr<BackgroundSync> m_background;
    MessageKey m_openKey;
    int m_openRequest = 0;
    void showBody(const MessageKey &key, const QByteArray &raw);
    // workspaceopen.cpp: the two ways a message not cached yet is fetched.
    void openWhole(ImapConnection *connection, const MessageKey &key, const QString &path,
                   int request);
    void openInParts(const MessageKey &key, const MailboxRef &where, int request);
    void showParts(const MessageKey &key, const MailboxRef &where, int request,
                   const PartsResponse &structure);
    void cacheAndShow(const MessageKey &key, int request, const QByteArray &raw);
    // The open message as MIME text: whole, or what is here of it (replies quote its text).
    std::optional<QByteArray> openMessageRaw(Error *error) const;
    bool openMessageMissesAttachments() const;
    // The connection big messages and attachments are fetched on; made at first use.
    PartFetcher *partFetcher(const QString &account);
    QHash<QString, PartFetcher *> m_partFetchers;
    void indexStep();
    void searchIndexed(const QString &text, int generation);
    SearchIndexer *m_indexer = nullptr;
    QString m_searchText;
    QSet<MessageKey> m_searchHits;
    int m_searchGeneration = 0;
    std::unique_ptr<ActionQueue> m_actions;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<AddressCompleter> m_completer;
    OutboxRunner *m_outboxRunner = nullptr;
    QHash<QString, QString> m_secretsByAccount; // for the sessions composers open
    void setUpOutbox();
    // A sent message's draft: the local one and its copy in the server's Drafts.
    void removeDraft(qint64 draftId);
    void uploadLocalDrafts(const QString &account);
    void setWantedDraftTargets(const QString &account);
    QSet<QString> m_draftsSwept; // accounts whose never-uploaded drafts went up this run
    // Autosavers whose Drafts session is not up yet, with the identity they wait for: a
    // composer opened before the mailboxes were listed gets its target when they are.
    QHash<DraftAutosaver *, QString> m_draftTargetsWanted;
    std::optional<OutboxEntry> outboxEntryForDraft(qint64 draftId) const;
    ActionRunner *m_runner = nullptr;
    QHash<QString, QList<Mailbox>> m_mailboxLists;
    QHash<QString, QPointer<MailboxSync>> m_syncs; // by account: at most one per session
    QString m_selectedAccount;
    QString m_selectedMailbox;
    QString m_openError;
};

} // namespace Tidings
