// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"
#include "models/threader.h"

#include <QAbstractItemModel>

namespace Tidings {

// The messages of the selected mailbox as conversations: a thread's first message at the
// top level, replies below it. Threads are ordered by their newest message (or by sender
// or subject); replies oldest first. The view paints rows on demand: no widget per message.
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
        ColumnCount
    };
    enum Role
    {
        UidRole = Qt::UserRole + 1,
        UnreadRole,
        FlaggedRole,
        FromAddressRole
    };

    explicit MessageListModel(QObject *parent = nullptr);

    // Dragged messages: their UIDs in the selected mailbox, one decimal per line.
    static QString mimeType() { return QStringLiteral("application/x-tidings-message-uids"); }
    static QList<qint64> uidsFromMimeData(const QMimeData *data);

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
    // Every message, threads and replies alike.
    int messageCount() const { return int(m_envelopes.size()); }
    int unreadCount() const;

private:
    void rebuild();
    int nodeAt(const QModelIndex &index) const;
    int rowOf(int node) const;
    const QList<int> &childrenOf(int node) const;

    QList<Envelope> m_envelopes;
    Threads m_threads;
    QList<QDateTime> m_newestInThread; // per node, for roots: the thread's latest date
    QList<int> m_unreadInThread;       // per root: unread messages in the whole thread
    QList<int> m_sizeOfThread;         // per root: messages in the whole thread
    int m_sortColumn = DateColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace Tidings
