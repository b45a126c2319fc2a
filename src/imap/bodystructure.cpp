// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/bodystructure.h"
#include "imap/imapreader.h"

#include <KMime/Headers>
#include <QCoreApplication>

namespace Tidings {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tidings::BodyStructure", text);
}

// Nesting a well-formed message never reaches; a deeper one is hostile (a server could
// otherwise make the parser recurse until the stack runs out).
constexpr int MaxDepth = 64;

// base64 on the wire: 76 characters and CRLF per line (RFC 2045 6.8).
constexpr qint64 Base64WireLine = 78;

class Parser
{
public:
    explicit Parser(const QByteArray &text)
        : m_reader(text)
    {
    }

    // `multipartSection` names this body if it is a multipart, `singleSection` if it is
    // not (RFC 3501 6.4.5: a non-multipart message's body is part 1).
    bool body(BodyPart &part, const QByteArray &multipartSection, const QByteArray &singleSection,
              int depth)
    {
        if (depth > MaxDepth)
            return fail(tr("the MIME structure is nested too deeply"));
        if (!m_reader.openList())
            return fail(tr("a body part does not start with '('"));
        if (m_reader.peek() == '(')
            return multipart(part, multipartSection, depth);
        part.section = singleSection;
        return single(part, depth);
    }

    QString error;

private:
    bool fail(const QString &why)
    {
        if (error.isEmpty())
            error = why;
        return false;
    }

    static QByteArray join(const QByteArray &section, int index)
    {
        const QByteArray n = QByteArray::number(index);
        return section.isEmpty() ? n : section + '.' + n;
    }

    bool multipart(BodyPart &part, const QByteArray &section, int depth)
    {
        part.section = section;
        part.type = "multipart";
        while (m_reader.peek() == '(') {
            BodyPart child;
            const QByteArray childSection = join(section, int(part.children.size()) + 1);
            if (!body(child, childSection, childSection, depth + 1))
                return false;
            part.children.append(child);
        }
        const auto subtype = m_reader.nstring();
        if (!subtype)
            return fail(tr("a multipart has no subtype"));
        part.subtype = subtype->toLower();
        // body-ext-mpart: parameters, disposition, language, location, extensions.
        if (!m_reader.closeList()) {
            if (!parameters(part.parameters) || !extensionTail(part))
                return false;
        }
        return true;
    }

    bool single(BodyPart &part, int depth)
    {
        const auto type = m_reader.nstring();
        const auto subtype = m_reader.nstring();
        if (!type || !subtype)
            return fail(tr("a body part has no media type"));
        // NIL types happen in broken messages; RFC 2045 5.2 says to read them as text/plain.
        part.type = type->isEmpty() ? QByteArray("text") : type->toLower();
        part.subtype = subtype->isEmpty() ? QByteArray("plain") : subtype->toLower();
        if (!parameters(part.parameters))
            return false;
        const auto id = m_reader.nstring();
        const auto description = m_reader.nstring();
        const auto encoding = m_reader.nstring();
        const auto size = m_reader.number();
        if (!id || !description || !encoding || !size)
            return fail(
                tr("the fields of part %1 are incomplete").arg(QString::fromLatin1(part.section)));
        part.id = *id;
        part.description = *description;
        part.encoding = encoding->isEmpty() ? QByteArray("7bit") : encoding->toLower();
        part.size = *size;
        if (part.type == "message" && (part.subtype == "rfc822" || part.subtype == "global")) {
            // envelope, body, lines (RFC 3501 body-type-msg)
            if (!m_reader.skip())
                return fail(tr("the envelope of message part %1 is unreadable")
                                .arg(QString::fromLatin1(part.section)));
            BodyPart inner;
            if (!body(inner, part.section, part.section + ".1", depth + 1))
                return false;
            part.children.append(inner);
            if (!m_reader.number())
                return fail(
                    tr("message part %1 has no line count").arg(QString::fromLatin1(part.section)));
        } else if (part.type == "text" || type->isEmpty()) {
            // The line count; a part whose type was NIL may come without one.
            const char next = m_reader.peek();
            if (next >= '0' && next <= '9')
                m_reader.number();
            else if (part.type == "text" && !type->isEmpty())
                return fail(
                    tr("text part %1 has no line count").arg(QString::fromLatin1(part.section)));
        }
        if (m_reader.closeList())
            return true;
        if (!m_reader.skip()) // body-fld-md5
            return fail(tr("part %1 ends early").arg(QString::fromLatin1(part.section)));
        return m_reader.closeList() || extensionTail(part);
    }

    // What follows the parameters (multipart) or the MD5 (single part): disposition,
    // language, location and any future extension, up to the part's closing ')'.
    bool extensionTail(BodyPart &part)
    {
        if (m_reader.closeList())
            return true;
        if (!disposition(part))
            return false;
        while (!m_reader.closeList()) {
            if (m_reader.atEnd() || !m_reader.skip())
                return fail(tr("part %1 is not closed").arg(QString::fromLatin1(part.section)));
        }
        return true;
    }

    bool disposition(BodyPart &part)
    {
        if (!m_reader.openList()) {
            if (m_reader.nstring()) // NIL
                return true;
            return fail(tr("the disposition of part %1 is unreadable")
                            .arg(QString::fromLatin1(part.section)));
        }
        const auto kind = m_reader.nstring();
        if (!kind || !parameters(part.dispositionParameters) || !m_reader.closeList())
            return fail(tr("the disposition of part %1 is unreadable")
                            .arg(QString::fromLatin1(part.section)));
        part.disposition = kind->toLower();
        return true;
    }

    bool parameters(BodyPart::Parameters &out)
    {
        if (!m_reader.openList()) {
            if (m_reader.nstring()) // NIL
                return true;
            return fail(tr("a parameter list is unreadable"));
        }
        while (!m_reader.closeList()) {
            const auto name = m_reader.nstring();
            const auto value = m_reader.nstring();
            if (!name || !value)
                return fail(tr("a parameter list is unreadable"));
            out.append({name->toLower(), *value});
        }
        return true;
    }

    ImapReader m_reader;
};

bool isTokenChar(char c)
{
    // RFC 2045 token: no controls, space or tspecials.
    return c > 0x20 && c < 0x7f && !QByteArray("()<>@,;:\\\"/[]?=").contains(c);
}

// Writes parameters back as header text, so KMime decodes them as it would in a header.
QByteArray headerParameters(const BodyPart::Parameters &parameters)
{
    QByteArray out;
    for (const auto &[name, value] : parameters) {
        out += "; " + name + '=';
        // RFC 2231 extended values (name*=utf-8''%E2%82%AC) are tokens with % and ': they
        // must stay unquoted to be decoded.
        const bool token = !value.isEmpty() && std::all_of(value.begin(), value.end(), [](char c) {
            return isTokenChar(c) || c == '\'' || c == '%';
        });
        if (name.endsWith('*') && token) {
            out += value;
        } else {
            QByteArray escaped = value;
            escaped.replace('\\', "\\\\").replace('"', "\\\"");
            out += '"' + escaped + '"';
        }
    }
    return out;
}
} // namespace

QByteArray BodyPart::parameter(const QByteArray &name) const
{
    for (const auto &[key, value] : parameters) {
        if (key == name)
            return value;
    }
    return {};
}

QString BodyPart::fileName() const
{
    if (!dispositionParameters.isEmpty()) {
        KMime::Headers::ContentDisposition header;
        header.from7BitString("attachment" + headerParameters(dispositionParameters));
        if (const QString name = header.filename(); !name.isEmpty())
            return name;
    }
    if (!parameters.isEmpty()) {
        KMime::Headers::ContentType header;
        header.from7BitString(mimeType() + headerParameters(parameters));
        return header.name();
    }
    return {};
}

qint64 BodyPart::decodedSize() const
{
    if (encoding == "base64") {
        const qint64 lineBreaks = (size + Base64WireLine - 1) / Base64WireLine;
        return qMax<qint64>(0, size - 2 * lineBreaks) / 4 * 3;
    }
    return size;
}

QByteArray BodyPart::mimeHeader() const
{
    QByteArray out = "Content-Type: " + mimeType() + headerParameters(parameters) + "\r\n";
    if (!isMultipart())
        out += "Content-Transfer-Encoding: " + encoding + "\r\n";
    if (!id.isEmpty())
        out += "Content-ID: " + id + "\r\n";
    if (!description.isEmpty())
        out += "Content-Description: " + description + "\r\n";
    if (!disposition.isEmpty())
        out += "Content-Disposition: " + disposition + headerParameters(dispositionParameters) +
               "\r\n";
    return out;
}

QList<const BodyPart *> BodyPart::leaves() const
{
    if (children.isEmpty() || !isMultipart())
        return {this};
    QList<const BodyPart *> out;
    for (const BodyPart &child : children)
        out.append(child.leaves());
    return out;
}

std::optional<BodyPart> parseBodyStructure(const QByteArray &text, QString *error)
{
    Parser parser(text);
    BodyPart top;
    if (!parser.body(top, QByteArray(), "1", 0)) {
        if (error)
            *error = tr("unreadable BODYSTRUCTURE: %1").arg(parser.error);
        return std::nullopt;
    }
    return top;
}

} // namespace Tidings
