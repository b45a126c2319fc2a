// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QString>

namespace Tidings {

// A file attached to a draft. The bytes are copied in when the file is attached, so a draft
// does not change or break when the file on disk is later edited, moved or deleted.
struct DraftAttachment
{
    QString fileName; // shown and sent as the part's filename (RFC 2183)
    QByteArray mimeType;
    QByteArray data;
    // A forwarded message attached as itself (message/rfc822, RFC 2046 5.2.1).
    bool isMessage() const { return mimeType == "message/rfc822"; }
};

// The message a reply answers: it gets \Answered once the reply is sent.
struct AnsweredRef
{
    QString account;
    QString mailbox;
    qint64 uid = 0;

    bool isValid() const { return uid > 0 && !account.isEmpty() && !mailbox.isEmpty(); }
};

// What the user writes, before it becomes MIME. The composer, replies and forwards, the
// draft store and `tidings send` all speak this type.
struct Draft
{
    qint64 id = 0;         // local draft id in the store, 0 until first saved
    QString identity;      // Identity::key()
    QByteArray messageId;  // fixed on first save; the sent message keeps it
    QList<Address> to;
    QList<Address> cc;
    QList<Address> bcc;
    QString subject;
    QString plainBody;
    QString htmlBody; // optional; when set the message is multipart/alternative
    QList<DraftAttachment> attachments;
    QByteArray inReplyTo;      // a reply's parent Message-ID
    QByteArrayList references; // RFC 5322 3.6.4
    AnsweredRef answers;

    QList<Address> recipients() const { return to + cc + bcc; }
};

} // namespace Tidings
