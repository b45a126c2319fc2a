// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"
#include "imap/recipients.h"

#include <KIMAP/FetchJob>

namespace Tidings {

// Turns one FETCH result (header fields, flags, size, INTERNALDATE) into an Envelope.
// Missing or malformed headers give empty fields, never a failure: a list row must show.
Envelope envelopeFromFetch(const KIMAP::Message &message,
                           Recipients recipients = Recipients::Include);

} // namespace Tidings
