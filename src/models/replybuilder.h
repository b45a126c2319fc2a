// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/draft.h"
#include "core/error.h"
#include "core/identity.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace Tidings {

enum class ReplyMode
{
    Reply,               // to Reply-To, else From
    ReplyAll,            // and everyone in To and Cc but ourselves
    ForwardInline,       // the text in the body, the attachments carried along
    ForwardAsAttachment, // the original, unchanged, as a message/rfc822 part
};

// Makes the draft a reply or a forward starts from: recipients, identity, subject,
// threading headers and the quoted or forwarded text. No I/O; the composer adds the
// identity's signature (the user may still change the identity).
//
// Message-IDs in the draft are without angle brackets, as KMime and the cache keep them.
class ReplyBuilder
{
public:
    // `defaultIdentity` (an Identity::key()) is used when the original was addressed to none
    // of `identities`.
    ReplyBuilder(const QList<Identity> &identities, const QString &defaultIdentity);

    // `raw` is the whole original (RFC 5322 bytes); `original` is where it lives, for
    // \Answered once the reply is sent. A BadInput error when `raw` is not a message.
    std::optional<Draft> build(ReplyMode mode, const QByteArray &raw,
                               const AnsweredRef &original = {}, Error *error = nullptr) const;

    // RFC 5322 3.6.4 lets a long References field be cut in the middle, keeping the first
    // (the thread's root) and the most recent ids: 20 recent ids keep every threading
    // algorithm we know of (JWZ, Gmail, Outlook) on the right thread, in under 1 KB.
    static constexpr qsizetype ReferencesKeptAtEnd = 20;
    // The References of a reply to a message with these headers.
    static QByteArrayList replyReferences(const QByteArrayList &references,
                                          const QByteArrayList &inReplyTo,
                                          const QByteArray &messageId);

private:
    QList<Identity> m_identities;
    QString m_defaultIdentity;
};

} // namespace Tidings
