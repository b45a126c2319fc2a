// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/mailboxtreemodel.h"

#include <QFont>
#include <QIcon>
#include <QLocale>
#include <functional>

namespace Tidings {

struct MailboxTreeModel::Node
{
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    QString account;
    QString label;
    Mailbox mailbox; // empty path on account and root nodes
    bool isAccount = false;
    bool isUnified = false;
    AccountState state = AccountState::Connecting;
    int unread = 0;
    QString detail;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return static_cast<int>(i);
        }
        return 0;
    }
    Node *child(const QString &name) const
    {
        for (const auto &c : children) {
            if (c->label == name)
                return c.get();
        }
        return nullptr;
    }
};

namespace {
// RFC 3501 5.1: the name INBOX is case-insensitive.
bool isInbox(const QString &path)
{
    return path.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0;
}

QIcon iconFor(MailboxRole role)
{
    switch (role) {
    case MailboxRole::Inbox:
        return QIcon::fromTheme(QStringLiteral("mail-folder-inbox"));
    case MailboxRole::Sent:
        return QIcon::fromTheme(QStringLiteral("mail-folder-sent"));
    case MailboxRole::Drafts:
        return QIcon::fromTheme(QStringLiteral("document-edit"));
    case MailboxRole::Trash:
        return QIcon::fromTheme(QStringLiteral("user-trash"));
    case MailboxRole::Junk:
        return QIcon::fromTheme(QStringLiteral("mail-mark-junk"));
    default:
        return QIcon::fromTheme(QStringLiteral("folder"));
    }
}
} // namespace

MailboxTreeModel::MailboxTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
}

MailboxTreeModel::~MailboxTreeModel() = default;

MailboxTreeModel::Node *MailboxTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex MailboxTreeModel::indexFor(Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), 0, node);
}

QModelIndex MailboxTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    Node *p = nodeFor(parent);
    if (column != 0 || row < 0 || static_cast<size_t>(row) >= p->children.size())
        return {};
    return createIndex(row, column, p->children[static_cast<size_t>(row)].get());
}

QModelIndex MailboxTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFor(nodeFor(child)->parent);
}

int MailboxTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return static_cast<int>(nodeFor(parent)->children.size());
}

int MailboxTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant MailboxTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeFor(index);
    if (n->isUnified) {
        switch (role) {
        case Qt::DisplayRole:
            return n->unread > 0 ? tr("All Inboxes (%1)").arg(n->unread) : tr("All Inboxes");
        case UnreadRole:
            return n->unread;
        case Qt::ToolTipRole:
            return tr("The inboxes of %1 together")
                .arg(QLocale().createSeparatedList(m_unifiedAccounts));
        case Qt::DecorationRole:
            return iconFor(MailboxRole::Inbox);
        case Qt::FontRole: {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        case SelectableRole:
        case UnifiedRole:
            return true;
        case AccountRole:
        case MailboxPathRole:
            return QString();
        case MailboxRoleRole:
            return static_cast<int>(MailboxRole::Inbox);
        }
        return {};
    }
    switch (role) {
    case UnifiedRole:
        return false;
    case Qt::DisplayRole: {
        const QString name = n->isAccount || n->mailbox.role == MailboxRole::None ||
                                     n->mailbox.namespaceKind != NamespaceKind::Personal
                                 ? n->label
                                 : roleName(n->mailbox.role);
        return n->unread > 0 ? QStringLiteral("%1 (%2)").arg(name).arg(n->unread) : name;
    }
    case UnreadRole:
        return n->unread;
    case Qt::ToolTipRole:
        if (n->isAccount)
            return n->detail.isEmpty() ? n->label : n->label + QLatin1Char('\n') + n->detail;
        return n->mailbox.path;
    case Qt::DecorationRole:
        if (n->isAccount) {
            switch (n->state) {
            case AccountState::Connecting:
                return QIcon::fromTheme(QStringLiteral("network-connect"));
            case AccountState::Online:
                return QIcon::fromTheme(QStringLiteral("mail-folder-inbox"));
            case AccountState::Failed:
                return QIcon::fromTheme(QStringLiteral("dialog-error"));
            }
        }
        return iconFor(n->mailbox.role);
    case Qt::FontRole:
        if (n->isAccount || n->unread > 0) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case AccountRole:
        return n->account;
    case MailboxPathRole:
        return n->isAccount ? QString() : n->mailbox.path;
    case SelectableRole:
        return !n->isAccount && n->mailbox.selectable && !n->mailbox.path.isEmpty();
    case MailboxRoleRole:
        return static_cast<int>(n->mailbox.role);
    }
    return {};
}

Qt::ItemFlags MailboxTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

void MailboxTreeModel::addAccount(const QString &name, const QString &label)
{
    if (accountIndex(name).isValid())
        return;
    const int row = static_cast<int>(m_root->children.size());
    beginInsertRows({}, row, row);
    auto node = std::make_unique<Node>();
    node->parent = m_root.get();
    node->account = name;
    node->label = label;
    node->isAccount = true;
    m_root->children.push_back(std::move(node));
    endInsertRows();
}

void MailboxTreeModel::setAccountState(const QString &name, AccountState state,
                                       const QString &detail)
{
    const QModelIndex idx = accountIndex(name);
    if (!idx.isValid())
        return;
    Node *n = nodeFor(idx);
    n->state = state;
    n->detail = detail;
    Q_EMIT dataChanged(idx, idx);
}

void MailboxTreeModel::setMailboxes(const QString &account, const QList<Mailbox> &mailboxes)
{
    const QModelIndex accountIdx = accountIndex(account);
    if (!accountIdx.isValid())
        return;
    Node *accountNode = nodeFor(accountIdx);
    if (!accountNode->children.empty()) {
        beginRemoveRows(accountIdx, 0, static_cast<int>(accountNode->children.size()) - 1);
        accountNode->children.clear();
        endRemoveRows();
    }
    // Build the new hierarchy off-model, then insert it in one step.
    auto staging = std::make_unique<Node>();
    for (const Mailbox &m : mailboxes) {
        Node *at = staging.get();
        const QStringList parts = m.components();
        QString pathSoFar;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            pathSoFar = i == 0 ? parts[i] : pathSoFar + m.separator + parts[i];
            Node *next = at->child(parts[i]);
            if (!next) {
                auto created = std::make_unique<Node>();
                created->parent = at;
                created->account = account;
                created->label = parts[i];
                // Intermediate levels a server does not list (e.g. "Shared/bob") are
                // containers only.
                created->mailbox.path = pathSoFar;
                created->mailbox.separator = m.separator;
                created->mailbox.namespaceKind = m.namespaceKind;
                created->mailbox.selectable = false;
                next = created.get();
                at->children.push_back(std::move(created));
            }
            at = next;
        }
        at->mailbox = m;
    }
    if (staging->children.empty())
        return;
    beginInsertRows(accountIdx, 0, static_cast<int>(staging->children.size()) - 1);
    for (auto &c : staging->children) {
        c->parent = accountNode;
        accountNode->children.push_back(std::move(c));
    }
    endInsertRows();
    if (m_unifiedAccounts.contains(account))
        updateUnifiedUnread();
}

void MailboxTreeModel::setUnread(const QString &account, const QString &path, int unseen)
{
    const QModelIndex idx = mailboxIndex(account, path);
    if (!idx.isValid() || nodeFor(idx)->unread == unseen)
        return;
    nodeFor(idx)->unread = unseen;
    Q_EMIT dataChanged(idx, idx);
    if (m_unifiedAccounts.contains(account) && isInbox(path))
        updateUnifiedUnread();
}

QModelIndex MailboxTreeModel::unifiedIndex() const
{
    const bool present = !m_root->children.empty() && m_root->children.front()->isUnified;
    return present ? indexFor(m_root->children.front().get()) : QModelIndex();
}

void MailboxTreeModel::setUnifiedAccounts(const QStringList &accounts)
{
    m_unifiedAccounts = accounts;
    const bool wanted = accounts.size() >= MinUnifiedAccounts;
    if (wanted && !unifiedIndex().isValid()) {
        // At the top, as Thunderbird's unified folders and Apple Mail's "All Inboxes".
        beginInsertRows({}, 0, 0);
        auto node = std::make_unique<Node>();
        node->parent = m_root.get();
        node->isUnified = true;
        m_root->children.insert(m_root->children.begin(), std::move(node));
        endInsertRows();
    } else if (!wanted && unifiedIndex().isValid()) {
        beginRemoveRows({}, 0, 0);
        m_root->children.erase(m_root->children.begin());
        endRemoveRows();
    }
    updateUnifiedUnread();
}

void MailboxTreeModel::updateUnifiedUnread()
{
    const QModelIndex idx = unifiedIndex();
    if (!idx.isValid())
        return;
    int sum = 0;
    for (const QString &account : std::as_const(m_unifiedAccounts)) {
        if (const QModelIndex inbox = mailboxIndex(account, QStringLiteral("INBOX"));
            inbox.isValid())
            sum += nodeFor(inbox)->unread;
    }
    if (nodeFor(idx)->unread == sum)
        return;
    nodeFor(idx)->unread = sum;
    Q_EMIT dataChanged(idx, idx);
}

QModelIndex MailboxTreeModel::accountIndex(const QString &name) const
{
    for (const auto &c : m_root->children) {
        if (c->isAccount && c->account == name)
            return indexFor(c.get());
    }
    return {};
}

QModelIndex MailboxTreeModel::mailboxIndex(const QString &account, const QString &path) const
{
    const QModelIndex accountIdx = accountIndex(account);
    if (!accountIdx.isValid())
        return {};
    std::function<QModelIndex(const QModelIndex &)> find = [&](const QModelIndex &parent) {
        for (int r = 0; r < rowCount(parent); ++r) {
            const QModelIndex i = index(r, 0, parent);
            if (nodeFor(i)->mailbox.path == path)
                return i;
            if (const QModelIndex below = find(i); below.isValid())
                return below;
        }
        return QModelIndex();
    };
    return find(accountIdx);
}

} // namespace Tidings
