// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/fetchparser.h"

#include <QTimeZone>

#include <limits>

namespace Tidings {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// IMAP numbers are 32-bit (RFC 3501 4.2), mod-sequences 63-bit (RFC 7162 7). Up to 19
// digits add up in a quint64 without overflow; the result must then fit a qint64.
constexpr int MaxNumberDigits = 19;

// Reads the digits at `p` (at most MaxNumberDigits of them) into `out`; false for none, for
// too many, and for a value past qint64.
bool readDigits(const char *&p, const char *end, qint64 &out)
{
    const char *start = p;
    quint64 value = 0;
    while (p != end && isDigit(*p)) {
        if (p - start == MaxNumberDigits)
            return false;
        value = value * 10 + quint64(*p - '0');
        ++p;
    }
    if (p == start || value > quint64(std::numeric_limits<qint64>::max()))
        return false;
    out = qint64(value);
    return true;
}

// A response nests lists only as deep as BODYSTRUCTURE does; far deeper is garbage, and a
// bound keeps a hostile server from making the skipper walk forever on one byte per level.
constexpr int MaxNesting = 100;

// The bytes that end an atom (RFC 3501 9, atom-specials without the wildcards and ']').
bool endsAtom(char c)
{
    return c == ' ' || c == '(' || c == ')' || c == '"' || c == '{' || c == '\r' || c == '\n' ||
           static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
}

bool equalsNoCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

bool startsWithNoCase(QByteArrayView a, QByteArrayView prefix)
{
    return a.size() >= prefix.size() && equalsNoCase(a.first(prefix.size()), prefix);
}

class Reader
{
public:
    explicit Reader(QByteArrayView in)
        : m_begin(in.data())
        , m_p(in.data())
        , m_end(in.data() + in.size())
    {
    }

    bool atEnd() const { return m_p == m_end; }
    char peek() const { return m_p == m_end ? '\0' : *m_p; }
    qsizetype offset() const { return m_p - m_begin; }
    bool failed() const { return m_error != FetchParseError::None; }
    FetchParseError error() const { return m_error; }
    qsizetype errorOffset() const { return m_errorOffset; }

    bool fail(FetchParseError error)
    {
        if (!failed()) {
            m_error = error;
            m_errorOffset = offset();
        }
        return false;
    }

    bool eat(char c)
    {
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    bool eatNoCase(QByteArrayView word)
    {
        if (m_end - m_p < word.size() || !equalsNoCase(QByteArrayView(m_p, word.size()), word))
            return false;
        m_p += word.size();
        return true;
    }

    void skipSpaces()
    {
        while (m_p != m_end && *m_p == ' ')
            ++m_p;
    }

    // A number followed by a delimiter: "12a" and "-1" are errors, not 12 and nothing.
    bool number(qint64 &out)
    {
        if (!readDigits(m_p, m_end, out) || (m_p != m_end && *m_p != ' ' && *m_p != ')'))
            return fail(FetchParseError::BadNumber);
        return true;
    }

    bool quoted(QByteArrayView &out, bool &escaped)
    {
        ++m_p; // the opening quote
        const char *start = m_p;
        escaped = false;
        while (m_p != m_end) {
            const char c = *m_p;
            if (c == '"') {
                out = QByteArrayView(start, m_p - start);
                ++m_p;
                return true;
            }
            if (c == '\r' || c == '\n')
                return fail(FetchParseError::BadString);
            if (c == '\\') {
                escaped = true;
                if (++m_p == m_end)
                    break;
            }
            ++m_p;
        }
        return fail(FetchParseError::BadString);
    }

    // "{n}\r\n" and n bytes; literal8 ("~{n}", RFC 3516) reads the same.
    bool literal(QByteArrayView &out)
    {
        eat('~');
        qint64 length = 0;
        if (!eat('{') || !readDigits(m_p, m_end, length) || !eat('}') || !eat('\r') || !eat('\n'))
            return fail(FetchParseError::BadLiteral);
        if (length > m_end - m_p)
            return fail(FetchParseError::LiteralPastEnd);
        out = QByteArrayView(m_p, length);
        m_p += length;
        return true;
    }

    // nstring (RFC 3501 9): NIL, a quoted string or a literal.
    bool nstring(QByteArrayView &out, bool &escaped)
    {
        escaped = false;
        const char c = peek();
        if (c == '"')
            return quoted(out, escaped);
        if (c == '{' || c == '~')
            return literal(out);
        if (eatNoCase("NIL") && (atEnd() || peek() == ' ' || peek() == ')')) {
            out = {};
            return true;
        }
        return fail(FetchParseError::Syntax);
    }

    // An item name: an atom, with a [section] that may hold spaces, lists and quoted header
    // names, and a <partial> origin: "BODY[HEADER.FIELDS (TO FROM)]<0>".
    bool itemName(QByteArrayView &out)
    {
        const char *start = m_p;
        while (m_p != m_end && !endsAtom(*m_p)) {
            if (*m_p == '[') {
                ++m_p;
                while (m_p != m_end && *m_p != ']') {
                    if (*m_p == '"') {
                        QByteArrayView ignored;
                        bool escaped;
                        if (!quoted(ignored, escaped))
                            return false;
                        continue;
                    }
                    if (*m_p == '\r' || *m_p == '\n')
                        break;
                    ++m_p;
                }
                if (!eat(']'))
                    return fail(FetchParseError::Unbalanced);
                continue;
            }
            ++m_p;
        }
        if (m_p == start)
            return fail(FetchParseError::Syntax);
        out = QByteArrayView(start, m_p - start);
        return true;
    }

    // FLAGS (RFC 3501 7.4.2): a flat list of atoms, flag names like \Seen included.
    bool flagList(QByteArrayView &out)
    {
        if (!eat('('))
            return fail(FetchParseError::Syntax);
        const char *start = m_p;
        while (m_p != m_end && *m_p != ')') {
            const char c = *m_p;
            if (c == '(' || c == '"' || c == '{' || c == '\r' || c == '\n')
                return fail(FetchParseError::Syntax);
            ++m_p;
        }
        if (m_p == m_end)
            return fail(FetchParseError::Unbalanced);
        out = QByteArrayView(start, m_p - start);
        ++m_p;
        return true;
    }

    // Any value of an item we did not ask for: atoms, numbers, strings, literals, nested lists.
    bool skipValue()
    {
        int depth = 0;
        do {
            skipSpaces();
            const char c = peek();
            QByteArrayView ignored;
            bool escaped;
            if (atEnd()) {
                return fail(FetchParseError::Unbalanced);
            } else if (c == '(') {
                if (++depth > MaxNesting)
                    return fail(FetchParseError::Unbalanced);
                ++m_p;
                continue;
            } else if (c == ')') {
                if (depth == 0)
                    return fail(FetchParseError::Syntax);
                --depth;
                ++m_p;
            } else if (c == '"') {
                if (!quoted(ignored, escaped))
                    return false;
            } else if (c == '{' || (c == '~' && m_end - m_p > 1 && m_p[1] == '{')) {
                if (!literal(ignored))
                    return false;
            } else if (!itemName(ignored)) { // an atom, brackets allowed
                return false;
            }
        } while (depth > 0);
        return true;
    }

private:
    const char *m_begin;
    const char *m_p;
    const char *m_end;
    FetchParseError m_error = FetchParseError::None;
    qsizetype m_errorOffset = -1;
};

// BODY[HEADER], BODY[HEADER.FIELDS (...)], BODY[HEADER.FIELDS.NOT (...)] or RFC822.HEADER:
// the message's own header, not a part's (BODY[1.HEADER]) and not a partial fetch (<0>).
bool isHeaderItem(QByteArrayView name)
{
    if (equalsNoCase(name, "RFC822.HEADER"))
        return true;
    if (!name.endsWith(']'))
        return false;
    return startsWithNoCase(name, "BODY[HEADER") || startsWithNoCase(name, "BINARY[HEADER");
}

bool readItem(Reader &in, QByteArrayView name, FetchResponse &r)
{
    bool escaped = false;
    if (equalsNoCase(name, "UID")) {
        r.items |= FetchResponse::Uid;
        return in.number(r.uid);
    }
    if (equalsNoCase(name, "RFC822.SIZE")) {
        r.items |= FetchResponse::Size;
        return in.number(r.size);
    }
    if (equalsNoCase(name, "FLAGS")) {
        r.items |= FetchResponse::Flags;
        return in.flagList(r.flags);
    }
    if (equalsNoCase(name, "INTERNALDATE")) {
        r.items |= FetchResponse::InternalDate;
        if (in.peek() != '"')
            return in.fail(FetchParseError::Syntax);
        return in.quoted(r.internalDate, escaped);
    }
    if (isHeaderItem(name)) {
        r.items |= FetchResponse::Header;
        return in.nstring(r.header, r.headerEscaped);
    }
    return in.skipValue();
}

} // namespace

const char *fetchParseErrorText(FetchParseError error)
{
    switch (error) {
    case FetchParseError::None:
        return "no error";
    case FetchParseError::NotFetch:
        return "not an untagged FETCH response";
    case FetchParseError::BadNumber:
        return "malformed number";
    case FetchParseError::BadString:
        return "unterminated or broken quoted string";
    case FetchParseError::BadLiteral:
        return "malformed literal";
    case FetchParseError::LiteralPastEnd:
        return "literal longer than the response";
    case FetchParseError::Unbalanced:
        return "unbalanced parentheses or brackets";
    case FetchParseError::Syntax:
        return "unexpected character";
    case FetchParseError::TrailingData:
        return "data after the closing parenthesis";
    }
    return "unknown error";
}

MessageFlags FetchResponse::messageFlags() const
{
    MessageFlags result;
    qsizetype i = 0;
    while (i < flags.size()) {
        qsizetype end = flags.indexOf(' ', i);
        if (end < 0)
            end = flags.size();
        const QByteArrayView flag = flags.sliced(i, end - i);
        if (equalsNoCase(flag, "\\Seen"))
            result |= MessageFlag::Seen;
        else if (equalsNoCase(flag, "\\Flagged"))
            result |= MessageFlag::Flagged;
        else if (equalsNoCase(flag, "\\Answered"))
            result |= MessageFlag::Answered;
        else if (equalsNoCase(flag, "\\Deleted"))
            result |= MessageFlag::Deleted;
        else if (equalsNoCase(flag, "\\Draft"))
            result |= MessageFlag::Draft;
        i = end + 1;
    }
    return result;
}

void FetchResponse::merge(const FetchResponse &later)
{
    if (later.has(Uid))
        uid = later.uid;
    if (later.has(Size))
        size = later.size;
    if (later.has(Flags))
        flags = later.flags;
    if (later.has(InternalDate))
        internalDate = later.internalDate;
    if (later.has(Header)) {
        header = later.header;
        headerEscaped = later.headerEscaped;
    }
    items |= later.items;
}

FetchResponse parseFetchResponse(QByteArrayView response)
{
    FetchResponse r;
    Reader in(response);
    const auto finish = [&]() {
        r.error = in.error();
        r.errorOffset = in.errorOffset();
        return r;
    };
    if (!in.eat('*') || !in.eat(' ') || !isDigit(in.peek())) {
        in.fail(FetchParseError::NotFetch);
        return finish();
    }
    if (!in.number(r.sequence))
        return finish();
    // "* 3 EXISTS", "* 3 EXPUNGE" are other responses; "* 3 FETCH" without its list, or for
    // message 0, is a broken FETCH: the caller must not mistake it for one to skip.
    if (!in.eat(' ') || !in.eatNoCase("FETCH") || (!in.atEnd() && in.peek() != ' ')) {
        in.fail(FetchParseError::NotFetch);
        return finish();
    }
    if (r.sequence == 0) {
        in.fail(FetchParseError::BadNumber);
        return finish();
    }
    if (!in.eat(' ') || !in.eat('(')) {
        in.fail(FetchParseError::Syntax);
        return finish();
    }
    while (true) {
        // Some servers pad the list: "( FLAGS () UID 1 )".
        in.skipSpaces();
        if (in.atEnd()) {
            in.fail(FetchParseError::Unbalanced);
            return finish();
        }
        if (in.eat(')'))
            break;
        QByteArrayView name;
        if (!in.itemName(name))
            return finish();
        if (!in.eat(' ')) {
            in.fail(in.atEnd() ? FetchParseError::Unbalanced : FetchParseError::Syntax);
            return finish();
        }
        in.skipSpaces();
        if (!readItem(in, name, r))
            return finish();
    }
    if (!in.atEnd())
        in.fail(FetchParseError::TrailingData);
    return finish();
}

QByteArray unescapeQuoted(QByteArrayView quoted)
{
    QByteArray out;
    out.reserve(quoted.size());
    for (qsizetype i = 0; i < quoted.size(); ++i) {
        if (quoted[i] == '\\' && i + 1 < quoted.size())
            ++i;
        out += quoted[i];
    }
    return out;
}

QDateTime parseInternalDate(QByteArrayView text)
{
    // "dd-Mon-yyyy hh:mm:ss +zzzz" (RFC 3501 9, date-time): exactly 26 bytes.
    constexpr qsizetype Length = 26;
    static constexpr char Months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    if (text.size() != Length)
        return {};
    const auto digits = [&](qsizetype at, qsizetype count, int &out) {
        out = 0;
        for (qsizetype i = at; i < at + count; ++i) {
            if (!isDigit(text[i]))
                return false;
            out = out * 10 + (text[i] - '0');
        }
        return true;
    };
    int day = 0;
    int year = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int zone = 0;
    const bool paddedDay = text[0] == ' ' && digits(1, 1, day);
    if (!paddedDay && !digits(0, 2, day))
        return {};
    int month = 0;
    while (month < 12 && !equalsNoCase(text.sliced(3, 3), QByteArrayView(Months + 3 * month, 3)))
        ++month;
    if (month == 12 || text[2] != '-' || text[6] != '-' || text[11] != ' ' || text[14] != ':' ||
        text[17] != ':' || text[20] != ' ' || (text[21] != '+' && text[21] != '-'))
        return {};
    if (!digits(7, 4, year) || !digits(12, 2, hour) || !digits(15, 2, minute) ||
        !digits(18, 2, second) || !digits(22, 4, zone))
        return {};
    const int offset = (text[21] == '-' ? -1 : 1) * (zone / 100 * 3600 + zone % 100 * 60);
    const QDate date(year, month + 1, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::fromSecondsAheadOfUtc(offset));
}

} // namespace Tidings
