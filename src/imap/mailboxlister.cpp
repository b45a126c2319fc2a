// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/mailboxlister.h"
#include "imap/imapconnection.h"

#include <KIMAP/ListJob>
#include <KIMAP/NamespaceJob>
#include <KIMAP/Session>
#include <QCoreApplication>

namespace Tidings {

namespace {
QStringList prefixes(const QList<KIMAP::MailBoxDescriptor> &namespaces)
{
    QStringList result;
    for (const auto &ns : namespaces) {
        if (!ns.name.isEmpty())
            result.append(ns.name);
    }
    return result;
}

bool startsWithAny(const QString &path, const QStringList &list)
{
    for (const QString &prefix : list) {
        QString bare = prefix;
        if (bare.endsWith(QLatin1Char('/')) || bare.endsWith(QLatin1Char('.')))
            bare.chop(1);
        if (path == bare || path.startsWith(prefix))
            return true;
    }
    return false;
}
} // namespace

MailboxLister::MailboxLister(ImapConnection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    connect(connection, &ImapConnection::failed, this, [this](const Error &e) { finish(e); });
}

void MailboxLister::start()
{
    if (!m_connection->session()) {
        finish({ErrorKind::Network,
                QCoreApplication::translate("Tidings::MailboxLister", "not connected")});
        return;
    }
    auto *job = new KIMAP::NamespaceJob(m_connection->session());
    connect(job, &KJob::result, this, [this, job] {
        // NAMESPACE is optional (RFC 2342): without it, list the personal namespace only.
        if (!job->error()) {
            m_otherUsersPrefixes = prefixes(job->userNamespaces());
            m_sharedPrefixes = prefixes(job->sharedNamespaces());
            m_namespaces =
                job->personalNamespaces() + job->userNamespaces() + job->sharedNamespaces();
        }
        list();
    });
    job->start();
}

void MailboxLister::list()
{
    if (m_done || !m_connection->session())
        return;
    auto *job = new KIMAP::ListJob(m_connection->session());
    job->setOption(KIMAP::ListJob::IncludeUnsubscribed);
    job->setQueriedNamespaces(m_namespaces);
    connect(job, &KIMAP::ListJob::mailBoxesReceived, this,
            [this](const QList<KIMAP::MailBoxDescriptor> &descriptors,
                   const QList<QList<QByteArray>> &flags) {
                for (qsizetype i = 0; i < descriptors.size(); ++i) {
                    // One LIST per namespace may report a mailbox twice.
                    if (m_seen.contains(descriptors[i].name))
                        continue;
                    m_seen.insert(descriptors[i].name);
                    Mailbox m;
                    m.path = descriptors[i].name;
                    m.separator = descriptors[i].separator;
                    if (startsWithAny(m.path, m_otherUsersPrefixes))
                        m.namespaceKind = NamespaceKind::OtherUsers;
                    else if (startsWithAny(m.path, m_sharedPrefixes))
                        m.namespaceKind = NamespaceKind::Shared;
                    m.applyAttributes(i < flags.size() ? flags[i] : QByteArrayList());
                    m_mailboxes.append(m);
                }
            });
    connect(job, &KJob::result, this, [this, job] {
        if (job->error()) {
            finish({ErrorKind::Refused, QCoreApplication::translate("Tidings::MailboxLister",
                                                                    "listing mailboxes failed: %1")
                                            .arg(job->errorText())});
            return;
        }
        std::sort(m_mailboxes.begin(), m_mailboxes.end(), mailboxDisplayLess);
        finish({});
    });
    job->start();
}

void MailboxLister::finish(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(error.isError() ? QList<Mailbox>() : m_mailboxes, error);
}

} // namespace Tidings
