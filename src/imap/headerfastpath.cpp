// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/headerfastpath.h"

#include <QTimeZone>

#include <array>
#include <string_view>

namespace Tidings::HeaderFastPath {

namespace {

// RFC 5322 3.2.3 atext, the set KMime's parser uses for atoms.
constexpr std::array<bool, 128> makeAText()
{
    std::array<bool, 128> table{};
    for (int c = 'a'; c <= 'z'; ++c)
        table[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c)
        table[c] = true;
    for (int c = '0'; c <= '9'; ++c)
        table[c] = true;
    for (const char c : std::string_view("!#$%&'*+-/=?^_`{|}~"))
        table[static_cast<unsigned char>(c)] = true;
    return table;
}
constexpr std::array<bool, 128> AText = makeAText();

bool isAText(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u < 128 && AText[u];
}

// What KMime's eatCFWS skips when there is no comment.
bool isWs(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// QChar::isSpace for ASCII, which unfoldHeader() and QString::trimmed() use.
bool isSpace(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

class Scanner
{
public:
    explicit Scanner(QByteArrayView text)
        : m_p(text.data())
        , m_end(text.data() + text.size())
    {
    }

    bool atEnd() const { return m_p == m_end; }
    char peek() const { return m_p == m_end ? '\0' : *m_p; }
    const char *pos() const { return m_p; }
    void skipWs()
    {
        while (m_p != m_end && isWs(*m_p))
            ++m_p;
    }
    bool eat(char c)
    {
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    // local "@" domain, the local part any run of atext and dots (KMime keeps it verbatim and
    // never quotes it), the domain a strict dot-atom (KMime keeps a trailing dot, or stops
    // early at "..": both left to KMime).
    bool addrSpec(QByteArrayView &out)
    {
        const char *start = m_p;
        while (m_p != m_end && (isAText(*m_p) || *m_p == '.'))
            ++m_p;
        if (m_p == start || !eat('@'))
            return false;
        while (true) {
            const char *atom = m_p;
            while (m_p != m_end && isAText(*m_p))
                ++m_p;
            if (m_p == atom)
                return false;
            if (m_p == m_end || *m_p != '.')
                break;
            ++m_p;
        }
        out = QByteArrayView(start, m_p - start);
        return true;
    }

    // "<" addr-spec ">", nothing inside the brackets but the address.
    bool angleAddr(QByteArrayView &out) { return eat('<') && addrSpec(out) && eat('>'); }

    // A quoted display name: printable ASCII, quoted pairs allowed; no '=' (KMime looks for
    // encoded words in there) and no line breaks (KMime unfolds those its own way).
    bool quotedName(QByteArrayView &out, bool &escaped)
    {
        if (!eat('"'))
            return false;
        const char *start = m_p;
        escaped = false;
        while (m_p != m_end && *m_p != '"') {
            char c = *m_p;
            if (c == '\\') {
                escaped = true;
                if (++m_p == m_end)
                    return false;
                c = *m_p;
            }
            if (c < 0x20 || c > 0x7e || c == '=')
                return false;
            ++m_p;
        }
        if (m_p == m_end)
            return false;
        out = QByteArrayView(start, m_p - start);
        ++m_p;
        return true;
    }

private:
    const char *m_p;
    const char *m_end;
};

QString unquote(QByteArrayView quoted, bool escaped)
{
    if (!escaped)
        return QString::fromLatin1(quoted);
    QString out;
    out.reserve(quoted.size());
    for (qsizetype i = 0; i < quoted.size(); ++i) {
        if (quoted[i] == '\\')
            ++i;
        out += QLatin1Char(quoted[i]);
    }
    return out;
}

// One mailbox in the shapes KMime's parseMailbox() reads without surprises:
// a@b, <a@b>, Word Word <a@b>, "Quoted" <a@b>.
bool mailbox(Scanner &in, QString *name, QByteArrayView &address)
{
    const char *start = in.pos();
    if (in.peek() == '<')
        return in.angleAddr(address);
    if (in.peek() == '"') {
        QByteArrayView quoted;
        bool escaped = false;
        if (!in.quotedName(quoted, escaped))
            return false;
        // KMime strips one more pair of quotes that were escaped inside: leave that to it.
        if (escaped && quoted.contains('"'))
            return false;
        in.skipWs();
        if (!in.angleAddr(address))
            return false;
        if (name)
            *name = unquote(quoted, escaped).trimmed();
        return true;
    }
    // A first word running into '@' or '.' is an addr-spec (KMime tries that first); otherwise
    // words of atext, which KMime joins with single spaces.
    Scanner probe = in;
    while (isAText(probe.peek()))
        probe.eat(probe.peek());
    if (probe.pos() == start)
        return false;
    if (probe.peek() == '@' || probe.peek() == '.')
        return in.addrSpec(address);
    while (true) {
        const char *word = in.pos();
        while (isAText(in.peek())) {
            if (in.peek() == '=') // perhaps an encoded word
                return false;
            in.eat(in.peek());
        }
        if (in.pos() == word)
            return false;
        const char *wordEnd = in.pos();
        if (!isWs(in.peek()) && in.peek() != '<')
            return false;
        in.skipWs();
        if (in.peek() == '<') {
            if (!in.angleAddr(address))
                return false;
            if (name) {
                // Collapse each run of whitespace between words to one space.
                QString joined;
                joined.reserve(wordEnd - start);
                Scanner words(QByteArrayView(start, wordEnd - start));
                while (!words.atEnd()) {
                    if (isWs(words.peek())) {
                        words.skipWs();
                        joined += QLatin1Char(' ');
                    }
                    const char *w = words.pos();
                    while (!words.atEnd() && !isWs(words.peek()))
                        words.eat(words.peek());
                    joined += QLatin1StringView(w, words.pos() - w);
                }
                *name = joined;
            }
            return true;
        }
    }
}

} // namespace

bool subject(QByteArrayView text, QString &out)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0 || c >= 0x80)
            return false;
        // "=?" may start an encoded word; a last '=' makes KCodecs peek past the end.
        if (c == '=' && (i + 1 == text.size() || text[i + 1] == '?'))
            return false;
    }
    out = QString::fromLatin1(text).trimmed();
    return true;
}

bool mailboxes(QByteArrayView text, QList<Address> &out, bool firstOnly)
{
    QList<Address> result;
    Scanner in(text);
    in.skipWs();
    while (!in.atEnd()) {
        QString name;
        QByteArrayView address;
        const bool keep = !firstOnly || result.isEmpty();
        if (!mailbox(in, keep ? &name : nullptr, address))
            return false;
        if (keep)
            result.append(Address{name, QString::fromLatin1(address)});
        in.skipWs();
        if (in.atEnd())
            break;
        if (!in.eat(','))
            return false;
        in.skipWs();
    }
    out = result;
    return true;
}

bool dateTime(QByteArrayView text, QDateTime &out)
{
    static constexpr char Days[] = "SunMonTueWedThuFriSat";
    static constexpr char Months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const auto nameIndex = [](QByteArrayView word, const char *names, int count) {
        for (int i = 0; i < count; ++i) {
            if (word.compare(QByteArrayView(names + 3 * i, 3), Qt::CaseInsensitive) == 0)
                return i;
        }
        return -1;
    };
    Scanner in(text);
    const auto digits = [&](int minCount, int maxCount, int &value) {
        value = 0;
        int count = 0;
        while (isDigit(in.peek())) {
            value = value * 10 + (in.peek() - '0');
            in.eat(in.peek());
            ++count;
        }
        return count >= minCount && count <= maxCount;
    };
    const auto word3 = [&]() {
        const char *start = in.pos();
        for (int i = 0; i < 3; ++i) {
            if (in.atEnd())
                return QByteArrayView();
            in.eat(in.peek());
        }
        return QByteArrayView(start, 3);
    };
    // [day-name [","]] day month year hour ":" minute [":" second] zone, as KMime's
    // parseDateTime() reads it; anything after a numeric zone is ignored there too.
    in.skipWs();
    if (!isDigit(in.peek())) {
        if (nameIndex(word3(), Days, 7) < 0)
            return false;
        in.skipWs();
        in.eat(',');
        in.skipWs();
    }
    int day = 0;
    int year = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int zone = 0;
    if (!digits(1, 2, day) || !isWs(in.peek()))
        return false;
    in.skipWs();
    const int month = nameIndex(word3(), Months, 12);
    if (month < 0 || !isWs(in.peek()))
        return false;
    in.skipWs();
    // Two-digit and three-digit years are mapped by rules of their own: KMime's to apply.
    if (!digits(4, 4, year) || year < 1900 || !isWs(in.peek()))
        return false;
    in.skipWs();
    if (!digits(1, 2, hour) || !in.eat(':') || !digits(2, 2, minute))
        return false;
    if (in.eat(':') && !digits(2, 2, second))
        return false;
    if (!isWs(in.peek()))
        return false;
    in.skipWs();
    const char sign = in.peek();
    if ((sign != '+' && sign != '-') || !in.eat(sign) || !digits(4, 4, zone))
        return false;
    const int offset = (sign == '-' ? -60 : 60) * (zone / 100 * 60 + zone % 100);
    const QDate date(year, month + 1, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return false;
    QDateTime result(date, time, QTimeZone::fromSecondsAheadOfUtc(offset));
    if (!result.isValid())
        return false;
    out = result;
    return true;
}

bool identifiers(QByteArrayView text, QByteArrayList &out, bool firstOnly)
{
    QByteArrayList result;
    Scanner in(text);
    const auto skipSeparators = [&]() {
        while (isWs(in.peek()) || in.peek() == ',')
            in.eat(in.peek());
    };
    skipSeparators();
    while (!in.atEnd()) {
        QByteArrayView id;
        if (!in.angleAddr(id))
            return false;
        if (!firstOnly || result.isEmpty())
            result.append(id.toByteArray());
        skipSeparators();
    }
    out = result;
    return true;
}

bool unfold(QByteArrayView text, UnfoldBuffer &out)
{
    out.clear();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0 || c >= 0x80 || (c == '\n' && i + 1 < text.size() && text[i + 1] == '='))
            return false;
    }
    const qsizetype size = text.size();
    qsizetype pos = 0;
    qsizetype mid;
    while ((mid = text.indexOf('\n', pos)) >= 0) {
        // Whitespace on both sides of the line break goes; one space stands for it when
        // there is text before it on this line and more than one byte after it.
        qsizetype begin = mid;
        while (begin > 0 && isSpace(text[begin - 1]))
            --begin;
        qsizetype end = mid;
        while (end < size && isSpace(text[end]))
            ++end;
        out.append(text.data() + pos, begin - pos);
        if (begin != pos && end < size - 1)
            out.append(' ');
        pos = end;
    }
    if (size > pos)
        out.append(text.data() + pos, size - pos);
    return true;
}

} // namespace Tidings::HeaderFastPath
