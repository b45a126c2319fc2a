// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/mailaction.h"

#include <QList>
#include <QObject>
#include <functional>

class KJob;

namespace Tidings {

class ActionQueue;
class ImapConnection;

// Sends the queued actions of one account to the server, oldest first, on a session of its
// own (a SELECT of the sync on a shared session would redirect our STORE). Every action is
// replayed so that running it again after a crash at any point neither loses nor
// duplicates a message: the UIDs still in the source are looked up first (a MOVE that
// already happened finds none), and without MOVE the target is searched for the
// Message-IDs before COPY. A server refusal fails that action (rolled back in the store)
// and the replay goes on; a lost connection stops it and leaves the rest queued.
class ActionReplayer : public QObject
{
    Q_OBJECT
public:
    // The server has carried out a step the store does not know about yet.
    enum class Step
    {
        Stored,   // UID STORE of the action's flags
        Moved,    // UID MOVE (RFC 6851)
        Copied,   // UID COPY, no MOVE on this server
        Expunged, // STORE \Deleted + EXPUNGE after the COPY
    };
    Q_ENUM(Step)

    ActionReplayer(ImapConnection *connection, ActionQueue *queue, QObject *parent = nullptr);

    // Replays every pending action of the connection's account. While running, a call asks
    // for one more pass when this one ends (an action queued meanwhile).
    void start();
    bool isRunning() const { return m_running; }
    qint64 currentAction() const { return m_running ? m_action.id : 0; }

Q_SIGNALS:
    void serverApplied(qint64 actionId, Tidings::ActionReplayer::Step step);
    void actionDone(const Tidings::MailAction &action);
    // Refused by the server (missing mailbox, no rights); the store was rolled back.
    void actionFailed(const Tidings::MailAction &action, const Tidings::Error &error);
    // Nothing left, or stopped by `error` (the connection): the rest stays queued.
    void finished(const Tidings::Error &error);

private:
    void next();
    void select(const QString &mailbox, bool readOnly, const std::function<void()> &then);
    void findInSource();
    void findByMessageId(qsizetype index);
    void storeFlags();
    void move();
    void findCopiesInTarget();
    void copyMissing(const QSet<QByteArray> &inTarget);
    void deleteFromSource();
    void search(const QList<qint64> &uids, const QByteArrayList &messageIds,
                const std::function<void(const QList<qint64> &)> &then);
    // True when `job` failed; the action is then failed or the replay stopped.
    bool endedBy(KJob *job, const QString &what);
    bool connected() const;
    void complete();
    void finish(const Error &error);

    ImapConnection *m_connection;
    ActionQueue *m_queue;
    MailAction m_action;
    QList<qint64> m_found; // the action's messages still in its source, by UID
    qint64 m_serverValidity = 0;
    bool m_running = false;
    bool m_again = false;
    quint64 m_generation = 0; // results of a stopped replay are ignored
};

} // namespace Tidings
