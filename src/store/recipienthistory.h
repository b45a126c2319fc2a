// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"
#include "core/error.h"

#include <QDateTime>
#include <QList>

namespace Tidings {

class Database;

// The addresses the user has sent mail to, how often and when last: the best guesses for
// address completion (models/AddressCompleter reads the table).
class RecipientHistory
{
public:
    explicit RecipientHistory(Database &db);

    // One more message to each of these; a name given now replaces the remembered one.
    Error recordRecipients(const QList<Address> &recipients,
                           const QDateTime &when = QDateTime::currentDateTimeUtc());

private:
    Database &m_db;
};

} // namespace Tidings
