// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/replybuilder.h"
#include "models/htmltotext.h"
#include "models/quotedtext.h"
#include "models/replysubject.h"

#include <KMime/Message>
#include <KMime/Util>
#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <memory>

namespace Tidings {

namespace {
struct ReplyText
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::ReplyBuilder)
};

// Long enough for any subject a file manager shows whole; the rest is cut.
constexpr qsizetype MaxAttachmentBaseName = 80;

Address toAddress(const KMime::Types::Mailbox &mailbox)
{
    return {mailbox.name().trimmed(), QString::fromUtf8(mailbox.address()).trimmed()};
}

template <typename Header> QList<Address> addressesOf(const Header *header)
{
    QList<Address> out;
    if (!header)
        return out;
    for (const KMime::Types::Mailbox &m : header->mailboxes()) {
        if (m.hasAddress())
            out.append(toAddress(m));
    }
    return out;
}

// Delivered-To and X-Original-To carry a bare address each; a message may have several
// (one per hop of an alias expansion), the first is the final one.
QList<Address> envelopeRecipients(const KMime::Message &message)
{
    QList<Address> out;
    for (const char *field : {"Delivered-To", "X-Original-To"}) {
        for (const KMime::Headers::Base *h : message.headersByType(field)) {
            KMime::Types::Mailbox m;
            m.from7BitString(h->as7BitString(false).trimmed());
            if (m.hasAddress())
                out.append(toAddress(m));
        }
    }
    return out;
}

bool sameAddress(const Address &a, const Address &b)
{
    return a.email.compare(b.email, Qt::CaseInsensitive) == 0;
}

bool containsAddress(const QList<Address> &list, const Address &a)
{
    return std::any_of(list.cbegin(), list.cend(),
                       [&a](const Address &b) { return sameAddress(a, b); });
}

// `from` without duplicates, without anything in `excluded`.
QList<Address> without(const QList<Address> &from, const QList<Address> &excluded)
{
    QList<Address> out;
    for (const Address &a : from) {
        if (!containsAddress(excluded, a) && !containsAddress(out, a))
            out.append(a);
    }
    return out;
}

QString formatted(const Address &a)
{
    return a.name.isEmpty() ? a.email : QStringLiteral("%1 <%2>").arg(a.name, a.email);
}

QString formatted(const QList<Address> &list)
{
    QStringList parts;
    for (const Address &a : list)
        parts.append(formatted(a));
    return parts.join(QStringLiteral(", "));
}

// The text a reader saw: the plain part (format=flowed joined again), else the HTML part
// as text.
QString bodyText(const KMime::Message &message)
{
    if (const KMime::Content *plain = message.mainBodyPart("text/plain")) {
        QString text = plain->decodedText();
        if (const KMime::Headers::ContentType *ct = plain->contentType()) {
            if (ct->parameter(QByteArrayView("format"))
                    .compare(QLatin1String("flowed"), Qt::CaseInsensitive) == 0) {
                const bool delSp = ct->parameter(QByteArrayView("delsp"))
                                       .compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
                text = unflowed(text, delSp);
            }
        }
        return text;
    }
    if (const KMime::Content *html = message.mainBodyPart("text/html"))
        return htmlToText(html->decodedText());
    return {};
}

QString subjectOf(const KMime::Message &message)
{
    const KMime::Headers::Subject *s = message.subject();
    return s ? s->asUnicodeString() : QString();
}

QDateTime dateOf(const KMime::Message &message)
{
    const KMime::Headers::Date *d = message.date();
    return d ? d->dateTime() : QDateTime();
}

QString dateText(const QDateTime &date)
{
    return date.isValid() ? QLocale().toString(date.toLocalTime(), QLocale::LongFormat)
                          : ReplyText::tr("an unknown date");
}

QString partName(const KMime::Content *part)
{
    if (const KMime::Headers::ContentDisposition *cd = part->contentDisposition()) {
        if (!cd->filename().isEmpty())
            return cd->filename();
    }
    if (const KMime::Headers::ContentType *ct = part->contentType())
        return ct->name();
    return {};
}

QList<DraftAttachment> attachmentsOf(KMime::Message &message)
{
    QList<DraftAttachment> out;
    for (KMime::Content *part : message.attachments()) {
        DraftAttachment a;
        const KMime::Content *constPart = part;
        const KMime::Headers::ContentType *ct = constPart->contentType();
        a.mimeType = ct ? ct->mimeType() : QByteArrayLiteral("application/octet-stream");
        a.fileName = partName(constPart);
        a.data = part->bodyIsMessage() && part->bodyAsMessage()
                     ? part->bodyAsMessage()->encodedContent()
                     : part->decodedContent();
        if (a.fileName.isEmpty())
            a.fileName = a.isMessage() ? ReplyText::tr("message.eml") : ReplyText::tr("attachment");
        out.append(a);
    }
    return out;
}

// A file name from a subject: no path separators or characters a file system refuses.
QString fileNameFor(const QString &subject)
{
    static const QRegularExpression unsafe(QStringLiteral(R"([\\/:*?"<>|\x00-\x1f]+)"));
    QString base = subject;
    base.replace(unsafe, QStringLiteral("_"));
    base = base.simplified().left(MaxAttachmentBaseName).trimmed();
    while (base.startsWith(QLatin1Char('.')))
        base.remove(0, 1);
    if (base.isEmpty())
        base = ReplyText::tr("message");
    return base + QStringLiteral(".eml");
}

QString forwardedBlock(const KMime::Message &message, const QString &text)
{
    QStringList lines = {ReplyText::tr("---------- Forwarded message ----------")};
    const QList<Address> from = addressesOf(message.from());
    lines.append(ReplyText::tr("From: %1").arg(formatted(from)));
    lines.append(ReplyText::tr("Date: %1").arg(dateText(dateOf(message))));
    lines.append(ReplyText::tr("Subject: %1").arg(subjectOf(message)));
    lines.append(ReplyText::tr("To: %1").arg(formatted(addressesOf(message.to()))));
    if (const QList<Address> cc = addressesOf(message.cc()); !cc.isEmpty())
        lines.append(ReplyText::tr("Cc: %1").arg(formatted(cc)));
    lines.append(QString());
    lines.append(text);
    return lines.join(QLatin1Char('\n'));
}
} // namespace

ReplyBuilder::ReplyBuilder(const QList<Identity> &identities, const QString &defaultIdentity)
    : m_identities(identities)
    , m_defaultIdentity(defaultIdentity)
{
}

QByteArrayList ReplyBuilder::replyReferences(const QByteArrayList &references,
                                             const QByteArrayList &inReplyTo,
                                             const QByteArray &messageId)
{
    // RFC 5322 3.6.4: the parent's References, else its (single) In-Reply-To, then its id.
    QByteArrayList all = references.isEmpty() && inReplyTo.size() == 1 ? inReplyTo : references;
    if (!messageId.isEmpty())
        all.append(messageId);
    QByteArrayList unique;
    for (const QByteArray &id : std::as_const(all)) {
        if (!id.isEmpty() && !unique.contains(id))
            unique.append(id);
    }
    if (unique.size() <= ReferencesKeptAtEnd + 1)
        return unique;
    return QByteArrayList{unique.constFirst()} + unique.mid(unique.size() - ReferencesKeptAtEnd);
}

std::optional<Draft> ReplyBuilder::build(ReplyMode mode, const QByteArray &raw,
                                         const AnsweredRef &original, Error *error) const
{
    auto message = std::make_unique<KMime::Message>();
    message->setContent(KMime::CRLFtoLF(raw));
    message->parse();
    const KMime::Message &m = *message;
    if (raw.trimmed().isEmpty() || (!m.from() && !m.messageID() && !m.subject())) {
        if (error)
            *error = {ErrorKind::BadInput, ReplyText::tr("the original is not a mail message")};
        return std::nullopt;
    }

    const QList<Address> from = addressesOf(m.from());
    const QList<Address> to = addressesOf(m.to());
    const QList<Address> cc = addressesOf(m.cc());

    // Our own sent mail is answered as its sender: same identity, same recipients. A
    // delegator's address in From is someone else writing to us, not our own mail.
    QList<Identity> ownAddresses = m_identities;
    ownAddresses.removeIf([](const Identity &i) { return i.kind == IdentityKind::Delegated; });
    std::optional<Identity> identity = identityForReply(ownAddresses, from);
    const bool ownMessage = identity.has_value();
    if (!identity)
        identity = identityForReply(m_identities, to + cc + envelopeRecipients(m));
    if (!identity)
        identity = findIdentity(m_identities, m_defaultIdentity);

    Draft draft;
    draft.identity = identity ? identity->key() : m_defaultIdentity;

    if (mode == ReplyMode::ForwardInline || mode == ReplyMode::ForwardAsAttachment) {
        draft.subject = forwardSubject(subjectOf(m));
        if (mode == ReplyMode::ForwardAsAttachment) {
            draft.attachments.append(DraftAttachment{fileNameFor(subjectOf(m)),
                                                     QByteArrayLiteral("message/rfc822"), raw});
        } else {
            draft.plainBody = forwardedBlock(m, bodyText(m));
            draft.attachments = attachmentsOf(*message);
        }
        return draft;
    }

    QList<Address> ours;
    for (const Identity &i : m_identities) {
        if (identity && i.account == identity->account)
            ours.append(i.from());
    }
    if (ownMessage) {
        draft.to = without(to, {});
        if (mode == ReplyMode::ReplyAll)
            draft.cc = without(cc, ours + draft.to);
    } else {
        const QList<Address> replyTo = addressesOf(m.replyTo());
        draft.to = without(replyTo.isEmpty() ? from : replyTo, {});
        if (mode == ReplyMode::ReplyAll)
            draft.cc = without(to + cc, ours + draft.to);
    }

    draft.subject = replySubject(subjectOf(m));
    const QByteArray messageId = m.messageID() ? m.messageID()->identifier() : QByteArray();
    draft.inReplyTo = messageId;
    draft.references =
        replyReferences(m.references() ? m.references()->identifiers() : QByteArrayList(),
                        m.inReplyTo() ? m.inReplyTo()->identifiers() : QByteArrayList(), messageId);
    const QString sender =
        from.isEmpty() ? ReplyText::tr("someone") : from.constFirst().displayName();
    draft.plainBody = ReplyText::tr("On %1, %2 wrote:").arg(dateText(dateOf(m)), sender) +
                      QLatin1Char('\n') + quoted(withoutSignature(bodyText(m))) + QLatin1Char('\n');
    draft.answers = original;
    return draft;
}

} // namespace Tidings
