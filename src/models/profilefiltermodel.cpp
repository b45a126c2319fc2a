// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/profilefiltermodel.h"
#include "models/mailboxtreemodel.h"

namespace Tidings {

ProfileFilterModel::ProfileFilterModel(MailboxTreeModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
{
    // A named mailbox brings the rows above it along (Shared → boss → INBOX).
    setRecursiveFilteringEnabled(true);
    setSourceModel(source);
    // Mailboxes arrive under an account row the profile hides; the proxy does not look at
    // rows under a hidden parent, so the filter runs again over the (small) tree.
    connect(source, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent) {
        if (m_profile && !mapFromSource(parent).isValid())
            invalidateRowsFilter();
    });
}

void ProfileFilterModel::setProfile(const std::optional<Profile> &profile)
{
    m_profile = profile;
    invalidateRowsFilter();
}

bool ProfileFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_profile)
        return true;
    const QModelIndex row = m_source->index(sourceRow, 0, sourceParent);
    // The tree has it only when the profile shows two accounts' INBOXes (Workspace).
    if (row.data(MailboxTreeModel::UnifiedRole).toBool())
        return true;
    const QString account = row.data(MailboxTreeModel::AccountRole).toString();
    const QString path = row.data(MailboxTreeModel::MailboxPathRole).toString();
    if (path.isEmpty())
        return m_profile->accounts.contains(account);
    return m_profile->showsMailbox(account, path);
}

QModelIndex ProfileFilterModel::mailboxIndex(const QString &account, const QString &path) const
{
    return mapFromSource(m_source->mailboxIndex(account, path));
}

QModelIndex ProfileFilterModel::firstMailbox() const
{
    if (!m_profile) {
        for (int row = 0; row < rowCount(); ++row) {
            const QModelIndex first = index(row, 0);
            if (!first.data(MailboxTreeModel::UnifiedRole).toBool())
                return mailboxIndex(first.data(MailboxTreeModel::AccountRole).toString(),
                                    QStringLiteral("INBOX"));
        }
        return {};
    }
    for (const MailboxRef &m : m_profile->mailboxes) {
        if (const QModelIndex i = mailboxIndex(m.account, m.path); i.isValid())
            return i;
    }
    for (const QString &a : m_profile->accounts) {
        if (const QModelIndex i = mailboxIndex(a, QStringLiteral("INBOX")); i.isValid())
            return i;
    }
    return {};
}

} // namespace Tidings
