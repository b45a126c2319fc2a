// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/messagecomposer.h"

#include <KMime/Message>
#include <KMime/Util>
#include <QCoreApplication>
#include <QUuid>
#include <memory>

namespace Tidings {

namespace {
// RFC 5322 2.1.1: a line must not exceed 998 characters; longer ones need an encoding.
constexpr qsizetype MaxLineLength = 998;

bool needsEncoding(const QByteArray &text)
{
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const uchar c = uchar(text.at(i));
        if (c >= 0x80 || c == 0)
            return true;
        if (c == '\n') {
            if (i - lineStart > MaxLineLength)
                return true;
            lineStart = i + 1;
        }
    }
    return text.size() - lineStart > MaxLineLength;
}

// A text part in UTF-8: 7bit when it is plain short-lined ASCII, else quoted-printable, which
// passes any server (no 8BITMIME needed) and stays readable.
void fillText(KMime::Content *part, const QByteArray &mimeType, const QString &text)
{
    QByteArray bytes = text.toUtf8();
    bytes.replace("\r\n", "\n");
    if (!bytes.endsWith('\n'))
        bytes += '\n';
    part->contentType()->setMimeType(mimeType);
    part->contentType()->setCharset("utf-8");
    part->contentTransferEncoding()->setEncoding(needsEncoding(bytes) ? KMime::Headers::CEquPr
                                                                      : KMime::Headers::CE7Bit);
    part->setBody(bytes);
}

KMime::Content *textPart(const QByteArray &mimeType, const QString &text)
{
    auto *part = new KMime::Content;
    fillText(part, mimeType, text);
    return part;
}

KMime::Content *attachmentPart(const DraftAttachment &attachment)
{
    auto *part = new KMime::Content;
    if (attachment.isMessage()) {
        // RFC 2046 5.2.1: message/rfc822 allows 7bit, 8bit or binary only, never base64.
        const QByteArray bytes = KMime::CRLFtoLF(attachment.data);
        part->contentType()->setMimeType("message/rfc822");
        part->contentTransferEncoding()->setEncoding(needsEncoding(bytes) ? KMime::Headers::CE8Bit
                                                                          : KMime::Headers::CE7Bit);
        part->contentDisposition()->setDisposition(KMime::Headers::CDinline);
        part->setEncodedBody(bytes);
    } else {
        part->contentType()->setMimeType(attachment.mimeType.isEmpty()
                                             ? QByteArray("application/octet-stream")
                                             : attachment.mimeType);
        part->contentType()->setName(attachment.fileName);
        part->contentTransferEncoding()->setEncoding(KMime::Headers::CEbase64);
        part->contentDisposition()->setDisposition(KMime::Headers::CDattachment);
        part->setBody(attachment.data);
    }
    // KMime writes a non-ASCII file name as RFC 2231 (filename*=utf-8''...).
    if (!attachment.fileName.isEmpty())
        part->contentDisposition()->setFilename(attachment.fileName);
    return part;
}

QString htmlEscapedLines(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>\n"));
}
} // namespace

MessageComposer::MessageComposer(const Identity &identity, const Address &accountOwner)
    : m_identity(identity)
    , m_owner(accountOwner)
{
}

QByteArray MessageComposer::generateMessageId(const QString &email)
{
    QString domain = email.section(QLatin1Char('@'), 1);
    if (domain.isEmpty())
        domain = QStringLiteral("localhost");
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + '@' + domain.toUtf8();
}

QString MessageComposer::htmlWithSignature(const QString &htmlBody) const
{
    const QString signature = m_identity.signature.trimmed();
    if (signature.isEmpty() || htmlBody.contains(signature.toHtmlEscaped()))
        return htmlBody;
    QString html = htmlBody;
    const QString block =
        QStringLiteral("<div>-- <br>\n%1</div>\n").arg(htmlEscapedLines(signature));
    const qsizetype end = html.lastIndexOf(QLatin1String("</body>"), -1, Qt::CaseInsensitive);
    if (end >= 0)
        html.insert(end, block);
    else
        html += block;
    return html;
}

QString MessageComposer::bodyWithSignature(const QString &body) const
{
    const QString signature = m_identity.signature.trimmed();
    if (signature.isEmpty() || body.contains(signature))
        return body;
    QString result = body;
    if (!result.isEmpty() && !result.endsWith(QLatin1Char('\n')))
        result += QLatin1Char('\n');
    return result + QStringLiteral("-- \n") + signature + QLatin1Char('\n');
}

Error MessageComposer::compose(Draft &draft, QByteArray *mime, Purpose purpose) const
{
    if (purpose == Purpose::Send && draft.recipients().isEmpty())
        return {ErrorKind::BadInput,
                QCoreApplication::translate("Tidings::MessageComposer", "no recipient")};
    if (draft.messageId.isEmpty())
        draft.messageId = generateMessageId(m_identity.email);

    auto message = std::make_unique<KMime::Message>();
    message->from()->addAddress(m_identity.email.toUtf8(), m_identity.displayName);
    if (const std::optional<Address> sender = m_identity.sender(m_owner))
        message->sender()->addAddress(sender->email.toUtf8(), sender->name);
    for (const Address &a : draft.to)
        message->to()->addAddress(a.email.toUtf8(), a.name);
    // A draft keeps its Bcc, so it is still there when the draft is continued elsewhere.
    if (purpose == Purpose::Draft) {
        for (const Address &a : draft.bcc)
            message->bcc()->addAddress(a.email.toUtf8(), a.name);
        // Which message a reply answers, so a draft continued from the server still sets
        // \Answered when sent. Only Tidings reads it; it never leaves in sent mail.
        if (draft.answers.isValid()) {
            auto *answers = new KMime::Headers::Generic(AnswersHeader);
            answers->fromUnicodeString(
                QStringLiteral("%1 %2 %3")
                    .arg(QString::fromLatin1(draft.answers.account.toUtf8().toBase64()),
                         QString::fromLatin1(draft.answers.mailbox.toUtf8().toBase64()))
                    .arg(draft.answers.uid));
            message->appendHeader(answers);
        }
    }
    for (const Address &a : draft.cc)
        message->cc()->addAddress(a.email.toUtf8(), a.name);
    // RFC 2047 encoded-words when the subject is not ASCII.
    message->subject()->fromUnicodeString(draft.subject);
    message->date()->setDateTime(m_date.isValid() ? m_date : QDateTime::currentDateTime());
    message->messageID()->setIdentifier(draft.messageId);
    if (!draft.inReplyTo.isEmpty())
        message->inReplyTo()->appendIdentifier(draft.inReplyTo);
    for (const QByteArray &ref : std::as_const(draft.references))
        message->references()->appendIdentifier(ref);

    // The body: text/plain, or multipart/alternative with an HTML part; the message itself
    // when nothing is attached, else the first part of a multipart/mixed.
    KMime::Content *body = message.get();
    if (!draft.attachments.isEmpty()) {
        message->contentType()->setMimeType("multipart/mixed");
        message->contentType()->setBoundary(KMime::multiPartBoundary());
        body = new KMime::Content;
        message->appendContent(body);
    }
    const QString plain = bodyWithSignature(draft.plainBody);
    if (draft.htmlBody.isEmpty()) {
        fillText(body, "text/plain", plain);
    } else {
        body->contentType()->setMimeType("multipart/alternative");
        body->contentType()->setBoundary(KMime::multiPartBoundary());
        body->appendContent(textPart("text/plain", plain));
        body->appendContent(textPart("text/html", htmlWithSignature(draft.htmlBody)));
    }
    for (const DraftAttachment &a : std::as_const(draft.attachments))
        message->appendContent(attachmentPart(a));
    message->assemble();
    *mime = message->encodedContent(true);
    return {};
}

} // namespace Tidings
