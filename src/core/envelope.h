// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayList>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Tidings {

// The IMAP system flags a mail list shows (RFC 3501 2.3.2).
enum class MessageFlag : quint8
{
    Seen = 1 << 0,
    Flagged = 1 << 1,
    Answered = 1 << 2,
    Deleted = 1 << 3,
    Draft = 1 << 4,
};
Q_DECLARE_FLAGS(MessageFlags, MessageFlag)
Q_DECLARE_OPERATORS_FOR_FLAGS(MessageFlags)

MessageFlags flagsFromImap(const QByteArrayList &flags);

// An addr-spec a mail can go to: one '@' with something on both sides, and none of the
// characters that belong to a display form ("Name <a@b>", lists). Not RFC 5322's whole
// grammar: what users mistype, not what servers may accept.
bool isPlausibleEmail(const QString &email);

// Message-IDs (one, or several space-separated) as the cache keeps them: text. They are
// ASCII (RFC 5322 3.6.4), which is UTF-8 already; a stray 8-bit byte, which servers pass
// through, becomes the UTF-8 of its Latin-1 character.
QByteArray idsAsText(const QByteArray &ids);

struct Address
{
    QString name;
    QString email;

    // "Name" when known, else the address: what a message list shows.
    QString displayName() const { return name.isEmpty() ? email : name; }
};

// What the message list needs of one message, from a header-only fetch.
struct Envelope
{
    qint64 uid = 0;
    QString subject;
    Address from;
    QList<Address> to;
    QDateTime date; // Date: header, else the server's INTERNALDATE
    qint64 size = 0;
    MessageFlags flags;
    QByteArray messageId;
    QByteArray inReplyTo;
    QByteArrayList references;

    bool isUnread() const { return !flags.testFlag(MessageFlag::Seen); }
    bool isFlagged() const { return flags.testFlag(MessageFlag::Flagged); }
};

} // namespace Tidings
