// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"

#include <QByteArrayView>
#include <QDateTime>

namespace Tidings {

// Why one untagged FETCH response could not be read. A server that sends any of these has
// broken the framing: the caller should drop the connection, not guess.
enum class FetchParseError : quint8
{
    None,
    NotFetch,       // not "* <number> FETCH": another untagged response (EXISTS, FLAGS, OK ...)
    BadNumber,      // a number that is empty, not all digits, or too large
    BadString,      // a quoted string without its closing quote, or with CR/LF inside
    BadLiteral,     // "{n}" malformed or not followed by CRLF
    LiteralPastEnd, // a literal that claims more bytes than the response holds
    Unbalanced,     // a parenthesis or bracket that never closes, or one too many
    Syntax,         // a character that cannot start the next item or value
    TrailingData,   // bytes after the closing parenthesis
};

// A short English description, for logs.
const char *fetchParseErrorText(FetchParseError error);

// One untagged FETCH response (RFC 3501 7.4.2): the items this client asks for, as views into
// the bytes it was parsed from (valid only as long as they are). Items the server sent and we
// did not ask for (MODSEQ, ENVELOPE, ...) are skipped.
struct FetchResponse
{
    enum Item : quint8
    {
        Uid = 1 << 0,
        Flags = 1 << 1,
        Size = 1 << 2,
        InternalDate = 1 << 3,
        Header = 1 << 4,
    };

    qint64 sequence = 0;
    qint64 uid = 0;
    qint64 size = 0;
    QByteArrayView flags;        // inside the parentheses: "\Seen $Label"
    QByteArrayView internalDate; // inside the quotes: "03-Dec-2026 10:11:12 +0000"
    QByteArrayView header;       // BODY[HEADER...]: the literal's bytes or the quoted text
    bool headerEscaped = false;  // a quoted header with \" or \\ (see unescapeQuoted)
    quint8 items = 0;            // Item bits of what was present
    FetchParseError error = FetchParseError::None;
    qsizetype errorOffset = -1; // where in the input the error was found

    bool isValid() const { return error == FetchParseError::None; }
    bool has(Item item) const { return items & item; }
    // The system flags in `flags`; keywords and \Recent are not message state we keep.
    MessageFlags messageFlags() const;
    // RFC 3501 7.4.2 lets a server split one message's items over several FETCH responses
    // (e.g. a FLAGS-only one): take the items `later` has. Views then point into both inputs.
    void merge(const FetchResponse &later);
};

// `response` runs from "* " up to, not including, the response's final CRLF, with literals
// inline as on the wire ("{n}\r\n" and n bytes). Never throws; errors come back in the result.
FetchResponse parseFetchResponse(QByteArrayView response);

// The text of a quoted string whose escapes (\" and \\) are undone.
QByteArray unescapeQuoted(QByteArrayView quoted);

// INTERNALDATE's date-time (RFC 3501 9: "dd-Mon-yyyy hh:mm:ss +zzzz", the day may be
// space-padded); an invalid QDateTime when it is not one.
QDateTime parseInternalDate(QByteArrayView text);

} // namespace Tidings
