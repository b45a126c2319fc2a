// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/headerfields.h"

#include "imap/fetchparser.h"
#include "imap/headerfastpath.h"

#include <KMime/HeaderParsing>
#include <KMime/Headers>
#include <QMutex>

#include <array>

namespace Tidings {

namespace {

enum Field : quint8
{
    Subject,
    From,
    To,
    Date,
    MessageId,
    InReplyTo,
    References,
    FieldCount
};

// Where one field sits in the block: `start` at its name (-1 when absent), the body from
// `bodyStart` to `end` (the LF that ends the field).
struct FieldSpan
{
    qsizetype start = -1;
    qsizetype bodyStart = 0;
    qsizetype end = 0;
    bool folded = false;
};

bool is(QByteArrayView name, QByteArrayView field)
{
    return name.compare(field, Qt::CaseInsensitive) == 0;
}

Field fieldOf(QByteArrayView name)
{
    switch (name.size()) {
    case 2:
        return is(name, "To") ? To : FieldCount;
    case 4:
        return is(name, "From") ? From : is(name, "Date") ? Date : FieldCount;
    case 7:
        return is(name, "Subject") ? Subject : FieldCount;
    case 10:
        return is(name, "Message-ID")   ? MessageId
               : is(name, "References") ? References
                                        : FieldCount;
    case 11:
        return is(name, "In-Reply-To") ? InReplyTo : FieldCount;
    default:
        return FieldCount;
    }
}

// KMime's findHeaderLineEnd(): a field runs on over lines that start with a space or a tab,
// or with "=09"/"=20" (KDE bug 86302); a first line left empty before a folded rest is
// skipped. Mirrored so that each field here is the one KMime cuts out.
qsizetype fieldEnd(QByteArrayView head, qsizetype &bodyStart, bool &folded)
{
    folded = false;
    const qsizetype last = head.size() - 1;
    qsizetype end = bodyStart;
    if (bodyStart > last)
        return last + 1;
    if (head[end] == '\n' && end + 1 < last && (head[end + 1] == ' ' || head[end + 1] == '\t')) {
        bodyStart += 2;
        end += 2;
    }
    if (head[end] != '\n') {
        while (true) {
            end = head.indexOf('\n', end + 1);
            if (end < 0 || end == last)
                break;
            const char next = head[end + 1];
            const bool quirk = next == '=' && end + 3 <= last &&
                               ((head[end + 2] == '0' && head[end + 3] == '9') ||
                                (head[end + 2] == '2' && head[end + 3] == '0'));
            if (next != ' ' && next != '\t' && !quirk)
                break;
            folded = true;
        }
    }
    return end < 0 ? last + 1 : end;
}

// KMime's parseHeaders(): from each position up to the next ':' is a field name, even
// across lines; a block with no ':' left ends the header. The first field of a name counts.
std::array<FieldSpan, FieldCount> split(QByteArrayView head)
{
    std::array<FieldSpan, FieldCount> spans;
    qsizetype cursor = 0;
    while (cursor < head.size()) {
        const qsizetype colon = head.indexOf(':', cursor);
        if (colon < 0)
            break;
        qsizetype bodyStart = colon + 1;
        if (bodyStart < head.size() - 1 && head[bodyStart] == ' ')
            ++bodyStart;
        bool folded = false;
        const qsizetype end = fieldEnd(head, bodyStart, folded);
        const Field field = fieldOf(head.sliced(cursor, colon - cursor));
        if (field != FieldCount && spans[field].start < 0)
            spans[field] = {cursor, bodyStart, end, folded};
        cursor = end + 1;
    }
    return spans;
}

bool readFast(Field field, QByteArrayView text, Envelope &e)
{
    QList<Address> addresses;
    QByteArrayList ids;
    switch (field) {
    case Subject:
        return HeaderFastPath::subject(text, e.subject);
    case From:
        if (!HeaderFastPath::mailboxes(text, addresses, true))
            return false;
        if (!addresses.isEmpty())
            e.from = addresses.constFirst();
        return true;
    case To:
        return HeaderFastPath::mailboxes(text, e.to, false);
    case Date:
        return HeaderFastPath::dateTime(text, e.date);
    case MessageId:
        if (!HeaderFastPath::identifiers(text, ids, true))
            return false;
        e.messageId = ids.isEmpty() ? QByteArray() : ids.constFirst();
        return true;
    case InReplyTo:
        if (!HeaderFastPath::identifiers(text, ids, true))
            return false;
        if (!ids.isEmpty())
            e.inReplyTo = ids.constFirst();
        return true;
    case References:
        return HeaderFastPath::identifiers(text, e.references, false);
    case FieldCount:
        break;
    }
    return false;
}

Address toAddress(const KMime::Types::Mailbox &mailbox)
{
    return {mailbox.name().trimmed(), QString::fromUtf8(mailbox.address()).trimmed()};
}

// The field read as envelopeFromFetch() reads it from KMime. `raw` runs from the field's name
// to its final LF, so KMime cuts, unfolds and types it as it does inside a whole message.
void readWithKMime(QByteArrayView raw, Envelope &e)
{
    // KCodecs and KMime keep their charset caches in unguarded static lists (KCodecs 6.13
    // cachedCharset(), KMime 24.12 c_harsetCache) that decoding an encoded word appends to:
    // readers on several threads take turns here.
    static QMutex kmimeLock;
    const QMutexLocker locker(&kmimeLock);
    using namespace KMime::Headers;
    const std::unique_ptr<Base> header = KMime::HeaderParsing::parseNextHeader(raw);
    if (!header)
        return;
    if (const auto *subject = dynamic_cast<const KMime::Headers::Subject *>(header.get())) {
        // KMime keeps the CR of IMAP's CRLF line ends in unstructured fields.
        e.subject = subject->asUnicodeString().trimmed();
    } else if (const auto *from = dynamic_cast<const KMime::Headers::From *>(header.get())) {
        if (!from->mailboxes().isEmpty())
            e.from = toAddress(from->mailboxes().constFirst());
    } else if (const auto *to = dynamic_cast<const KMime::Headers::To *>(header.get())) {
        for (const auto &mailbox : to->mailboxes())
            e.to.append(toAddress(mailbox));
    } else if (const auto *date = dynamic_cast<const KMime::Headers::Date *>(header.get())) {
        if (date->dateTime().isValid())
            e.date = date->dateTime();
    } else if (const auto *id = dynamic_cast<const MessageID *>(header.get())) {
        e.messageId = id->identifier();
    } else if (const auto *irt = dynamic_cast<const KMime::Headers::InReplyTo *>(header.get())) {
        if (!irt->identifiers().isEmpty())
            e.inReplyTo = irt->identifiers().constFirst();
    } else if (const auto *refs = dynamic_cast<const KMime::Headers::References *>(header.get())) {
        e.references = refs->identifiers();
    }
}

} // namespace

HeaderPath readHeaderFields(QByteArrayView block, QByteArrayView internalDate,
                            Recipients recipients, Envelope &envelope)
{
    // KMime's Content::setHead() ends a header block with a LF when it has none.
    QByteArray terminated;
    if (!block.isEmpty() && !block.endsWith('\n')) {
        terminated = block.toByteArray() + '\n';
        block = terminated;
    }
    const std::array<FieldSpan, FieldCount> spans = split(block);
    HeaderPath path = HeaderPath::Fast;
    HeaderFastPath::UnfoldBuffer unfolded;
    for (int f = 0; f < FieldCount; ++f) {
        const Field field = static_cast<Field>(f);
        const FieldSpan &span = spans[f];
        if (span.start < 0 || (field == To && recipients == Recipients::Skip))
            continue;
        QByteArrayView text = block.sliced(span.bodyStart, span.end - span.bodyStart);
        bool fast = true;
        if (span.folded) {
            fast = HeaderFastPath::unfold(text, unfolded);
            text = QByteArrayView(unfolded.constData(), unfolded.size());
        }
        if (!fast || !readFast(field, text, envelope)) {
            path = HeaderPath::Fallback;
            const qsizetype end = qMin(span.end + 1, block.size());
            readWithKMime(block.sliced(span.start, end - span.start), envelope);
        }
    }
    if (!envelope.date.isValid())
        envelope.date = parseInternalDate(internalDate);
    return path;
}

Envelope envelopeFromResponse(const FetchResponse &response, Recipients recipients,
                              HeaderPath *path)
{
    Envelope e;
    e.uid = response.uid;
    e.size = response.size;
    e.flags = response.messageFlags();
    QByteArray unescaped;
    QByteArrayView block = response.header;
    if (response.headerEscaped) {
        unescaped = unescapeQuoted(block);
        block = unescaped;
    }
    const HeaderPath p = readHeaderFields(block, response.internalDate, recipients, e);
    if (path)
        *path = p;
    return e;
}

} // namespace Tidings
