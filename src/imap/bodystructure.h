// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace Tidings {

// One node of a message's MIME tree as the server describes it in BODYSTRUCTURE
// (RFC 3501 7.4.2 and 9 "body"), with what a client needs to show a part without fetching
// it: type, name, transfer encoding, charset and size.
struct BodyPart
{
    // Parameters as the server sent them, names lower case, values untouched (a name may be
    // RFC 2047 encoded or split per RFC 2231; fileName() decodes it).
    using Parameters = QList<std::pair<QByteArray, QByteArray>>;

    // The IMAP part specifier ("1", "2.1.3"): what BODY[...] takes. Empty for the top-level
    // multipart of a message, which has no number of its own.
    QByteArray section;
    QByteArray type;    // lower case: "text", "multipart", "message", …
    QByteArray subtype; // lower case: "plain", "mixed", "rfc822", …
    Parameters parameters;
    QByteArray id; // Content-ID as sent, with its angle brackets
    QByteArray description;
    QByteArray encoding;    // lower case; "7bit" when the server says NIL
    qint64 size = 0;        // octets on the wire, before decoding
    QByteArray disposition; // lower case "attachment" / "inline", empty when none was sent
    Parameters dispositionParameters;
    // The parts of a multipart; for message/rfc822 the one body it encapsulates.
    QList<BodyPart> children;

    bool isMultipart() const { return type == "multipart"; }
    QByteArray mimeType() const { return type + '/' + subtype; }
    QByteArray parameter(const QByteArray &name) const;
    QByteArray charset() const { return parameter("charset"); }
    // Content-Disposition's filename, else Content-Type's name, decoded (RFC 2231, RFC 2047).
    QString fileName() const;
    // The bytes the part has once decoded, estimated: base64 carries 3 bytes in 4 characters
    // with a line break every 76 (RFC 2045 6.8), so ~3/4 of the size on the wire.
    qint64 decodedSize() const;
    // The part's header lines as they would read in the message (Content-Type with its
    // parameters, Content-Transfer-Encoding, Content-ID, Content-Disposition), for a part
    // whose own MIME header was not fetched.
    QByteArray mimeHeader() const;
    // Every leaf below (and including) this node, depth first, in message order.
    QList<const BodyPart *> leaves() const;
};

// Parses a BODYSTRUCTURE (or BODY) value: the parenthesised list, starting at its '('.
// Nothing, and the reason in `error`, when the text is not one.
std::optional<BodyPart> parseBodyStructure(const QByteArray &text, QString *error = nullptr);

} // namespace Tidings
