// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/imapreader.h"

namespace Tidings {

namespace {
// Bytes that end an atom (RFC 3501 atom-specials, except the brackets a section keeps).
bool endsAtom(char c)
{
    return c == ' ' || c == '(' || c == ')' || c == '"' || c == '{' || c == '\r' || c == '\n';
}
} // namespace

ImapReader::ImapReader(const QByteArray &data, qsizetype position)
    : m_data(data)
    , m_pos(position)
{
}

void ImapReader::skipSpaces()
{
    while (m_pos < m_data.size() &&
           (m_data.at(m_pos) == ' ' || m_data.at(m_pos) == '\r' || m_data.at(m_pos) == '\n'))
        ++m_pos;
}

bool ImapReader::atEnd()
{
    skipSpaces();
    return m_pos >= m_data.size();
}

char ImapReader::peek()
{
    skipSpaces();
    return m_pos < m_data.size() ? m_data.at(m_pos) : '\0';
}

bool ImapReader::openList()
{
    if (peek() != '(')
        return false;
    ++m_pos;
    return true;
}

bool ImapReader::closeList()
{
    if (peek() != ')')
        return false;
    ++m_pos;
    return true;
}

std::optional<QByteArray> ImapReader::atom()
{
    skipSpaces();
    const qsizetype start = m_pos;
    int depth = 0; // "BODY[HEADER.FIELDS (TO)]" keeps its list inside the brackets
    while (m_pos < m_data.size()) {
        const char c = m_data.at(m_pos);
        if (c == '[')
            ++depth;
        else if (c == ']')
            --depth;
        else if (depth == 0 && endsAtom(c))
            break;
        ++m_pos;
    }
    if (m_pos == start)
        return std::nullopt;
    return m_data.mid(start, m_pos - start);
}

std::optional<QByteArray> ImapReader::quoted()
{
    ++m_pos; // the opening quote
    QByteArray out;
    while (m_pos < m_data.size()) {
        const char c = m_data.at(m_pos++);
        if (c == '"')
            return out;
        if (c == '\\' && m_pos < m_data.size())
            out.append(m_data.at(m_pos++));
        else
            out.append(c);
    }
    return std::nullopt; // unterminated
}

std::optional<QByteArray> ImapReader::literal()
{
    const qsizetype close = m_data.indexOf('}', m_pos);
    if (close < 0)
        return std::nullopt;
    bool ok = false;
    // "{n+}" is a non-synchronising literal (RFC 7888); only clients send them, but the
    // count reads the same.
    QByteArray count = m_data.mid(m_pos + 1, close - m_pos - 1);
    if (count.endsWith('+'))
        count.chop(1);
    const qint64 length = count.toLongLong(&ok);
    if (!ok || length < 0)
        return std::nullopt;
    m_pos = close + 1;
    // The literal's bytes follow the CRLF that ends the "{n}" line (RFC 3501 4.3).
    if (m_data.mid(m_pos, 2) == "\r\n")
        m_pos += 2;
    else if (m_pos < m_data.size() && m_data.at(m_pos) == '\n')
        m_pos += 1;
    if (m_pos + length > m_data.size())
        return std::nullopt;
    const QByteArray out = m_data.mid(m_pos, length);
    m_pos += length;
    return out.isNull() ? QByteArray("") : out;
}

std::optional<QByteArray> ImapReader::nstring()
{
    const char c = peek();
    if (c == '"') {
        auto s = quoted();
        return s && s->isNull() ? QByteArray("") : s;
    }
    if (c == '{')
        return literal();
    if (c == '(' || c == ')' || c == '\0')
        return std::nullopt;
    const auto word = atom();
    if (word && word->compare("NIL", Qt::CaseInsensitive) == 0)
        return QByteArray();
    return word;
}

std::optional<qint64> ImapReader::number()
{
    const auto word = atom();
    if (!word)
        return std::nullopt;
    bool ok = false;
    const qint64 n = word->toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return n;
}

bool ImapReader::skip()
{
    const char c = peek();
    if (c == '(') {
        ++m_pos;
        while (!closeList()) {
            if (atEnd() || !skip())
                return false;
        }
        return true;
    }
    if (c == ')' || c == '\0')
        return false;
    return nstring().has_value();
}

} // namespace Tidings
