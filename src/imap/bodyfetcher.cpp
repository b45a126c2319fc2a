// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/bodyfetcher.h"
#include "imap/examine.h"
#include "imap/imapconnection.h"

#include <KIMAP/FetchJob>
#include <KIMAP/Session>

namespace Tidings {

BodyFetcher::BodyFetcher(ImapConnection *connection, const QString &mailbox, qint64 uid,
                         QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_mailbox(mailbox)
    , m_uid(uid)
{
    connect(connection, &ImapConnection::failed, this, [this](const Error &e) { finish(e); });
}

void BodyFetcher::start()
{
    examineMailbox(m_connection, m_mailbox, this, [this](const Error &error) {
        if (error.isError())
            finish(error);
        else
            fetch();
    });
}

void BodyFetcher::fetch()
{
    if (m_done)
        return;
    if (!m_connection->session()) {
        finish({ErrorKind::Network, tr("not connected")});
        return;
    }
    auto *job = new KIMAP::FetchJob(m_connection->session());
    job->setUidBased(true);
    job->setSequenceSet(KIMAP::ImapSet(m_uid));
    KIMAP::FetchJob::FetchScope scope;
    scope.mode = KIMAP::FetchJob::FetchScope::Content; // no parts: BODY.PEEK[]
    job->setScope(scope);
    connect(job, &KIMAP::FetchJob::messagesAvailable, this,
            [this](const QMap<qint64, KIMAP::Message> &messages) {
                for (const KIMAP::Message &m : messages) {
                    if (m.uid != m_uid || !m.message)
                        continue;
                    m_gotMessage = true;
                    Q_EMIT fetched(m.message->encodedContent());
                }
            });
    connect(job, &KJob::result, this, [this, job] {
        if (job->error())
            finish(
                {ErrorKind::Refused, tr("fetching the message failed: %1").arg(job->errorText())});
        else if (!m_gotMessage)
            finish({ErrorKind::Refused, tr("the message is no longer on the server")});
        else
            finish({});
    });
    job->start();
}

void BodyFetcher::finish(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(error);
    deleteLater();
}

} // namespace Tidings
