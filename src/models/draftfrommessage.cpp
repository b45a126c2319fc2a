// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/draftfrommessage.h"
#include "models/messagecomposer.h"
#include "models/messagedocument.h"

#include <KMime/Message>

namespace Tidings {

namespace {
template <typename Header> QList<Address> addresses(const Header *header)
{
    QList<Address> out;
    if (!header)
        return out;
    for (const KMime::Types::Mailbox &m : header->mailboxes())
        out.append({m.name(), QString::fromUtf8(m.address())});
    return out;
}

QByteArray withoutBrackets(QByteArray id)
{
    id = id.trimmed();
    if (id.startsWith('<') && id.endsWith('>'))
        id = id.mid(1, id.size() - 2);
    return id;
}
} // namespace

std::optional<Draft> draftFromMessage(const QByteArray &raw, const QList<Identity> &identities,
                                      Error *error)
{
    const std::shared_ptr<const MessageDocument> document = MessageDocument::parse(raw, error);
    if (!document)
        return std::nullopt;
    KMime::Message message;
    message.setContent(KMime::CRLFtoLF(raw));
    message.parse();
    Draft draft;
    draft.to = addresses(message.to(false));
    draft.cc = addresses(message.cc(false));
    draft.bcc = addresses(message.bcc(false));
    draft.subject = document->subject();
    draft.plainBody = document->plainText();
    // A formatted draft continues formatted.
    if (const KMime::Content *html = message.mainBodyPart("text/html");
        html && message.mainBodyPart("text/plain") != html)
        draft.htmlBody = html->decodedText();
    if (const auto *answers = message.headerByType(MessageComposer::AnswersHeader)) {
        const QStringList parts = answers->asUnicodeString().split(QLatin1Char(' '));
        if (parts.size() == 3)
            draft.answers = {QString::fromUtf8(QByteArray::fromBase64(parts.at(0).toLatin1())),
                             QString::fromUtf8(QByteArray::fromBase64(parts.at(1).toLatin1())),
                             parts.at(2).toLongLong()};
    }
    if (const auto *id = message.messageID(false))
        draft.messageId = withoutBrackets(id->as7BitString(false));
    if (const auto *parent = message.inReplyTo(false)) {
        const QList<QByteArray> ids = parent->identifiers();
        if (!ids.isEmpty())
            draft.inReplyTo = ids.constFirst();
    }
    if (const auto *refs = message.references(false))
        draft.references = refs->identifiers();
    const QList<Address> from = addresses(message.from(false));
    if (const auto identity = identityForReply(identities, from))
        draft.identity = identity->key();
    const QList<Attachment> attachments = document->attachments();
    for (int i = 0; i < attachments.size(); ++i) {
        DraftAttachment a;
        a.fileName = attachments.at(i).name;
        a.mimeType = attachments.at(i).mimeType.toUtf8();
        a.data = document->attachmentData(i);
        draft.attachments.append(a);
    }
    return draft;
}

} // namespace Tidings
