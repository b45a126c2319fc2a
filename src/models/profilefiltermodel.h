// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/profile.h"

#include <QSortFilterProxyModel>
#include <optional>

namespace Tidings {

class MailboxTreeModel;

// The mailbox tree as a profile shows it: its accounts whole, and the single mailboxes it
// names (with the folders above them, so the tree keeps its shape). No profile: everything.
class ProfileFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ProfileFilterModel(MailboxTreeModel *source, QObject *parent = nullptr);

    void setProfile(const std::optional<Profile> &profile);
    QModelIndex mailboxIndex(const QString &account, const QString &path) const;
    // The first mailbox a switch to this profile opens: its first single mailbox, else the
    // INBOX of its first account. Empty when the profile shows nothing that exists.
    QModelIndex firstMailbox() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    MailboxTreeModel *m_source;
    std::optional<Profile> m_profile;
};

} // namespace Tidings
