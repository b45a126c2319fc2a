// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QString>
#include <functional>

class QObject;

namespace Tidings {

class ImapConnection;

// Opens `mailbox` read-only (EXAMINE: nothing about it changes) on the connection's
// session, then calls `next` with no error, or with the server's refusal. `next` does not run once
// `context` is gone.
void examineMailbox(ImapConnection *connection, const QString &mailbox, QObject *context,
                    const std::function<void(const Error &)> &next);

} // namespace Tidings
