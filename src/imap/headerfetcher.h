// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/envelope.h"
#include "core/error.h"

#include <QObject>

class QThread;

namespace Tidings {

// Fetches the header fields the message list needs on a connection and a thread of its own,
// many FETCH commands in flight at once, and parses each response itself. KIMAP's FetchJob
// spends three times the wire on the same bytes (measured, 100,000 messages); this path
// parses on its own core while the writer thread stores and the GUI thread stays free.
// One use per object. Batches come in the order of the FETCH commands (newest first).
class HeaderFetcher : public QObject
{
    Q_OBJECT
public:
    // `uidValidity`: the value the caller's SELECT saw; a different one on this connection
    // fails the fetch (the UIDs would mean other messages). `belowUid`: UIDs at or above are
    // dropped (mail that arrived after the caller's snapshot), 0 for none.
    HeaderFetcher(const Account &account, const QString &secret, const QString &mailbox,
                  qint64 uidValidity, qint64 belowUid, QObject *parent = nullptr);
    ~HeaderFetcher() override;

    // Messages 1 to `upToSequence` (as the caller's SELECT numbered them), newest first,
    // `batch` at a time.
    void fetchNewestFirst(qint64 upToSequence, int batch);
    // These UIDs in the order given, `batch` at a time.
    void fetchUids(const QList<qint64> &uids, int batch);
    // The receiver stored one batchArrived(); reading pauses while MaxUnstoredBatches wait.
    void batchStored();

    // Enough to keep the writer busy; more would only hold parsed messages in memory.
    static constexpr int MaxUnstoredBatches = 3;
    // FETCH commands on the wire at once: enough to hide every round trip, few enough that
    // a failure leaves little in flight.
    static constexpr int MaxCommandsInFlight = 4;

Q_SIGNALS:
    void batchArrived(const QList<Tidings::Envelope> &envelopes);
    // `connected`: this connection logged in, so a failure is not about a second connection
    // being refused (a caller may then fall back to its own session).
    void finished(const Tidings::Error &error, bool connected);

private:
    QThread *m_thread;
    QObject *m_worker;
};

} // namespace Tidings
