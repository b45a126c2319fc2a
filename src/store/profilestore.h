// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/profile.h"

#include <QList>
#include <optional>

namespace Tidings {

// The named views of profiles.ini under the config dir, in the order they were added (which
// is the order of Ctrl+1..9).
class ProfileStore
{
public:
    explicit ProfileStore(const QString &configDir);

    QString filePath() const { return m_filePath; }
    QList<Profile> profiles() const;
    std::optional<Profile> find(const QString &name) const;

    // A new name is appended; an existing one is replaced in place.
    Error save(const Profile &profile);
    bool remove(const QString &name);

private:
    QString m_filePath;
};

} // namespace Tidings
