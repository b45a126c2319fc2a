// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/draft.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Tidings {

// Where a message on its way out stands. The order is the happy path; the SMTP step is the
// only one that must never run twice, so Accepted is written the moment the server said 250.
enum class OutboxState : quint8
{
    Queued = 0,      // waiting for SMTP (first attempt, or retry_at after a transient failure)
    Sending = 1,     // handed to the SMTP server by a running process
    Accepted = 2,    // the SMTP server accepted it; never handed to SMTP again
    Saved = 3,       // the copy is in the Sent mailbox
    Done = 4,        // \Answered queued for the replied message (if any)
    Failed = 5,      // refused for good (5xx, login refused): kept for editing
    Interrupted = 6, // found Sending at start-up: may or may not have gone out
};

QString outboxStateName(OutboxState state);

// One message in the outbox, as the store keeps it: the exact bytes that go to SMTP and to
// the Sent copy, so both carry the same Message-ID and nothing is composed twice.
struct OutboxEntry
{
    qint64 id = 0;
    QString account;
    QString identity; // Identity::key()
    qint64 draftId = 0;
    QByteArray messageId;
    QString subject;        // for the outbox list
    QString envelopeFrom;   // MAIL FROM (RFC 5321 4.1.1.2)
    QStringList recipients; // RCPT TO: To, Cc and Bcc
    QByteArray mime;
    QString sentMailbox; // empty: the account's \Sent (RFC 6154)
    AnsweredRef answers;
    OutboxState state = OutboxState::Queued;
    int attempts = 0;
    QDateTime retryAt; // invalid: now
    QString lastError;
    QDateTime created;
    // The process that queued or is sending it; another live process leaves it alone (a
    // `tidings send` next to the running GUI). 0: anyone's.
    qint64 ownerPid = 0;

    // Never handed to SMTP again from these states.
    bool isPastSmtp() const
    {
        return state == OutboxState::Accepted || state == OutboxState::Saved ||
               state == OutboxState::Done;
    }
    // The user has to decide (edit, retry or discard).
    bool needsUser() const
    {
        return state == OutboxState::Failed || state == OutboxState::Interrupted;
    }
};

} // namespace Tidings
