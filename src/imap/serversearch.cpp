// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/serversearch.h"
#include "imap/examine.h"
#include "imap/imapconnection.h"

#include <KIMAP/SearchJob>
#include <KIMAP/Session>

namespace Tidings {

ServerSearch::ServerSearch(ImapConnection *connection, const QString &mailbox,
                           const QStringList &words, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_mailbox(mailbox)
    , m_words(words)
{
    connect(connection, &ImapConnection::failed, this, [this](const Error &e) { finish({}, e); });
}

void ServerSearch::start()
{
    examineMailbox(m_connection, m_mailbox, this, [this](const Error &error) {
        if (error.isError())
            finish({}, error);
        else
            search();
    });
}

void ServerSearch::search()
{
    if (m_done)
        return;
    if (!m_connection->session()) {
        finish({}, {ErrorKind::Network, tr("not connected")});
        return;
    }
    QList<KIMAP::Term> terms;
    bool ascii = true;
    for (const QString &word : std::as_const(m_words)) {
        terms.append(KIMAP::Term(KIMAP::Term::Text, word));
        for (QChar c : word)
            ascii = ascii && c.unicode() < 0x80;
    }
    auto *job = new KIMAP::SearchJob(m_connection->session());
    job->setUidBased(true);
    // Plain ASCII needs no CHARSET; some servers reject the argument they do not need.
    if (!ascii)
        job->setCharset("UTF-8");
    job->setTerm(terms.size() == 1 ? terms.constFirst() : KIMAP::Term(KIMAP::Term::And, terms));
    connect(job, &KJob::result, this, [this, job] {
        if (job->error())
            finish({}, {ErrorKind::Refused,
                        tr("the server could not search %1: %2").arg(m_mailbox, job->errorText())});
        else
            finish(job->results(), {});
    });
    job->start();
}

void ServerSearch::finish(const QList<qint64> &uids, const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(uids, error);
    deleteLater();
}

} // namespace Tidings
