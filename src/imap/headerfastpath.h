// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"

#include <QByteArrayView>
#include <QVarLengthArray>

// Hand-written readers for the shapes most header fields have, each giving exactly what
// KMime's header class gives for the same text (KMime 24.12: Headers::Subject, From, To, Date,
// MessageID, InReplyTo, References after from7BitString). Each returns false when the text is
// not in a shape it knows that answer for: encoded words, comments, groups, 8-bit bytes, odd
// dates. The caller then asks KMime. `text` is a field body as KMime's header splitter hands
// it to the header class: unfolded, the CR of a CRLF line end still on it.
namespace Tidings::HeaderFastPath {

// Subject: as Unstructured::asUnicodeString().trimmed().
bool subject(QByteArrayView text, QString &out);

// From: / To: as MailboxList/AddressList::mailboxes(), name and address trimmed. With
// `firstOnly` only the first mailbox is kept, but the whole list is still checked: KMime
// keeps no mailbox at all when any entry is malformed.
bool mailboxes(QByteArrayView text, QList<Address> &out, bool firstOnly);

// Date: as Headers::Date::dateTime() when it is valid; false for everything else.
bool dateTime(QByteArrayView text, QDateTime &out);

// Message-ID:, In-Reply-To:, References: as Ident::identifiers() (the first for firstOnly).
bool identifiers(QByteArrayView text, QByteArrayList &out, bool firstOnly);

// Header continuation lines joined the way KMime's unfoldHeader() joins them; false for the
// bytes it treats specially (8-bit, NUL, a continuation starting "=09"/"=20").
using UnfoldBuffer = QVarLengthArray<char, 1024>;
bool unfold(QByteArrayView text, UnfoldBuffer &out);

} // namespace Tidings::HeaderFastPath
