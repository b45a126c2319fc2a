// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/draft.h"
#include "core/error.h"
#include "core/identity.h"

#include <QByteArray>
#include <optional>

namespace Tidings {

// A message from a Drafts mailbox (saved by this or another client) as a Draft to continue:
// recipients (Bcc included, drafts keep it), subject, text, attachments, threading headers
// and its Message-ID. The identity is the one whose address is in From, else empty.
std::optional<Draft> draftFromMessage(const QByteArray &raw, const QList<Identity> &identities,
                                      Error *error);

} // namespace Tidings
