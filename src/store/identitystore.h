// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/identity.h"

#include <QList>
#include <QString>

namespace Tidings {

// The identities of the profile's accounts: each account's own address (from accounts.ini)
// plus the aliases and delegated identities kept in identities.ini under the config dir.
class IdentityStore
{
public:
    explicit IdentityStore(const QString &configDir);

    QString filePath() const { return m_filePath; }
    // Every account's own identity first (in account order), then the configured ones.
    QList<Identity> identities() const;
    QList<Identity> identitiesOf(const QString &account) const;

    // The account must exist; the key must be new, or `replace` set.
    Error add(const Identity &identity, bool replace = false);
    bool remove(const QString &key);
    // The own identity's signature lives here too, so an own identity can be "added" only to
    // change its signature or display name.

private:
    QString m_configDir;
    QString m_filePath;
};

} // namespace Tidings
