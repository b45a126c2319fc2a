// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/draft.h"
#include "core/error.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace Tidings {

class Database;

// Where the server copy of a draft is (the account's \Drafts mailbox, RFC 6154).
struct DraftServerCopy
{
    QString account;
    QString mailbox;
    qint64 uid = 0;

    bool isValid() const { return uid > 0 && !account.isEmpty() && !mailbox.isEmpty(); }
};

// One row of a Drafts list.
struct DraftSummary
{
    qint64 id = 0;
    QString identity;
    QString subject;
    QString recipients; // "Ann, bob@example.org", as a list shows them
    QDateTime updated;
    DraftServerCopy serverCopy;
};

// Drafts kept on this machine, so a crash or a lost connection never costs what was typed.
// A draft is stored whole (attachments included) and comes back field for field.
class DraftStore
{
public:
    explicit DraftStore(Database &db);

    // Inserts a draft with id 0 and sets its id; replaces the stored one otherwise. An id
    // that is no longer stored (removed meanwhile) is an error, not a new draft.
    Error save(Draft &draft);
    std::optional<Draft> load(qint64 id, Error *error = nullptr) const;
    // Newest first.
    QList<DraftSummary> list(Error *error = nullptr) const;
    Error remove(qint64 id);

    Error setServerCopy(qint64 id, const DraftServerCopy &copy);
    DraftServerCopy serverCopy(qint64 id, Error *error = nullptr) const;

private:
    Database &m_db;
};

} // namespace Tidings
