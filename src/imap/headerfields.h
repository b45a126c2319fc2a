// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"
#include "imap/recipients.h"

#include <QByteArrayView>

namespace Tidings {

struct FetchResponse;

// Which way readHeaderFields() went: Fallback when at least one field needed KMime.
enum class HeaderPath : quint8
{
    Fast,
    Fallback
};

// Fills subject, from, to (with Recipients::Include), date, messageId, inReplyTo and references
// of `envelope` from a header block (the bytes of BODY[HEADER.FIELDS ...]) with exactly the
// answers envelopeFromFetch() gets from KMime for the same bytes. Common shapes are read by
// hand; every other field goes through KMime's header class. A message without a usable
// Date: is dated by `internalDate` (INTERNALDATE's text), so it still sorts by arrival.
// (KMime 24.12 leaves the seconds of a Date: that ends right after the minutes, zone and
// seconds missing, uninitialised: that field's answer is KMime's, whatever it is.)
// Safe on several threads at once: its own KMime calls take turns (see headerfields.cpp).
HeaderPath readHeaderFields(QByteArrayView block, QByteArrayView internalDate,
                            Recipients recipients, Envelope &envelope);

// The whole Envelope of one parsed FETCH response: UID, size, flags and the header fields.
Envelope envelopeFromResponse(const FetchResponse &response, Recipients recipients,
                              HeaderPath *path = nullptr);

} // namespace Tidings
