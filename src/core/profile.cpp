// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/profile.h"

#include <QCoreApplication>

namespace Tidings {

bool Profile::showsAccount(const QString &account) const
{
    if (accounts.contains(account))
        return true;
    for (const MailboxRef &m : mailboxes) {
        if (m.account == account)
            return true;
    }
    return false;
}

bool Profile::showsMailbox(const QString &account, const QString &path) const
{
    return accounts.contains(account) || mailboxes.contains(MailboxRef{account, path});
}

QString Profile::validate() const
{
    if (name.trimmed().isEmpty())
        return QCoreApplication::translate("Tidings::Profile", "a profile needs a name");
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        return QCoreApplication::translate("Tidings::Profile",
                                           "a profile name cannot contain '/' or '\\'");
    if (accounts.isEmpty() && mailboxes.isEmpty())
        return QCoreApplication::translate("Tidings::Profile",
                                           "profile '%1' shows no account and no mailbox")
            .arg(name);
    return {};
}

} // namespace Tidings
