// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/partialmessage.h"

#include <KMime/Content>
#include <KMime/Util>

namespace Tidings::PartialMessage {

namespace {
bool isBodyText(const BodyPart &part)
{
    if (part.type != "text" || (part.subtype != "plain" && part.subtype != "html"))
        return false;
    if (part.disposition == "attachment")
        return false;
    // A named text part without "inline" is a file (KMime lists it as an attachment too).
    return part.disposition == "inline" || part.fileName().isEmpty();
}

bool isInlineImage(const BodyPart &part)
{
    return part.type == "image" && !part.id.isEmpty() && part.disposition != "attachment";
}

QByteArray boundaryOf(const BodyPart &part)
{
    const QByteArray given = part.parameter("boundary");
    return given.isEmpty() ? "tidings-part-" + part.section : given;
}

void appendPart(QByteArray &out, const BodyPart &part,
                const QHash<QByteArray, BodyCache::Part> &parts)
{
    if (part.isMultipart()) {
        const QByteArray boundary = boundaryOf(part);
        for (const BodyPart &child : part.children) {
            out += "\r\n--" + boundary + "\r\n";
            if (child.isMultipart())
                out += child.mimeHeader() + "\r\n";
            appendPart(out, child, parts);
        }
        out += "\r\n--" + boundary + "--\r\n";
        return;
    }
    const auto fetched = parts.constFind(part.section);
    if (fetched != parts.cend()) {
        out += fetched->mime.isEmpty() ? part.mimeHeader() : fetched->mime.trimmed() + "\r\n";
        out += "\r\n" + fetched->data;
        return;
    }
    out += part.mimeHeader();
    out += QByteArray(SectionField) + ": " + part.section + "\r\n";
    out += QByteArray(SizeField) + ": " + QByteArray::number(part.decodedSize()) + "\r\n\r\n";
}
} // namespace

QList<QByteArray> sectionsToShow(const BodyPart &structure)
{
    QList<QByteArray> out;
    qint64 imageBytes = 0;
    for (const BodyPart *part : structure.leaves()) {
        if (isBodyText(*part)) {
            out.append(part->section);
        } else if (isInlineImage(*part) && imageBytes + part->size <= InlineImageBudget) {
            imageBytes += part->size;
            out.append(part->section);
        }
    }
    return out;
}

bool hasOwnMimeHeader(const BodyPart &structure, const QByteArray &section)
{
    return structure.isMultipart() || section != structure.section;
}

QByteArray assemble(const QByteArray &header, const BodyPart &structure,
                    const QHash<QByteArray, BodyCache::Part> &parts)
{
    QByteArray out = header.trimmed() + "\r\n";
    if (structure.isMultipart()) {
        out += "\r\n";
        appendPart(out, structure, parts);
        return out;
    }
    // A single-part message: its header is the part's.
    const auto fetched = parts.constFind(structure.section);
    if (fetched != parts.cend())
        return out + "\r\n" + fetched->data;
    out += QByteArray(SectionField) + ": " + structure.section + "\r\n";
    out += QByteArray(SizeField) + ": " + QByteArray::number(structure.decodedSize()) + "\r\n";
    return out + "\r\n";
}

QByteArray decode(const BodyCache::Part &part)
{
    KMime::Content content;
    content.setHead(KMime::CRLFtoLF(part.mime));
    content.parse(); // the header alone: a message/rfc822 part must stay as sent
    const auto *cte = content.contentTransferEncoding(false);
    const auto *type = content.contentType(false);
    // base64 decodes to the exact bytes whatever the line ends; 7bit, 8bit and binary are
    // the bytes themselves. A message/rfc822 part is a file of its own (RFC 2046 5.2.1).
    if (cte && cte->encoding() == KMime::Headers::CEbase64)
        return QByteArray::fromBase64(part.data);
    if (cte && cte->encoding() == KMime::Headers::CEquPr) {
        KMime::Content whole;
        whole.setContent(KMime::CRLFtoLF(part.mime.trimmed() + "\r\n\r\n" + part.data));
        whole.parse();
        return whole.decodedContent();
    }
    if (type && type->isText())
        return KMime::CRLFtoLF(part.data); // as the whole message reads (MessageDocument)
    return part.data;
}

} // namespace Tidings::PartialMessage
