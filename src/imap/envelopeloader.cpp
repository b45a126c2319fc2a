// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/envelopeloader.h"
#include "imap/envelopeconverter.h"
#include "imap/imapconnection.h"

#include <KIMAP/FetchJob>
#include <KIMAP/SelectJob>
#include <KIMAP/Session>
#include <QCoreApplication>

namespace Tidings {

EnvelopeLoader::EnvelopeLoader(ImapConnection *connection, const QString &mailbox, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_mailbox(mailbox)
{
    connect(connection, &ImapConnection::failed, this, [this](const Error &e) { finish(e); });
}

void EnvelopeLoader::start()
{
    if (!m_connection->session()) {
        finish({ErrorKind::Network, tr("not connected")});
        return;
    }
    auto *select = new KIMAP::SelectJob(m_connection->session());
    select->setMailBox(m_mailbox);
    // EXAMINE: listing a mailbox must not change its \Recent state.
    select->setOpenReadOnly(true);
    connect(select, &KJob::result, this, [this, select] {
        if (m_done)
            return;
        if (select->error()) {
            finish(
                {ErrorKind::Refused, tr("cannot open %1: %2").arg(m_mailbox, select->errorText())});
            return;
        }
        if (select->messageCount() == 0) {
            finish({});
            return;
        }
        fetch();
    });
    select->start();
}

void EnvelopeLoader::fetch()
{
    if (!m_connection->session()) {
        finish({ErrorKind::Network, tr("not connected")});
        return;
    }
    auto *job = new KIMAP::FetchJob(m_connection->session());
    job->setUidBased(true);
    job->setSequenceSet(KIMAP::ImapSet(1, 0)); // 1:*
    KIMAP::FetchJob::FetchScope scope;
    scope.mode = KIMAP::FetchJob::FetchScope::Headers;
    job->setScope(scope);
    connect(job, &KIMAP::FetchJob::messagesAvailable, this,
            [this](const QMap<qint64, KIMAP::Message> &messages) {
                QList<Envelope> batch;
                batch.reserve(messages.size());
                for (const KIMAP::Message &m : messages)
                    batch.append(envelopeFromFetch(m));
                Q_EMIT envelopesArrived(batch);
            });
    connect(job, &KJob::result, this, [this, job] {
        if (job->error())
            finish({ErrorKind::Refused,
                    tr("fetching %1 failed: %2").arg(m_mailbox, job->errorText())});
        else
            finish({});
    });
    job->start();
}

void EnvelopeLoader::finish(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(error);
}

} // namespace Tidings
