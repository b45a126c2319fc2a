// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/mailbox.h"

#include <QAbstractItemModel>
#include <memory>
#include <vector>

namespace Tidings {

// Accounts at the top level, each with its mailbox hierarchy below (personal folders,
// then other users' and shared namespaces). Above them, with two accounts or more, "All
// Inboxes": the unified inbox, whose unread count is the sum of those accounts' INBOXes.
class MailboxTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role
    {
        AccountRole = Qt::UserRole + 1, // account name, on every row
        MailboxPathRole,                // full server path; empty on account rows
        SelectableRole,
        MailboxRoleRole, // Tidings::MailboxRole as int
        UnreadRole,
        UnifiedRole, // true on the "All Inboxes" row (no account, no path)
    };
    enum class AccountState
    {
        Connecting,
        Online,
        Failed
    };

    explicit MailboxTreeModel(QObject *parent = nullptr);
    ~MailboxTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void addAccount(const QString &name, const QString &label);
    void setAccountState(const QString &name, AccountState state, const QString &detail = {});
    void setMailboxes(const QString &account, const QList<Mailbox> &mailboxes);
    void setUnread(const QString &account, const QString &path, int unseen);
    // The accounts whose INBOXes the unified inbox shows (those of the current profile). The
    // row is there with MinUnifiedAccounts of them: with one it would repeat that INBOX.
    void setUnifiedAccounts(const QStringList &accounts);
    QStringList unifiedAccounts() const { return m_unifiedAccounts; }
    static constexpr int MinUnifiedAccounts = 2;
    QModelIndex unifiedIndex() const;

    QModelIndex accountIndex(const QString &name) const;
    QModelIndex mailboxIndex(const QString &account, const QString &path) const;

private:
    struct Node;
    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(Node *node) const;
    void updateUnifiedUnread();

    std::unique_ptr<Node> m_root;
    QStringList m_unifiedAccounts;
};

} // namespace Tidings
