// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imap/bodystructure.h"
#include "store/bodycache.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace Tidings {

// Opening a big message part by part: which parts the viewer needs, and how the parts fetched
// so far make a message MessageDocument can show. Pure functions.
namespace PartialMessage {

// A message up to this size is fetched whole in one command: below it, the second round trip
// part by part costs more than the bytes it saves. 256 KB is ~0.2 s at 10 Mbit/s, about the
// round trips of a slow link, and holds nearly all text mail with its logos and signatures;
// a message with a real attachment (a photo, a PDF) is above it.
constexpr qint64 WholeMessageLimit = 256 * 1024;
// Inline images (cid: parts a multipart/related HTML page shows) come with the text, up to
// this much in all: they are part of the page as sent, shown like the text itself (nothing
// remote is loaded for them, so the remote content rule does not apply), and one round trip
// is cheaper than one per image. A bigger one is listed as an attachment instead.
constexpr qint64 InlineImageBudget = 1024 * 1024;

// Header fields a part not fetched yet carries in the assembled message: its IMAP section
// and its estimated decoded size. Only empty parts of a partial document are read by them.
inline constexpr char SectionField[] = "X-Tidings-Section";
inline constexpr char SizeField[] = "X-Tidings-Size";

// The sections to fetch to show a message: its text/plain and text/html body parts (not
// those sent as attachments) and the inline images within InlineImageBudget.
QList<QByteArray> sectionsToShow(const BodyPart &structure);
// Whether a section's own MIME header (BODY[n.MIME]) exists: not for the body of a
// single-part message, whose header is the message's.
bool hasOwnMimeHeader(const BodyPart &structure, const QByteArray &section);

// The message as MIME text: its header, then every part, fetched ones with their bytes and
// the others empty, marked with SectionField and SizeField.
QByteArray assemble(const QByteArray &header, const BodyPart &structure,
                    const QHash<QByteArray, BodyCache::Part> &parts);

// The part's content as the sender attached it: transfer encoding undone.
QByteArray decode(const BodyCache::Part &part);

} // namespace PartialMessage
} // namespace Tidings
