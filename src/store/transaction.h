// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QElapsedTimer>

namespace Tidings {

class Database;

// Every write goes through one of these: rolled back in the destructor unless committed,
// and a warning when the write lock was held longer than LongHoldMs.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    Error error() const { return m_error; }
    Error commit();

    // Holding the write lock longer stalls readers' checkpoints and the UI thread.
    static constexpr int LongHoldMs = 100;

private:
    Database &m_db;
    bool m_active = false;
    Error m_error;
    QElapsedTimer m_held;
};

} // namespace Tidings
