// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/draftuploader.h"
#include "imap/imapconnection.h"

#include <KIMAP/AppendJob>
#include <KIMAP/ExpungeJob>
#include <KIMAP/SearchJob>
#include <KIMAP/SelectJob>
#include <KIMAP/Session>
#include <KIMAP/StoreJob>
#include <QCoreApplication>
#include <algorithm>

namespace Tidings {

namespace {
struct UploadText
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::DraftUploader)
};

// KIMAP puts a HEADER search value in quotes without escaping it.
bool searchable(const QByteArray &messageId)
{
    return !messageId.isEmpty() && !messageId.contains('"') && !messageId.contains('\\');
}

KIMAP::ImapSet setOf(const QList<qint64> &uids)
{
    KIMAP::ImapSet set;
    set.add(uids);
    return set;
}
} // namespace

DraftUploader::DraftUploader(ImapConnection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
}

bool DraftUploader::connected() const
{
    return m_connection->state() == ImapConnection::State::Ready && m_connection->session() &&
           m_connection->session()->state() != KIMAP::Session::Disconnected;
}

Error DraftUploader::failure(KJob *job, const QString &what) const
{
    return {connected() ? ErrorKind::Refused : ErrorKind::Network,
            what + QStringLiteral(": ") + job->errorText()};
}

void DraftUploader::upload(const QString &mailbox, const QByteArray &mime,
                           const QByteArray &messageId, qint64 previousUid)
{
    Q_ASSERT(!m_running);
    m_discarding = false;
    m_mime = mime;
    start(mailbox, messageId, previousUid);
}

void DraftUploader::discard(const QString &mailbox, const QByteArray &messageId, qint64 knownUid)
{
    Q_ASSERT(!m_running);
    m_discarding = true;
    m_mime.clear();
    start(mailbox, messageId, knownUid);
}

void DraftUploader::start(const QString &mailbox, const QByteArray &messageId, qint64 previousUid)
{
    m_running = true;
    m_mailbox = mailbox;
    m_messageId = messageId;
    m_previousUid = previousUid;
    m_result = {};
    if (!connected()) {
        finish({ErrorKind::Network, UploadText::tr("not connected to the server")});
        return;
    }
    if (m_discarding)
        findVersions();
    else
        append();
}

void DraftUploader::append()
{
    auto *job = new KIMAP::AppendJob(m_connection->session());
    job->setMailBox(m_mailbox);
    job->setFlags({QByteArrayLiteral("\\Draft"), QByteArrayLiteral("\\Seen")});
    job->setContent(m_mime);
    connect(job, &KJob::result, this, [this, job] {
        if (job->error()) {
            finish(failure(job, UploadText::tr("saving the draft to %1 failed").arg(m_mailbox)));
            return;
        }
        m_result.stored = true;
        m_result.uid = job->uid(); // APPENDUID (RFC 4315), 0 without UIDPLUS
        m_mime.clear();
        findVersions();
    });
    job->start();
}

void DraftUploader::findVersions()
{
    auto *select = new KIMAP::SelectJob(m_connection->session());
    select->setMailBox(m_mailbox);
    connect(select, &KJob::result, this, [this, select] {
        if (select->error()) {
            finish(failure(select, UploadText::tr("cannot open %1").arg(m_mailbox)));
            return;
        }
        if (!searchable(m_messageId)) {
            removeOlder(m_previousUid > 0 && m_previousUid != m_result.uid
                            ? QList<qint64>{m_previousUid}
                            : QList<qint64>{});
            return;
        }
        auto *search = new KIMAP::SearchJob(m_connection->session());
        search->setUidBased(true);
        search->setTerm(KIMAP::Term(QStringLiteral("Message-ID"),
                                    QString::fromLatin1('<' + m_messageId + '>')));
        connect(search, &KJob::result, this, [this, search] {
            if (search->error()) {
                finish(failure(search, UploadText::tr("searching %1 failed").arg(m_mailbox)));
                return;
            }
            const QList<qint64> found = search->results();
            if (m_discarding) {
                removeOlder(found);
                return;
            }
            if (m_result.uid == 0 && !found.isEmpty())
                m_result.uid = *std::max_element(found.cbegin(), found.cend());
            QList<qint64> older;
            for (qint64 uid : found) {
                if (uid < m_result.uid)
                    older.append(uid);
            }
            removeOlder(older);
        });
        search->start();
    });
    select->start();
}

void DraftUploader::removeOlder(const QList<qint64> &uids)
{
    if (uids.isEmpty()) {
        finish({});
        return;
    }
    auto *store = new KIMAP::StoreJob(m_connection->session());
    store->setUidBased(true);
    store->setSequenceSet(setOf(uids));
    store->setFlags({QByteArrayLiteral("\\Deleted")});
    store->setMode(KIMAP::StoreJob::AppendFlags);
    connect(store, &KJob::result, this, [this, store, uids] {
        if (store->error()) {
            finish(
                failure(store, UploadText::tr("removing the draft from %1 failed").arg(m_mailbox)));
            return;
        }
        expungeIfOnlyOurs(uids);
    });
    store->start();
}

void DraftUploader::expungeIfOnlyOurs(const QList<qint64> &uids)
{
    // KIMAP has no UID EXPUNGE (RFC 4315 2.1), and a plain EXPUNGE would also remove what
    // the user or another client marked \Deleted in this mailbox. Expunge only when nothing
    // else is marked; otherwise our older versions stay \Deleted (hidden by most clients)
    // until a later save finds the mailbox clean.
    auto *search = new KIMAP::SearchJob(m_connection->session());
    search->setUidBased(true);
    search->setTerm(KIMAP::Term(KIMAP::Term::Deleted));
    connect(search, &KJob::result, this, [this, search, uids] {
        if (search->error()) {
            finish(failure(search, UploadText::tr("searching %1 failed").arg(m_mailbox)));
            return;
        }
        const QList<qint64> deleted = search->results();
        const bool onlyOurs = std::all_of(deleted.cbegin(), deleted.cend(),
                                          [&uids](qint64 uid) { return uids.contains(uid); });
        if (!onlyOurs) {
            finish({});
            return;
        }
        auto *expunge = new KIMAP::ExpungeJob(m_connection->session());
        connect(expunge, &KJob::result, this, [this, expunge] {
            finish(expunge->error()
                       ? failure(expunge, UploadText::tr("expunging %1 failed").arg(m_mailbox))
                       : Error{});
        });
        expunge->start();
    });
    search->start();
}

void DraftUploader::finish(const Error &error)
{
    m_running = false;
    m_mime.clear();
    if (m_discarding) {
        Q_EMIT discarded(error);
        return;
    }
    m_result.error = error;
    const DraftUpload result = m_result;
    Q_EMIT finished(result);
}

} // namespace Tidings
