// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"
#include "core/threadinput.h"

#include <QList>

namespace Tidings {

// One message of a conversation tree: an index into the envelope list, and its replies.
struct ThreadNode
{
    int envelope = -1;
    int parent = -1; // index into Threads::nodes, -1 for a thread root
    QList<int> children;
};

struct Threads
{
    QList<ThreadNode> nodes; // one per envelope, same order
    QList<int> roots;        // node indices of the thread roots
};

// Jamie Zawinski's threading (https://www.jwz.org/doc/threading.html) on Message-ID,
// References and In-Reply-To. Messages whose parents are missing hang from the nearest
// ancestor present; siblings of a missing root are joined under the oldest of them. No
// grouping by subject (off by default: it merges unrelated "Hello" mails).
// Children are ordered oldest first; roots are left unordered for the caller to sort.
Threads threadMessages(const ThreadInput &input);
Threads threadMessages(const QList<Envelope> &envelopes);

} // namespace Tidings
