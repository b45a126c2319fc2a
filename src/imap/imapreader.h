// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <optional>

namespace Tidings {

// Reads the data items of one IMAP response (RFC 3501 section 9: atoms, numbers, quoted
// strings, literals, NIL and parenthesised lists) from a buffer that holds the response with
// its literals inline ("{5}" CRLF, then the five bytes). Pure: no I/O, no state but the
// position, so the BODYSTRUCTURE and FETCH parsers built on it are easy to test.
class ImapReader
{
public:
    explicit ImapReader(const QByteArray &data, qsizetype position = 0);

    bool atEnd();
    qsizetype position() const { return m_pos; }
    // The next byte after any spaces, without consuming it; 0 at the end.
    char peek();

    // '(' / ')': true and consumed when the next item is that bracket.
    bool openList();
    bool closeList();
    // An atom, a number or NIL as written (up to a space, bracket or the end). "BODY[1.MIME]"
    // is one atom: the brackets of a section belong to it.
    std::optional<QByteArray> atom();
    // A quoted string or a literal; NIL reads as a null QByteArray. Atoms are accepted too:
    // servers write some strings (an encoding, a number) unquoted.
    std::optional<QByteArray> nstring();
    std::optional<qint64> number();
    // Skips one item whatever it is, a whole list included.
    bool skip();

private:
    void skipSpaces();
    std::optional<QByteArray> quoted();
    std::optional<QByteArray> literal();

    const QByteArray &m_data;
    qsizetype m_pos;
};

} // namespace Tidings
