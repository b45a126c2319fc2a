// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QString>

namespace Tidings {

class Database;

// Senders whose messages may load remote content (images, styles, fonts) without asking:
// the viewer's "always for this sender". Addresses compare case-insensitively.
class SenderTrust
{
public:
    explicit SenderTrust(Database &db);

    bool allowsRemoteContent(const QString &email) const;
    Error allowRemoteContent(const QString &email);
    Error revokeRemoteContent(const QString &email);

private:
    Database &m_db;
};

} // namespace Tidings
