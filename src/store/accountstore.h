// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/error.h"

#include <QList>
#include <QString>
#include <optional>

namespace Tidings {

// The accounts of one profile, kept in accounts.ini under the config dir. Holds no secrets:
// passwords live in the keychain (auth/SecretStore).
class AccountStore
{
public:
    explicit AccountStore(const QString &configDir);

    QString filePath() const { return m_filePath; }
    QList<Account> accounts() const;
    std::optional<Account> find(const QString &name) const;

    Error add(const Account &account);
    bool remove(const QString &name);

private:
    QString m_filePath;
};

} // namespace Tidings
