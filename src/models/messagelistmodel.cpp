// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/messagelistmodel.h"
#include "models/messagelistloader.h"
#include "store/messagecache.h"

#include <QFont>
#include <QFutureWatcher>
#include <QLocale>
#include <QPromise>
#include <QThreadPool>
#include <QTimeZone>
#include <algorithm>
#include <memory>

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
QDateTime fromThreadTime(qint64 when)
{
    return when == NoThreadTime ? QDateTime()
                                : QDateTime::fromMSecsSinceEpoch(when, QTimeZone::UTC);
}

} // namespace

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    m_reloadTimer.setSingleShot(true);
    connect(&m_reloadTimer, &QTimer::timeout, this, [this] {
        if (m_cache && m_reloadWanted && !m_loading)
            startLoad();
    });
}

MessageListModel::~MessageListModel() = default;

const Envelope &MessageListModel::envelopeAt(int node) const
{
    if (!m_cache)
        return m_envelopes.at(node);
    if (const Envelope *cached = m_rows.object(node))
        return *cached;
    const qint64 uid = m_messages.at(node).uid;
    // A row the cache no longer has (removed by a sync since the load) shows empty.
    auto *row = new Envelope(m_cache->envelope(partOf(node).mailboxId, uid).value_or(Envelope{}));
    row->uid = uid;
    m_rows.insert(node, row);
    return *row;
}

const MessageListModel::Part &MessageListModel::partOf(int node) const
{
    static const Part none;
    // A handful of parts at most (one per account): a scan is cheaper than any index.
    for (qsizetype i = m_parts.size() - 1; i >= 0; --i) {
        if (m_parts.at(i).firstNode <= node)
            return m_parts.at(i);
    }
    return none;
}

QString MessageListModel::labelOf(qint64 mailboxId) const
{
    for (const Source &s : m_sources) {
        if (s.mailboxId == mailboxId)
            return s.label;
    }
    return {};
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
    return m_rowOfNode.value(node, -1);
}

void MessageListModel::reindexRows()
{
    m_rowOfNode = QList<int>(m_threads.nodes.size(), -1);
    for (qsizetype row = 0; row < m_threads.roots.size(); ++row)
        m_rowOfNode[m_threads.roots.at(row)] = int(row);
    for (const ThreadNode &n : std::as_const(m_threads.nodes)) {
        for (qsizetype row = 0; row < n.children.size(); ++row)
            m_rowOfNode[n.children.at(row)] = int(row);
    }
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
    const Message &m = m_messages.at(node);
    const bool root = m_threads.nodes.at(node).parent < 0;
    const bool unread = !m.flags.testFlag(MessageFlag::Seen);
    const bool flagged = m.flags.testFlag(MessageFlag::Flagged);
    switch (role) {
    case UidRole:
        return m.uid;
    case MailboxIdRole:
        return partOf(node).mailboxId;
    case UnreadRole:
        return unread;
    case FlaggedRole:
        return flagged;
    case Qt::FontRole:
        if (unread) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DisplayRole:
        if (index.column() == FlagColumn)
            return flagged ? QStringLiteral("\u2691") : QString();
        if (index.column() == AccountColumn)
            return showsSeveralMailboxes() ? labelOf(partOf(node).mailboxId) : QString();
        if (index.column() == DateColumn && root)
            // A thread shows when it last moved, which is also the order threads sort in.
            return shortDate(fromThreadTime(m_newestInThread.value(node, NoThreadTime)));
        break;
    default:
        break;
    }
    // The rest needs the row's text: read from the cache when store-backed.
    const Envelope &e = envelopeAt(node);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
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
            return shortDate(e.date);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == FromColumn)
            return e.from.email;
        if (index.column() == DateColumn)
            return QLocale().toString(e.date.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1, %2, %3%4")
            .arg(e.from.displayName(), e.subject, shortDate(e.date),
                 unread ? tr(", unread") : QString());
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
    case AccountColumn:
        return tr("Account");
    }
    return {};
}

int MessageListModel::unreadCount() const
{
    return int(std::count_if(m_messages.cbegin(), m_messages.cend(), [](const Message &m) {
        return !m.flags.testFlag(MessageFlag::Seen);
    }));
}

void MessageListModel::clear()
{
    m_cache = nullptr; // a load still running for it is dropped when it ends
    m_sources.clear();
    m_reloadWanted = false;
    m_reloadNow = false;
    setEnvelopes({});
}

void MessageListModel::setEnvelopes(const QList<Envelope> &envelopes)
{
    setEnvelopes(envelopes, Source{});
}

void MessageListModel::setEnvelopes(const QList<Envelope> &envelopes, const Source &source)
{
    setEnvelopes(QList<Source>{source}, {envelopes});
}

void MessageListModel::setEnvelopes(const QList<Source> &sources,
                                    const QList<QList<Envelope>> &envelopes)
{
    m_cache = nullptr;
    m_sources = sources;
    Loaded all;
    m_envelopes.clear();
    for (qsizetype i = 0; i < sources.size() && i < envelopes.size(); ++i) {
        Loaded l;
        l.messages.reserve(envelopes[i].size());
        for (const Envelope &e : envelopes[i])
            l.messages.append({e.uid, threadTime(e.date), e.flags});
        l.threads = threadMessages(envelopes[i]);
        countThreads(l);
        appendLoaded(all, std::move(l), sources[i].mailboxId);
        m_envelopes += envelopes[i];
    }
    apply(std::move(all));
}

namespace {
QList<qint64> idsOf(const QList<MessageListModel::Source> &sources)
{
    QList<qint64> ids;
    ids.reserve(sources.size());
    for (const MessageListModel::Source &s : sources)
        ids.append(s.mailboxId);
    return ids;
}
} // namespace

void MessageListModel::setMailbox(MessageCache *cache, qint64 mailboxId)
{
    setMailboxes(cache, {Source{mailboxId, {}}});
}

void MessageListModel::resetTo(MessageCache *cache, const QList<Source> &sources)
{
    beginResetModel();
    m_envelopes.clear();
    m_messages.clear();
    m_threads = {};
    m_newestInThread.clear();
    m_unreadInThread.clear();
    m_sizeOfThread.clear();
    m_rows.clear();
    m_parts.clear();
    m_removedNodes = 0;
    m_nodeInput.reset();
    m_rowOfNode.clear();
    m_cache = cache;
    m_sources = sources;
    endResetModel();
}

void MessageListModel::setMailboxes(MessageCache *cache, const QList<Source> &sources)
{
    if (cache != m_cache || idsOf(sources) != idsOf(m_sources))
        resetTo(cache, sources);
    else
        m_sources = sources; // a label may have changed; the rows stay
    m_listing.reset();       // the cache as it is now is wanted
    if (!m_cache)
        return;
    if (m_loading) {
        // Once the running load ends: it may miss the latest batch.
        m_reloadWanted = true;
        m_reloadNow = true;
    } else {
        startLoad();
    }
}

void MessageListModel::refreshSoon()
{
    if (!m_cache)
        return;
    m_reloadWanted = true;
    if (!m_loading)
        startLoadWhenDue();
}

void MessageListModel::startLoadWhenDue()
{
    if (m_messages.size() < ImmediateReloadBelow) {
        startLoad();
        return;
    }
    // Counted from the first request: a sync that ends meanwhile reloads at once instead
    // (setMailbox()), so a short resync costs one load, not two.
    if (!m_reloadTimer.isActive())
        m_reloadTimer.start(ReloadIntervalMs);
}

void MessageListModel::startLoad()
{
    m_reloadTimer.stop();
    m_loading = true;
    m_reloadWanted = false;
    m_reloadNow = false;
    const MessageCache *cache = m_cache;
    const QList<qint64> mailboxIds = idsOf(m_sources);
    std::function<Loaded()> load = [path = m_cache->databasePath(), mailboxIds,
                                    previous = m_parts] {
        return loadMessageLists(path, mailboxIds, previous);
    };
    if (m_listing) {
        load = [listing = std::exchange(m_listing, {}), id = mailboxIds.constFirst()] {
            Loaded all;
            appendLoaded(all, loadListing(*listing), id);
            return all;
        };
    }
    auto promise = std::make_shared<QPromise<Loaded>>();
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, cache, mailboxIds] {
        watcher->deleteLater();
        m_loading = false;
        const bool current = cache == m_cache && mailboxIds == idsOf(m_sources);
        if (current && watcher->future().resultCount() > 0) {
            Loaded l = watcher->future().takeResult();
            // A reader holding an old snapshot keeps the log from being copied out.
            m_cache->checkpointWhenIdle();
            if (l.error.isEmpty())
                apply(std::move(l));
            else
                qWarning("message list: %s", qPrintable(l.error));
        }
        if (m_cache && !current)
            startLoad();
        else if (m_cache && m_reloadNow)
            startLoad();
        else if (m_cache && m_reloadWanted)
            startLoadWhenDue();
        else if (current)
            Q_EMIT loaded();
    });
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, load = std::move(load)] {
        promise->start();
        promise->addResult(load());
        promise->finish();
    });
}

void MessageListModel::apply(Loaded l)
{
    beginResetModel();
    m_messages = std::move(l.messages);
    m_threads = std::move(l.threads);
    m_newestInThread = std::move(l.newestInThread);
    m_unreadInThread = std::move(l.unreadInThread);
    m_sizeOfThread = std::move(l.sizeOfThread);
    m_parts = std::move(l.parts);
    m_removedNodes = 0;
    m_nodeInput.reset();
    m_rows.clear();
    rebuild();
    endResetModel();
}

void MessageListModel::rebuild()
{
    // Sorting by text needs every root's text once: read them in one pass, not per compare.
    QHash<int, QString> keys;
    if (m_sortColumn == FromColumn || m_sortColumn == SubjectColumn) {
        auto keyOf = [this](const Envelope &e) {
            return m_sortColumn == FromColumn ? e.from.displayName().toCaseFolded()
                                              : e.subject.toCaseFolded();
        };
        if (!m_cache) {
            for (int root : std::as_const(m_threads.roots))
                keys.insert(root, keyOf(m_envelopes.at(root)));
        } else {
            QHash<MessageKey, int> rootOfKey;
            for (int root : std::as_const(m_threads.roots))
                rootOfKey.insert({partOf(root).mailboxId, m_messages.at(root).uid}, root);
            for (const Part &part : std::as_const(m_parts)) {
                for (const Envelope &e : m_cache->envelopes(part.mailboxId)) {
                    const auto it = rootOfKey.constFind({part.mailboxId, e.uid});
                    if (it != rootOfKey.cend())
                        keys.insert(it.value(), keyOf(e));
                }
            }
        }
    }
    // A strict weak order; threads sort by their newest message, so a conversation with a
    // new reply comes up, and ties fall back to that and then to the UID.
    auto less = [&](int a, int b) {
        if (!keys.isEmpty()) {
            if (const int c = keys.value(a).localeAwareCompare(keys.value(b)); c != 0)
                return c < 0;
        }
        if (m_newestInThread[a] != m_newestInThread[b])
            return m_newestInThread[a] < m_newestInThread[b];
        return m_messages.at(a).uid < m_messages.at(b).uid;
    };
    std::stable_sort(m_threads.roots.begin(), m_threads.roots.end(), [&](int a, int b) {
        return m_sortOrder == Qt::AscendingOrder ? less(a, b) : less(b, a);
    });
    reindexRows();
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

} // namespace Tidings
