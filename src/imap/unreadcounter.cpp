// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/unreadcounter.h"
#include "imap/imapconnection.h"

#include <KIMAP/StatusJob>

namespace Tidings {

UnreadCounter::UnreadCounter(ImapConnection *connection, const QStringList &mailboxes,
                             QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_queue(mailboxes)
{
    connect(connection, &ImapConnection::failed, this, [this] {
        m_queue.clear();
        Q_EMIT finished();
    });
}

void UnreadCounter::start()
{
    next();
}

void UnreadCounter::next()
{
    if (m_queue.isEmpty() || !m_connection->session()) {
        Q_EMIT finished();
        return;
    }
    const QString mailbox = m_queue.takeFirst();
    auto *job = new KIMAP::StatusJob(m_connection->session());
    job->setMailBox(mailbox);
    job->setDataItems({"UNSEEN"});
    connect(job, &KJob::result, this, [this, job, mailbox] {
        if (!job->error()) {
            for (const auto &[item, value] : job->status()) {
                if (item == "UNSEEN")
                    Q_EMIT counted(mailbox, int(value));
            }
        }
        next();
    });
    job->start();
}

} // namespace Tidings
