// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QString>
#include <QStringList>

namespace Tidings {

class Database;

// Address completion for the composer's To/Cc/Bcc fields: people the user has written to
// (store/RecipientHistory) and the senders of cached mail, best first. A match is a prefix
// of the address or of any word of the name, ignoring case. One SQL query with a LIMIT:
// measured on 100,000 cached envelopes, see complete().
class AddressCompleter
{
public:
    explicit AddressCompleter(Database &db);

    // "Name <email>" (the name quoted when it needs to be, RFC 5322 3.4), or the bare
    // address when no name is known. Ranked by how often the address was written to or
    // seen, a message sent counting as SentWeight received ones; then by how recently.
    QStringList complete(const QString &typed, int limit = DefaultLimit,
                         Error *error = nullptr) const;

    // A completer popup shows about this many rows without scrolling.
    static constexpr int DefaultLimit = 10;
    // Someone the user wrote to is a far better guess than someone who wrote to the user
    // (newsletters, notifications): one sent message outweighs this many received ones.
    static constexpr int SentWeight = 10;
    // Completing on one letter lists half the address book and costs a full scan for
    // nothing a user reads: start from two.
    static constexpr int MinTypedLength = 2;

private:
    Database &m_db;
};

} // namespace Tidings
