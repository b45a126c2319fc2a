// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"
#include "core/mailboxchanges.h"
#include "core/messagekey.h"
#include "models/threader.h"

#include <QAbstractItemModel>
#include <QCache>
#include <QTimer>
#include <memory>

namespace Tidings {

class MessageCache;

// The messages of the selected mailbox (or of several: the unified inbox) as conversations: a
// thread's first message at the top level, replies below it. Threads are ordered by their newest
// message (or by sender or subject); replies oldest first. The view paints rows on demand: no
// widget per message.
//
// Store-backed (setMailbox): per message only the UID, date, flags and its place in a thread
// are held; a row's text is read from the cache when the view asks for it, and threading
// runs on a worker thread with its own connection. setEnvelopes() shows a given list instead.
// With several mailboxes each is threaded on its own and the threads sorted together; a row
// is named by its MessageKey (MailboxIdRole + UidRole) and AccountColumn says whose it is.
class MessageListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        FlagColumn,
        SubjectColumn,
        FromColumn,
        DateColumn,
        AccountColumn, // the mailbox's label; empty unless the list shows several mailboxes
        ColumnCount
    };
    enum Role
    {
        UidRole = Qt::UserRole + 1,
        UnreadRole,
        FlaggedRole,
        FromAddressRole,
        MailboxIdRole, // the cache's id of the row's mailbox: with UidRole, its MessageKey
    };
    // One mailbox of the list and what AccountColumn says for its messages.
    struct Source
    {
        qint64 mailboxId = 0;
        QString label;
    };

    explicit MessageListModel(QObject *parent = nullptr);
    ~MessageListModel() override;

    // Dragged messages: "mailbox-id uid" per line (the list may show several mailboxes).
    static QString mimeType() { return QStringLiteral("application/x-tidings-message-keys"); }
    static QList<MessageKey> keysFromMimeData(const QMimeData *data);
    static MessageKey keyOf(const QModelIndex &index);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

    void clear();
    void setEnvelopes(const QList<Envelope> &envelopes);
    void setEnvelopes(const QList<Envelope> &envelopes, const Source &source);
    // Envelopes of several mailboxes (`envelopes[i]` of `sources[i]`), each threaded alone.
    void setEnvelopes(const QList<Source> &sources, const QList<QList<Envelope>> &envelopes);
    // Shows a cached mailbox; loads in the background and emits loaded(). The same mailbox
    // again re-reads it (after a sync stored more), keeping at most one load running.
    void setMailbox(MessageCache *cache, qint64 mailboxId);
    // The same for several mailboxes shown as one list (the unified inbox).
    void setMailboxes(MessageCache *cache, const QList<Source> &sources);
    bool showsSeveralMailboxes() const { return m_sources.size() > 1; }
    // The shown mailbox again, for a sync's intermediate batches: at once while the list is
    // short, else ReloadIntervalMs after the first such request.
    void refreshSoon();
    bool isLoading() const { return m_loading || m_reloadWanted; }
    // A sync's changes to the shown mailbox, applied where the list stands: flags in place,
    // and only the conversations that gained or lost a message threaded again. Selection
    // and expanded threads stay. False when the list cannot (several mailboxes, a load
    // running, changes not itemised, rows it does not hold): reload it then.
    // With a listing (a full fetch) the list is loaded from it instead of the cache, in the
    // background as setMailbox() does; false when the list shows other mailboxes.
    bool applyChanges(qint64 mailboxId, const MailboxChanges &changes);
    // Every message, threads and replies alike.
    int messageCount() const { return int(m_messages.size()) - m_removedNodes; }
    int unreadCount() const;

    // Row texts kept for the view: a few screens' worth, read again when scrolled back to.
    static constexpr int RowCacheSize = 2000;
    // A load of 100k messages costs about 0.2 s of a core (measured); reloading after every
    // stored batch of a cold sync kept one core busy the whole sync, slowing the sync itself.
    // Each reload also resets the view, so a list that grows under the reader's eyes should
    // not do it often: the first screen shows at once (ImmediateReloadBelow), the rest of a
    // long first sync arrives every two seconds, and the sync's end reloads at once.
    static constexpr int ReloadIntervalMs = 2000;
    // Below this many messages a load takes a few ms and the list may not fill a screen yet.
    static constexpr int ImmediateReloadBelow = 5000;

    // What a load computes, off the GUI thread.
    struct Message
    {
        qint64 uid = 0;
        qint64 when = 0; // threadTime()
        MessageFlags flags;
    };
    // The messages of one mailbox in a load: nodes from firstNode up to the next part's.
    // A range per mailbox rather than an id per message: the single-mailbox list of 100k
    // messages stays as small as it was.
    struct Part
    {
        qint64 mailboxId = 0;
        int firstNode = 0;
        // What was threaded, kept so the next load of the mailbox reads only new messages.
        std::shared_ptr<const ThreadInput> input;
    };
    struct Loaded
    {
        QList<Message> messages;
        Threads threads;
        QList<qint64> newestInThread; // per node, for roots: the thread's latest date
        QList<int> unreadInThread;    // per root: unread messages in the whole thread
        QList<int> sizeOfThread;      // per root: messages in the whole thread
        // What was threaded, kept so the next load of the mailbox reads only new messages.
        std::shared_ptr<const ThreadInput> input;
        QList<Part> parts; // one per mailbox, in node order (set when merged)
        QString error;
    };
    // A reload reads only the messages the last load did not have, while they are fewer
    // than this share of the mailbox; else it reads everything in one scan. A lookup by UID
    // costs several rows' worth of a scan (measured, 100k rows: a full scan 0.11 s).
    static constexpr int IncrementalLoadMaxPercent = 10;

Q_SIGNALS:
    // The list shows the cache as of the last setMailbox() (no load left to run).
    void loaded();

private:
    void apply(Loaded loaded);
    void startLoad();
    void startLoadWhenDue();
    void rebuild();
    void reindexRows();
    void applyFlags(const QHash<qint64, MessageFlags> &flags, const QHash<qint64, int> &nodeOf,
                    QList<int> *changedNodes);
    void rethread(const QList<int> &removedNodes, const ThreadInput &added,
                  const QList<MessageFlags> &addedFlags);
    int rootOf(int node) const;
    void countThread(int root);
    int nodeAt(const QModelIndex &index) const;
    int rowOf(int node) const;
    const QList<int> &childrenOf(int node) const;
    const Envelope &envelopeAt(int node) const;
    const Part &partOf(int node) const;
    QString labelOf(qint64 mailboxId) const;
    void resetTo(MessageCache *cache, const QList<Source> &sources);

    QList<Envelope> m_envelopes; // setEnvelopes() only
    MessageCache *m_cache = nullptr;
    QList<Source> m_sources;
    QList<Part> m_parts;
    mutable QCache<int, Envelope> m_rows{RowCacheSize}; // by node, store-backed only
    bool m_loading = false;
    bool m_reloadWanted = false;
    bool m_reloadNow = false; // setMailbox() during a load: no throttling after it
    // What the next load threads instead of reading the cache (applyChanges()).
    std::shared_ptr<const MailboxListing> m_listing;
    QTimer m_reloadTimer;

    QList<Message> m_messages; // by node; a removed message stays, as UID 0, until a load
    int m_removedNodes = 0;
    // What was threaded, by node, once applyChanges() added nodes after a load's.
    std::shared_ptr<const ThreadInput> m_nodeInput;
    Threads m_threads;
    QList<int> m_rowOfNode; // the node's row under its parent
    QList<qint64> m_newestInThread;
    QList<int> m_unreadInThread;
    QList<int> m_sizeOfThread;
    int m_sortColumn = DateColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace Tidings
