// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QObject>
#include <QString>

class KJob;

namespace Tidings {

class ImapConnection;

// Puts the copy of a sent message into a Sent mailbox: the one given (e.g. a delegator's
// "Shared/boss@example.test/Sent"), else the account's own \Sent (RFC 6154). Running it again
// after a crash or a lost answer does not make a second copy: the mailbox is searched for the
// Message-ID before the APPEND (with \Seen, RFC 3501 6.3.11). One use per object; the
// connection must be ready and is not shared with a sync (the EXAMINE changes its mailbox).
class SentAppender : public QObject
{
    Q_OBJECT
public:
    SentAppender(ImapConnection *connection, QObject *parent = nullptr);

    void start(const QString &mailbox, const QByteArray &messageId, const QByteArray &mime);

Q_SIGNALS:
    // `mailbox` is where the copy is (or already was).
    void finished(const QString &mailbox, const Tidings::Error &error);

private:
    void findSentMailbox();
    void lookForCopy();
    void append();
    bool endedBy(KJob *job, const QString &what);
    void finish(const Error &error);

    ImapConnection *m_connection;
    QString m_mailbox;
    QByteArray m_messageId;
    QByteArray m_mime;
    bool m_done = false;
};

} // namespace Tidings
