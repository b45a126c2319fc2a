// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/messagelistmodel.h"

#include <QFont>
#include <QLocale>
#include <QMimeData>
#include <algorithm>

namespace Tidings {

namespace {
QString shortDate(const QDateTime &date)
{
    if (!date.isValid())
        return {};
    // Like other mail clients: the time for today, day and month this year, else the date.
    const QDateTime local = date.toLocalTime();
    const QLocale locale;
    const QDate today = QDate::currentDate();
    // Some locales' short time format (C among them) carries seconds; a list needs none.
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(QLatin1String(":ss"));
    if (local.date() == today)
        return locale.toString(local.time(), timeFormat);
    if (local.date().year() == today.year())
        return locale.toString(local, QStringLiteral("d MMM, ") + timeFormat);
    return locale.toString(local.date(), QLocale::ShortFormat);
}

// Internal ids are node indices + 1, so 0 stays "no node".
constexpr quintptr NoNode = 0;
} // namespace

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

int MessageListModel::nodeAt(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId() - 1) : -1;
}

const QList<int> &MessageListModel::childrenOf(int node) const
{
    return node < 0 ? m_threads.roots : m_threads.nodes.at(node).children;
}

int MessageListModel::rowOf(int node) const
{
    return int(childrenOf(m_threads.nodes.at(node).parent).indexOf(node));
}

QModelIndex MessageListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const QList<int> &children = childrenOf(nodeAt(parent));
    if (row < 0 || row >= children.size())
        return {};
    return createIndex(row, column, quintptr(children.at(row)) + 1);
}

QModelIndex MessageListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == NoNode)
        return {};
    const int parentNode = m_threads.nodes.at(nodeAt(child)).parent;
    if (parentNode < 0)
        return {};
    return createIndex(rowOf(parentNode), 0, quintptr(parentNode) + 1);
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(nodeAt(parent)).size());
}

int MessageListModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const int node = nodeAt(index);
    const Envelope &e = m_envelopes.at(m_threads.nodes.at(node).envelope);
    const bool root = m_threads.nodes.at(node).parent < 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FlagColumn:
            return e.isFlagged() ? QStringLiteral("\u2691") : QString();
        case SubjectColumn: {
            QString subject = e.subject.isEmpty() ? tr("(no subject)") : e.subject;
            // A thread's first row says how much is inside and how much of it is unread.
            const int size = m_sizeOfThread.value(node);
            if (root && size > 1) {
                const int unread = m_unreadInThread.value(node);
                subject += unread > 0 ? tr(" (%1 unread of %2)").arg(unread).arg(size)
                                      : tr(" (%1)").arg(size);
            }
            return subject;
        }
        case FromColumn:
            return e.from.displayName();
        case DateColumn:
            // A thread shows when it last moved, which is also the order threads sort in.
            return shortDate(root ? m_newestInThread.value(node) : e.date);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == FromColumn)
            return e.from.email;
        if (index.column() == DateColumn)
            return QLocale().toString(e.date.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::FontRole:
        if (e.isUnread()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1, %2, %3%4")
            .arg(e.from.displayName(), e.subject, shortDate(e.date),
                 e.isUnread() ? tr(", unread") : QString());
    case UidRole:
        return e.uid;
    case UnreadRole:
        return e.isUnread();
    case FlaggedRole:
        return e.isFlagged();
    case FromAddressRole:
        return e.from.email;
    }
    return {};
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FlagColumn:
        return QStringLiteral("\u2691");
    case SubjectColumn:
        return tr("Subject");
    case FromColumn:
        return tr("From");
    case DateColumn:
        return tr("Date");
    }
    return {};
}

int MessageListModel::unreadCount() const
{
    return int(std::count_if(m_envelopes.cbegin(), m_envelopes.cend(),
                             [](const Envelope &e) { return e.isUnread(); }));
}

void MessageListModel::clear()
{
    setEnvelopes({});
}

void MessageListModel::setEnvelopes(const QList<Envelope> &envelopes)
{
    beginResetModel();
    m_envelopes = envelopes;
    m_threads = threadMessages(m_envelopes);
    m_newestInThread = QList<QDateTime>(m_threads.nodes.size());
    m_unreadInThread = QList<int>(m_threads.nodes.size(), 0);
    m_sizeOfThread = QList<int>(m_threads.nodes.size(), 0);
    for (int root : std::as_const(m_threads.roots)) {
        QList<int> stack{root};
        while (!stack.isEmpty()) {
            const int n = stack.takeLast();
            const Envelope &e = m_envelopes.at(n);
            if (!m_newestInThread[root].isValid() || e.date > m_newestInThread[root])
                m_newestInThread[root] = e.date;
            m_unreadInThread[root] += e.isUnread() ? 1 : 0;
            m_sizeOfThread[root] += 1;
            stack += m_threads.nodes.at(n).children;
        }
    }
    rebuild();
    endResetModel();
}

void MessageListModel::rebuild()
{
    auto key = [this](int node) -> QString {
        const Envelope &e = m_envelopes.at(node);
        return m_sortColumn == FromColumn ? e.from.displayName().toCaseFolded()
                                          : e.subject.toCaseFolded();
    };
    // A strict weak order; threads sort by their newest message, so a conversation with a
    // new reply comes up, and ties fall back to that and then to the UID.
    auto less = [&](int a, int b) {
        if (m_sortColumn == FromColumn || m_sortColumn == SubjectColumn) {
            if (const int c = key(a).localeAwareCompare(key(b)); c != 0)
                return c < 0;
        }
        if (m_newestInThread[a] != m_newestInThread[b])
            return m_newestInThread[a] < m_newestInThread[b];
        return m_envelopes.at(a).uid < m_envelopes.at(b).uid;
    };
    std::stable_sort(m_threads.roots.begin(), m_threads.roots.end(), [&](int a, int b) {
        return m_sortOrder == Qt::AscendingOrder ? less(a, b) : less(b, a);
    });
}

void MessageListModel::sort(int column, Qt::SortOrder order)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> nodes;
    for (const QModelIndex &i : before)
        nodes.append(nodeAt(i));
    m_sortColumn = column == FlagColumn ? DateColumn : column;
    m_sortOrder = order;
    rebuild();
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(createIndex(rowOf(nodes[i]), before[i].column(), quintptr(nodes[i]) + 1));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

Qt::ItemFlags MessageListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (index.isValid())
        f |= Qt::ItemIsDragEnabled;
    return f;
}

QStringList MessageListModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *MessageListModel::mimeData(const QModelIndexList &indexes) const
{
    QList<qint64> uids;
    for (const QModelIndex &i : indexes) {
        const qint64 uid = i.data(UidRole).toLongLong();
        if (!uids.contains(uid))
            uids.append(uid);
    }
    QByteArray encoded;
    for (qint64 uid : std::as_const(uids))
        encoded += QByteArray::number(uid) + '\n';
    auto *data = new QMimeData;
    data->setData(mimeType(), encoded);
    return data;
}

QList<qint64> MessageListModel::uidsFromMimeData(const QMimeData *data)
{
    QList<qint64> uids;
    if (!data)
        return uids;
    for (const QByteArray &line : data->data(mimeType()).split('\n')) {
        bool ok = false;
        const qint64 uid = line.toLongLong(&ok);
        if (ok && uid > 0)
            uids.append(uid);
    }
    return uids;
}

Qt::DropActions MessageListModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

} // namespace Tidings
