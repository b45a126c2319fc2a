// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"
#include "core/error.h"

#include <QObject>

namespace Tidings {

class ImapConnection;

// Selects one mailbox and fetches the envelopes of all its messages, reporting them in
// batches as they arrive. One use per object. (The cached, incremental sync of the next
// milestone replaces the full fetch; this class's signals stay.)
class EnvelopeLoader : public QObject
{
    Q_OBJECT
public:
    EnvelopeLoader(ImapConnection *connection, const QString &mailbox, QObject *parent = nullptr);
    void start();

    QString mailbox() const { return m_mailbox; }

Q_SIGNALS:
    void envelopesArrived(const QList<Tidings::Envelope> &envelopes);
    void finished(const Tidings::Error &error);

private:
    void fetch();
    void finish(const Error &error);

    ImapConnection *m_connection;
    QString m_mailbox;
    bool m_done = false;
};

} // namespace Tidings
