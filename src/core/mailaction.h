// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Tidings {

// What a user action does on the server. Delete and archive are moves to the account's
// \Trash and \Archive mailboxes (RFC 6154), so three kinds cover every action of the list.
enum class ActionKind : quint8
{
    AddFlags = 1,
    RemoveFlags = 2,
    Move = 3,
};

enum class ActionState : quint8
{
    Pending = 0,   // in the store, not yet confirmed by the server
    Done = 1,      // the server confirmed it
    Failed = 2,    // the server refused it; the store was rolled back
    Cancelled = 3, // undone before it reached the server
};

// One message an action applies to. The UID is 0 when it is not known (a message moved by an
// earlier action whose server gave no COPYUID): the replay then finds it by its Message-ID.
struct ActionItem
{
    qint64 uid = 0;
    QByteArray messageId;
    MessageFlags oldFlags; // before the action, for rollback and undo
    qint64 resultUid = 0;  // a move's UID in the target (RFC 4315 COPYUID), 0 if unknown
};

// A user action as the queue keeps it (store/ActionQueue) and the replay sends it
// (imap/ActionReplayer).
struct MailAction
{
    qint64 id = 0;
    QString account;
    QString mailbox; // where the messages are
    ActionKind kind = ActionKind::AddFlags;
    MessageFlags flags;     // AddFlags/RemoveFlags
    QString target;         // Move
    qint64 uidValidity = 0; // of `mailbox` when queued; another value voids the UIDs
    QList<ActionItem> items;
    ActionState state = ActionState::Pending;
    int attempts = 0;
    QString lastError;
    qint64 undoOf = 0; // the action this one reverses, 0 for a user action
    // False for what the client does by itself (a message opened is marked read): Ctrl+Z
    // reverses what the user did, not a side effect of reading.
    bool undoable = true;
    bool undone = false;
    QDateTime created;

    bool isMove() const { return kind == ActionKind::Move; }
    QList<qint64> uids() const;
};

// IMAP names of the flags (RFC 3501 2.3.2), e.g. {"\\Seen"}.
QByteArrayList flagsToImap(MessageFlags flags);

} // namespace Tidings
