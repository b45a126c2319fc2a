// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/messagedocument.h"
#include "models/partialmessage.h"

#include <KMime/Message>
#include <KMime/Util>
#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace Tidings {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tidings::MessageDocument", text);
}

// The fields a message has to have at least one of to be taken for mail (RFC 5322 3.6).
bool looksLikeMail(KMime::Message &m)
{
    return m.from(false) || m.to(false) || m.subject(false) || m.date(false) || m.messageID(false);
}

// http(s), ftp and mailto in plain text become links; the viewer opens them outside.
// http(s), ftp and mailto in plain text become links; the viewer opens them outside. URLs
// are found in the raw text and every piece is escaped on its own, so "<https://x.org/>"
// (RFC 3986 appendix C) links to the URL, not to an escaped bracket.
QString linkify(const QString &raw)
{
    static const QRegularExpression url(
        QStringLiteral(R"(\b(?:https?|ftp)://[^\s<>"']+[^\s<>"'.,;:!?)\]]|\bmailto:[^\s<>"']+)"));
    QString out;
    qsizetype done = 0;
    for (auto it = url.globalMatch(raw); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += raw.mid(done, m.capturedStart() - done).toHtmlEscaped();
        const QString link = m.captured().toHtmlEscaped();
        out += QStringLiteral("<a href=\"%1\">%1</a>").arg(link);
        done = m.capturedEnd();
    }
    return out + raw.mid(done).toHtmlEscaped();
}

QString plainToHtml(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString html = linkify(line);
        lines.append(line.startsWith(QLatin1Char('>'))
                         ? QStringLiteral("<span class=\"quote\">%1</span>").arg(html)
                         : html);
    }
    return QStringLiteral("<div class=\"tidings-plain\">%1</div>")
        .arg(lines.join(QLatin1Char('\n')));
}

QString humanSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 0, QLocale::DataSizeTraditionalFormat);
}

// Our header block sits inside the sender's page: every rule is inline and resets what the
// sender's style sheet might have set, so it looks the same above any message.
constexpr auto HeaderStyle = "all: initial; display: block; font: 13px sans-serif; color: #222;"
                             " background: #f4f5f7; border-bottom: 1px solid #d0d3d8;"
                             " padding: 10px 14px; margin: 0 0 12px 0;";
constexpr auto PlainStyle =
    "body { margin: 0; font: 14px sans-serif; color: #1d1d1d; background: #fff; }"
    " .tidings-plain { white-space: pre-wrap; word-wrap: break-word; padding: 0 14px 14px;"
    " font-family: sans-serif; }"
    " .quote { color: #5b6b7b; }";
} // namespace

MessageDocument::MessageDocument() = default;
MessageDocument::~MessageDocument() = default;

std::shared_ptr<const MessageDocument> MessageDocument::parse(const QByteArray &raw, Error *error)
{
    if (raw.trimmed().isEmpty()) {
        if (error)
            *error = {ErrorKind::BadInput, tr("the message is empty")};
        return {};
    }
    std::shared_ptr<MessageDocument> doc(new MessageDocument);
    doc->m_message = std::make_unique<KMime::Message>();
    doc->m_message->setContent(KMime::CRLFtoLF(raw));
    doc->m_message->parse();
    if (!looksLikeMail(*doc->m_message)) {
        if (error)
            *error = {ErrorKind::BadInput,
                      tr("not a mail message: no From, To, Subject, Date or Message-ID header")};
        return {};
    }
    doc->m_attachments = doc->m_message->attachments();
    return doc;
}

std::shared_ptr<const MessageDocument>
MessageDocument::parsePartial(const QByteArray &header, const QByteArray &structure,
                              const QHash<QByteArray, BodyCache::Part> &parts, Error *error)
{
    QString why;
    const std::optional<BodyPart> tree = parseBodyStructure(structure, &why);
    if (!tree) {
        if (error)
            *error = {ErrorKind::BadInput, why};
        return {};
    }
    auto parsed = parse(PartialMessage::assemble(header, *tree, parts), error);
    if (!parsed)
        return {};
    auto doc = std::const_pointer_cast<MessageDocument>(parsed);
    doc->m_partial = true;
    // A single-part message that is a file (a scan sent alone) is its own attachment.
    if (doc->m_attachments.isEmpty() && !doc->missingSection(doc->m_message.get()).isEmpty())
        doc->m_attachments.append(doc->m_message.get());
    return doc;
}

QByteArray MessageDocument::missingSection(const KMime::Content *part) const
{
    if (!m_partial || !part->body().isEmpty())
        return {};
    const auto *field = part->headerByType(PartialMessage::SectionField);
    return field ? field->as7BitString(false).trimmed() : QByteArray();
}

QString MessageDocument::subject() const
{
    const auto *h = m_message->subject(false);
    return h ? h->asUnicodeString() : QString();
}

QString MessageDocument::senderEmail() const
{
    const auto *from = m_message->from(false);
    if (!from || from->mailboxes().isEmpty())
        return {};
    return QString::fromLatin1(from->mailboxes().constFirst().address()).toLower();
}

QString MessageDocument::senderDisplay() const
{
    const auto *from = m_message->from(false);
    return from ? from->asUnicodeString() : QString();
}

QString MessageDocument::to() const
{
    const auto *h = m_message->to(false);
    return h ? h->asUnicodeString() : QString();
}

QString MessageDocument::cc() const
{
    const auto *h = m_message->cc(false);
    return h ? h->asUnicodeString() : QString();
}

QString MessageDocument::recipients() const
{
    QStringList all;
    if (const auto *to = m_message->to(false))
        all.append(to->asUnicodeString());
    if (const auto *cc = m_message->cc(false))
        all.append(cc->asUnicodeString());
    return all.join(QStringLiteral(", "));
}

QDateTime MessageDocument::date() const
{
    const auto *h = m_message->date(false);
    return h ? h->dateTime() : QDateTime();
}

QString MessageDocument::rawHeaders() const
{
    return QString::fromUtf8(m_message->head());
}

bool MessageDocument::isHtml() const
{
    return m_message->mainBodyPart("text/html") != nullptr;
}

QList<Attachment> MessageDocument::attachments() const
{
    QList<Attachment> list;
    for (KMime::Content *part : m_attachments) {
        Attachment a;
        if (const auto *cd = part->contentDisposition(false))
            a.name = cd->filename();
        const auto *ct = part->contentType(false);
        if (a.name.isEmpty() && ct)
            a.name = ct->name();
        if (a.name.isEmpty())
            a.name = tr("Unnamed part %1").arg(list.size() + 1);
        a.mimeType = ct ? QString::fromLatin1(ct->mimeType()) : QStringLiteral("text/plain");
        a.section = missingSection(part);
        if (a.section.isEmpty()) {
            a.size = part->decodedContent().size();
        } else if (const auto *size = part->headerByType(PartialMessage::SizeField)) {
            a.size = size->as7BitString(false).trimmed().toLongLong();
        }
        list.append(a);
    }
    return list;
}

QByteArray MessageDocument::attachmentData(int index) const
{
    if (index < 0 || index >= m_attachments.size() ||
        !missingSection(m_attachments.at(index)).isEmpty())
        return {};
    return m_attachments.at(index)->decodedContent();
}

QByteArray MessageDocument::contentById(const QString &contentId, QByteArray *mimeType) const
{
    const QByteArray wanted = contentId.toUtf8();
    QList<KMime::Content *> pending = {m_message.get()};
    while (!pending.isEmpty()) {
        KMime::Content *part = pending.takeFirst();
        pending.append(part->contents());
        const auto *id = part->contentID(false);
        if (id && id->identifier() == wanted) {
            if (mimeType)
                *mimeType = part->contentType(false) ? part->contentType(false)->mimeType()
                                                     : QByteArray("application/octet-stream");
            return part->decodedContent();
        }
    }
    return {};
}

QString MessageDocument::plainText() const
{
    if (KMime::Content *plain = m_message->mainBodyPart("text/plain"))
        return plain->decodedText();
    if (KMime::Content *html = m_message->mainBodyPart("text/html")) {
        static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
        return html->decodedText().remove(tags);
    }
    return {};
}

QString MessageDocument::attachmentUrlPrefix()
{
    return QStringLiteral("tidings-message:/attachment/");
}

QString MessageDocument::headerBlock(Headers headers) const
{
    const QString rowStyle =
        QStringLiteral("all: initial; display: table-row; font: inherit; color: inherit;");
    const QString keyStyle = QStringLiteral("all: initial; display: table-cell; font: inherit;"
                                            " color: #66707a; padding: 1px 12px 1px 0;"
                                            " white-space: nowrap; vertical-align: top;");
    const QString valueStyle = QStringLiteral("all: initial; display: table-cell; font: inherit;"
                                              " color: inherit; padding: 1px 0;");
    if (headers == Headers::All) {
        return QStringLiteral("<div style=\"%1\"><pre style=\"all: initial; white-space: "
                              "pre-wrap; font: 12px monospace; color: inherit;\">%2</pre></div>")
            .arg(QLatin1String(HeaderStyle), rawHeaders().toHtmlEscaped());
    }
    QString rows;
    auto addRow = [&](const QString &key, const QString &valueHtml) {
        if (valueHtml.isEmpty())
            return;
        rows += QStringLiteral("<div style=\"%1\"><span style=\"%2\">%3</span>"
                               "<span style=\"%4\">%5</span></div>")
                    .arg(rowStyle, keyStyle, key.toHtmlEscaped(), valueStyle, valueHtml);
    };
    addRow(tr("From"), senderDisplay().toHtmlEscaped());
    if (const auto *to = m_message->to(false))
        addRow(tr("To"), to->asUnicodeString().toHtmlEscaped());
    if (const auto *cc = m_message->cc(false))
        addRow(tr("Cc"), cc->asUnicodeString().toHtmlEscaped());
    if (const QDateTime when = date(); when.isValid())
        addRow(tr("Date"),
               QLocale().toString(when.toLocalTime(), QLocale::LongFormat).toHtmlEscaped());
    QStringList links;
    const QList<Attachment> files = attachments();
    for (int i = 0; i < files.size(); ++i) {
        links.append(QStringLiteral("<a style=\"all: initial; font: inherit; color: #1a5fb4; "
                                    "cursor: pointer; text-decoration: underline;\" "
                                    "href=\"%1%2\">%3</a> (%4)")
                         .arg(attachmentUrlPrefix())
                         .arg(i)
                         .arg(files.at(i).name.toHtmlEscaped(), humanSize(files.at(i).size)));
    }
    addRow(tr("Attachments"), links.join(QStringLiteral(", ")));
    const QString title = subject().isEmpty() ? tr("(no subject)") : subject();
    return QStringLiteral("<div style=\"%1\"><div style=\"all: initial; display: block; font: "
                          "bold 17px sans-serif; color: inherit; margin-bottom: 6px;\">%2</div>"
                          "<div style=\"all: initial; display: table; font: inherit; "
                          "color: inherit;\">%3</div></div>")
        .arg(QLatin1String(HeaderStyle), title.toHtmlEscaped(), rows);
}

QString MessageDocument::bodyHtml() const
{
    if (KMime::Content *html = m_message->mainBodyPart("text/html")) {
        QString text = html->decodedText();
        // The text is decoded already and served as UTF-8: a charset the sender declared
        // would make the engine decode it a second time.
        static const QRegularExpression metaCharset(QStringLiteral(R"(<meta[^>]*charset[^>]*>)"),
                                                    QRegularExpression::CaseInsensitiveOption);
        text.remove(metaCharset);
        // Resource hints open connections without a request the blocker could see
        // (preconnect resolves and connects at once): they never reach the engine.
        static const QRegularExpression hints(
            QStringLiteral(R"(<link\b[^>]*\brel\s*=\s*["']?[^"'>]*\b(?:preconnect|dns-prefetch|)"
                           R"(prefetch|preload|prerender|modulepreload)\b[^>]*>)"),
            QRegularExpression::CaseInsensitiveOption);
        text.remove(hints);
        return text;
    }
    if (KMime::Content *plain = m_message->mainBodyPart("text/plain"))
        return plainToHtml(plain->decodedText());
    return plainToHtml(QString());
}

QString MessageDocument::html(Headers headers) const
{
    const QString header = headers == Headers::None ? QString() : headerBlock(headers);
    const QString body = bodyHtml();
    if (!isHtml()) {
        return QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>%1"
                              "</style></head><body>%2%3</body></html>")
            .arg(QLatin1String(PlainStyle), header, body);
    }
    // The header block goes first inside the sender's own <body>, so their page keeps its
    // head (styles) and the block scrolls with the message.
    static const QRegularExpression bodyTag(QStringLiteral(R"(<body\b[^>]*>)"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = bodyTag.match(body);
    QString page = body;
    if (header.isEmpty())
        return page;
    if (m.hasMatch())
        page.insert(m.capturedEnd(), header);
    else
        page.prepend(header);
    return page;
}

} // namespace Tidings
