// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/actionreplayer.h"
#include "imap/envelopeconverter.h"
#include "imap/imapconnection.h"
#include "store/actionqueue.h"

#include <KIMAP/CopyJob>
#include <KIMAP/ExpungeJob>
#include <KIMAP/FetchJob>
#include <KIMAP/MoveJob>
#include <KIMAP/SearchJob>
#include <KIMAP/SelectJob>
#include <KIMAP/Session>
#include <KIMAP/StoreJob>
#include <QCoreApplication>
#include <QSet>
#include <algorithm>

namespace Tidings {

namespace {
struct ReplayText
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::ActionReplayer)
};

QList<qint64> uidsOf(const KIMAP::ImapSet &set)
{
    QList<qint64> out;
    for (const KIMAP::ImapInterval &i : set.intervals()) {
        for (qint64 uid = i.begin(); uid <= (i.hasDefinedEnd() ? i.end() : i.begin()); ++uid)
            out.append(uid);
    }
    return out;
}

KIMAP::ImapSet setOf(const QList<qint64> &uids)
{
    KIMAP::ImapSet set;
    set.add(uids);
    return set;
}

// KIMAP puts a HEADER search value in quotes without escaping: a Message-ID with a quote or
// a backslash (RFC 5322 allows neither outside quoted local parts) is not searched for.
bool searchable(const QByteArray &messageId)
{
    return !messageId.isEmpty() && !messageId.contains('"') && !messageId.contains('\\');
}
} // namespace

ActionReplayer::ActionReplayer(ImapConnection *connection, ActionQueue *queue, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_queue(queue)
{
    connect(connection, &ImapConnection::failed, this, [this](const Error &e) {
        if (!m_running)
            return;
        if (m_action.id != 0)
            m_queue->recordAttempt(m_action.id, e.message);
        finish(e);
    });
}

void ActionReplayer::start()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_again = false;
    next();
}

bool ActionReplayer::connected() const
{
    return m_connection->state() == ImapConnection::State::Ready && m_connection->session() &&
           m_connection->session()->state() != KIMAP::Session::Disconnected;
}

void ActionReplayer::next()
{
    m_action = {};
    m_found.clear();
    QList<MailAction> mine;
    for (const MailAction &a : m_queue->pending()) {
        if (a.account == m_connection->account().name)
            mine.append(a);
    }
    if (mine.isEmpty()) {
        if (m_again) {
            m_again = false;
            QMetaObject::invokeMethod(this, &ActionReplayer::next, Qt::QueuedConnection);
            return;
        }
        finish({});
        return;
    }
    if (!connected()) {
        finish({ErrorKind::Network, ReplayText::tr("not connected")});
        return;
    }
    m_action = mine.constFirst();
    select(m_action.mailbox, false, [this] { findInSource(); });
}

bool ActionReplayer::endedBy(KJob *job, const QString &what)
{
    if (!job->error())
        return false;
    const QString cause = what + QStringLiteral(": ") + job->errorText();
    if (!connected()) {
        // The server never answered: it stays queued for the next connection.
        m_queue->recordAttempt(m_action.id, cause);
        finish({ErrorKind::Network, cause});
        return true;
    }
    const MailAction failed = m_action;
    if (const Error e = m_queue->fail(failed.id, cause); e.isError()) {
        finish(e);
        return true;
    }
    Q_EMIT actionFailed(failed, {ErrorKind::Refused, cause});
    next();
    return true;
}

void ActionReplayer::select(const QString &mailbox, bool readOnly,
                            const std::function<void()> &then)
{
    auto *job = new KIMAP::SelectJob(m_connection->session());
    job->setMailBox(mailbox);
    job->setOpenReadOnly(readOnly);
    const quint64 generation = m_generation;
    connect(job, &KJob::result, this, [this, job, mailbox, then, generation] {
        if (generation != m_generation ||
            endedBy(job, ReplayText::tr("cannot open %1").arg(mailbox)))
            return;
        if (mailbox == m_action.mailbox)
            m_serverValidity = job->uidValidity();
        then();
    });
    job->start();
}

void ActionReplayer::search(const QList<qint64> &uids, const QByteArrayList &messageIds,
                            const std::function<void(const QList<qint64> &)> &then)
{
    QList<KIMAP::Term> terms;
    if (!uids.isEmpty())
        terms.append(KIMAP::Term(KIMAP::Term::Uid, setOf(uids)));
    for (const QByteArray &id : messageIds) {
        if (searchable(id))
            terms.append(KIMAP::Term(QStringLiteral("Message-ID"), QString::fromLatin1(id)));
    }
    if (terms.isEmpty()) {
        then({});
        return;
    }
    auto *job = new KIMAP::SearchJob(m_connection->session());
    job->setUidBased(true);
    job->setTerm(KIMAP::Term(KIMAP::Term::Or, terms));
    const quint64 generation = m_generation;
    connect(job, &KJob::result, this, [this, job, then, generation] {
        if (generation != m_generation || endedBy(job, ReplayText::tr("searching failed")))
            return;
        QList<qint64> found = job->results();
        std::sort(found.begin(), found.end());
        found.erase(std::unique(found.begin(), found.end()), found.end());
        then(found);
    });
    job->start();
}

void ActionReplayer::findInSource()
{
    // UIDs are only meaningful under the UIDVALIDITY they were seen with (RFC 3501 2.3.1.1).
    const bool uidsValid = m_action.uidValidity == 0 || m_action.uidValidity == m_serverValidity;
    QList<qint64> uids;
    for (ActionItem &item : m_action.items) {
        if (!uidsValid)
            item.uid = 0;
        if (item.uid > 0)
            uids.append(item.uid);
    }
    search(uids, {}, [this](const QList<qint64> &found) {
        m_found = found;
        findByMessageId(0);
    });
}

void ActionReplayer::findByMessageId(qsizetype index)
{
    // Items whose UID is unknown, void or stale (a row an undo showed again under its old
    // UID) are looked for by Message-ID, one search each so the UID found belongs to the
    // item. A message found neither way was moved by an earlier run of this very action
    // (killed before it could record that) or by another client: nothing left to do.
    while (index < m_action.items.size() && (m_found.contains(m_action.items.at(index).uid) ||
                                             !searchable(m_action.items.at(index).messageId)))
        ++index;
    if (index >= m_action.items.size()) {
        // Ascending: RFC 4315 COPYUID pairs the new UIDs with the source UIDs in this order.
        std::sort(m_found.begin(), m_found.end());
        if (m_found.isEmpty())
            complete();
        else if (m_action.isMove())
            move();
        else
            storeFlags();
        return;
    }
    search({}, {m_action.items.at(index).messageId}, [this, index](const QList<qint64> &found) {
        ActionItem &item = m_action.items[index];
        item.uid = 0;
        for (qint64 uid : found) {
            if (!m_found.contains(uid)) {
                item.uid = uid;
                m_found.append(uid);
                break;
            }
        }
        findByMessageId(index + 1);
    });
}

void ActionReplayer::storeFlags()
{
    auto *job = new KIMAP::StoreJob(m_connection->session());
    job->setUidBased(true);
    job->setSequenceSet(setOf(m_found));
    job->setFlags(flagsToImap(m_action.flags));
    job->setMode(m_action.kind == ActionKind::AddFlags ? KIMAP::StoreJob::AppendFlags
                                                       : KIMAP::StoreJob::RemoveFlags);
    const quint64 generation = m_generation;
    connect(job, &KJob::result, this, [this, job, generation] {
        if (generation != m_generation ||
            endedBy(job, ReplayText::tr("changing flags in %1 failed").arg(m_action.mailbox)))
            return;
        Q_EMIT serverApplied(m_action.id, Step::Stored);
        complete();
    });
    job->start();
}

void ActionReplayer::move()
{
    if (!m_connection->hasCapability(QStringLiteral("MOVE"))) {
        findCopiesInTarget();
        return;
    }
    auto *job = new KIMAP::MoveJob(m_connection->session());
    job->setUidBased(true);
    job->setSequenceSet(setOf(m_found));
    job->setMailBox(m_action.target);
    const quint64 generation = m_generation;
    connect(job, &KJob::result, this, [this, job, generation] {
        if (generation != m_generation ||
            endedBy(job, ReplayText::tr("moving to %1 failed").arg(m_action.target)))
            return;
        Q_EMIT serverApplied(m_action.id, Step::Moved);
        // RFC 4315 COPYUID lists the new UIDs in the order of the source UIDs.
        const QList<qint64> created = uidsOf(job->resultingUids());
        if (created.size() == m_found.size()) {
            for (ActionItem &item : m_action.items) {
                const qsizetype at = m_found.indexOf(item.uid);
                if (item.uid > 0 && at >= 0)
                    item.resultUid = created.at(at);
            }
        }
        complete();
    });
    job->start();
}

void ActionReplayer::findCopiesInTarget()
{
    // Without MOVE a move is COPY, STORE \Deleted, EXPUNGE. A run killed after the COPY
    // left copies in the target: look for them by Message-ID so they are not made twice.
    QByteArrayList ids;
    for (const ActionItem &item : std::as_const(m_action.items))
        ids.append(item.messageId);
    select(m_action.target, true, [this, ids] {
        search({}, ids, [this](const QList<qint64> &found) {
            if (found.isEmpty()) {
                select(m_action.mailbox, false, [this] { copyMissing({}); });
                return;
            }
            auto *fetch = new KIMAP::FetchJob(m_connection->session());
            fetch->setUidBased(true);
            fetch->setSequenceSet(setOf(found));
            KIMAP::FetchJob::FetchScope scope;
            scope.mode = KIMAP::FetchJob::FetchScope::Headers;
            fetch->setScope(scope);
            auto present = std::make_shared<QSet<QByteArray>>();
            connect(fetch, &KIMAP::FetchJob::messagesAvailable, this,
                    [present](const QMap<qint64, KIMAP::Message> &messages) {
                        for (const KIMAP::Message &m : messages)
                            present->insert(envelopeFromFetch(m).messageId);
                    });
            const quint64 generation = m_generation;
            connect(fetch, &KJob::result, this, [this, fetch, present, generation] {
                if (generation != m_generation ||
                    endedBy(fetch, ReplayText::tr("reading %1 failed").arg(m_action.target)))
                    return;
                select(m_action.mailbox, false, [this, present] { copyMissing(*present); });
            });
            fetch->start();
        });
    });
}

void ActionReplayer::copyMissing(const QSet<QByteArray> &inTarget)
{
    QList<qint64> toCopy = m_found;
    for (const ActionItem &item : std::as_const(m_action.items)) {
        if (item.uid > 0 && inTarget.contains(item.messageId))
            toCopy.removeAll(item.uid);
    }
    if (toCopy.isEmpty()) {
        deleteFromSource();
        return;
    }
    auto *job = new KIMAP::CopyJob(m_connection->session());
    job->setUidBased(true);
    job->setSequenceSet(setOf(toCopy));
    job->setMailBox(m_action.target);
    const quint64 generation = m_generation;
    connect(job, &KJob::result, this, [this, job, toCopy, generation] {
        if (generation != m_generation ||
            endedBy(job, ReplayText::tr("copying to %1 failed").arg(m_action.target)))
            return;
        Q_EMIT serverApplied(m_action.id, Step::Copied);
        const QList<qint64> created = uidsOf(job->resultingUids());
        if (created.size() == toCopy.size()) {
            for (ActionItem &item : m_action.items) {
                const qsizetype at = toCopy.indexOf(item.uid);
                if (item.uid > 0 && at >= 0)
                    item.resultUid = created.at(at);
            }
        }
        deleteFromSource();
    });
    job->start();
}

void ActionReplayer::deleteFromSource()
{
    auto *store = new KIMAP::StoreJob(m_connection->session());
    store->setUidBased(true);
    store->setSequenceSet(setOf(m_found));
    store->setFlags({"\\Deleted"});
    store->setMode(KIMAP::StoreJob::AppendFlags);
    const quint64 generation = m_generation;
    connect(store, &KJob::result, this, [this, store, generation] {
        if (generation != m_generation ||
            endedBy(store, ReplayText::tr("removing from %1 failed").arg(m_action.mailbox)))
            return;
        // KIMAP has no UID EXPUNGE (RFC 4315): this also expunges messages another client
        // marked \Deleted in this mailbox, as any client without UIDPLUS would.
        auto *expunge = new KIMAP::ExpungeJob(m_connection->session());
        connect(expunge, &KJob::result, this, [this, expunge, generation] {
            if (generation != m_generation ||
                endedBy(expunge, ReplayText::tr("expunging %1 failed").arg(m_action.mailbox)))
                return;
            Q_EMIT serverApplied(m_action.id, Step::Expunged);
            complete();
        });
        expunge->start();
    });
    store->start();
}

void ActionReplayer::complete()
{
    const MailAction done = m_action;
    if (const Error e = m_queue->complete(done.id, done.items); e.isError()) {
        finish(e);
        return;
    }
    Q_EMIT actionDone(done);
    next();
}

void ActionReplayer::finish(const Error &error)
{
    if (!m_running)
        return;
    ++m_generation;
    m_running = false;
    m_action = {};
    Q_EMIT finished(error);
}

} // namespace Tidings
