// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/headerfetcher.h"
#include "imap/fetchparser.h"
#include "imap/headerfields.h"
#include "imap/imapclient.h"

#include <KIMAP/ImapSet>
#include <KIMAP/RFCCodecs>
#include <QThread>

namespace Tidings {

namespace {
// The items of KIMAP's Headers scope, so the cache holds the same as before and the
// benchmark's wire baseline moves the same bytes.
const QByteArray FetchItems = "(RFC822.SIZE INTERNALDATE BODY.PEEK[HEADER.FIELDS (TO FROM "
                              "MESSAGE-ID REFERENCES IN-REPLY-TO SUBJECT DATE)] FLAGS UID)";

// Messages per FETCH after the first, in batches: fewer commands cost the server less, and
// a batch still reaches the writer as soon as it is complete.
constexpr int BatchesPerCommand = 5;

struct Plan
{
    qint64 upToSequence = 0; // or, when 0, the UIDs below
    int batch = 0;
    QList<qint64> uids;
};

// Lives on the fetcher's thread; the client and its socket are made there.
class FetchWorker : public QObject
{
    Q_OBJECT
public:
    FetchWorker(const Account &account, const QString &secret, const QString &mailbox,
                qint64 uidValidity, qint64 belowUid)
        : m_account(account)
        , m_secret(secret)
        , m_mailbox(mailbox)
        , m_uidValidity(uidValidity)
        , m_belowUid(belowUid)
    {
    }

    void start(const Plan &plan)
    {
        m_plan = plan;
        m_client = new ImapClient(m_account, m_secret, this);
        connect(m_client, &ImapClient::ready, this, &FetchWorker::examine);
        connect(m_client, &ImapClient::untagged, this, &FetchWorker::onUntagged);
        connect(m_client, &ImapClient::completed, this, &FetchWorker::onCompleted);
        connect(m_client, &ImapClient::failed, this, [this](const Error &e) { finish(e); });
        m_client->open();
    }

    void batchStored()
    {
        --m_unstored;
        if (m_unstored < HeaderFetcher::MaxUnstoredBatches && m_client)
            m_client->setPaused(false);
    }

Q_SIGNALS:
    void batchArrived(const QList<Tidings::Envelope> &envelopes);
    void finished(const Tidings::Error &error, bool connected);

private:
    void examine()
    {
        m_connected = true;
        m_examineTag = m_client->send(
            "EXAMINE \"" + KIMAP::quoteIMAP(KIMAP::encodeImapFolderName(m_mailbox.toUtf8())) + '"');
    }

    void onUntagged(const QByteArray &response)
    {
        if (m_commands.isEmpty() && m_inFlight.isEmpty()) {
            readExamine(response);
            return;
        }
        const FetchResponse fetched = parseFetchResponse(response);
        if (fetched.error == FetchParseError::NotFetch)
            return; // EXISTS, EXPUNGE and such: this connection only reads
        if (!fetched.isValid()) {
            // Broken framing: whatever follows cannot be trusted either.
            finish({ErrorKind::Network,
                    tr("%1 sent a FETCH response that cannot be read (%2)")
                        .arg(m_client->where(),
                             QString::fromLatin1(fetchParseErrorText(fetched.error)))});
            return;
        }
        if (!fetched.has(FetchResponse::Header) || fetched.uid <= 0)
            return; // a FLAGS-only FETCH another client's change caused
        if (m_belowUid > 0 && fetched.uid >= m_belowUid)
            return;
        m_batch.append(envelopeFromResponse(fetched, Recipients::Skip));
        // By count, not by command: Dovecot holds back the tagged OKs of pipelined FETCHes
        // until the last one ends (it syncs the mailbox once for all of them).
        if (m_batch.size() >= m_plan.batch)
            flush();
    }

    void flush()
    {
        if (m_batch.isEmpty())
            return;
        ++m_unstored;

        Q_EMIT batchArrived(std::exchange(m_batch, {}));
        if (m_unstored >= HeaderFetcher::MaxUnstoredBatches)
            m_client->setPaused(true);
    }

    void readExamine(const QByteArray &response)
    {
        // "* 123 EXISTS", "* OK [UIDVALIDITY 456] ..."
        if (response.endsWith(" EXISTS")) {
            m_exists = response.mid(2, response.size() - 9).toLongLong();
        } else if (const qsizetype at = response.indexOf("[UIDVALIDITY "); at >= 0) {
            const qsizetype from = at + 13;
            m_serverValidity = response.mid(from, response.indexOf(']', from) - from).toLongLong();
        }
    }

    void onCompleted(const QByteArray &tag, bool ok, const QString &text)
    {
        if (tag == m_examineTag) {
            if (!ok) {
                finish({ErrorKind::Refused, tr("cannot open %1: %2").arg(m_mailbox, text)});
                return;
            }
            if (m_uidValidity > 0 && m_serverValidity != m_uidValidity) {
                finish({ErrorKind::Refused,
                        tr("%1 changed while it was being read; try again").arg(m_mailbox)});
                return;
            }
            plan();
            if (m_commands.isEmpty()) {
                finish({}); // an empty mailbox, or nothing asked for
                return;
            }
            sendMore();
            return;
        }
        if (!m_inFlight.contains(tag))
            return;
        m_inFlight.removeOne(tag);
        if (!ok) {
            finish({ErrorKind::Refused, tr("fetching %1 failed: %2").arg(m_mailbox, text)});
            return;
        }
        sendMore();
        if (m_inFlight.isEmpty() && m_commands.isEmpty()) {
            flush();
            finish({});
        }
    }

    void plan()
    {
        if (m_plan.upToSequence > 0) {
            // Sequence numbers: the newest messages are the highest. The caller's snapshot
            // numbers them; mail that arrived since only adds higher ones.
            for (qint64 upTo = qMin(m_plan.upToSequence, m_exists); upTo >= 1;) {
                const qint64 size = m_plan.batch * BatchesPerCommand;
                const qint64 from = qMax<qint64>(1, upTo - size + 1);
                m_commands.append("FETCH " + QByteArray::number(from) + ':' +
                                  QByteArray::number(upTo) + ' ' + FetchItems);
                upTo = from - 1;
            }
            return;
        }
        const qsizetype span = m_plan.batch * BatchesPerCommand;
        for (qsizetype i = 0; i < m_plan.uids.size(); i += span) {
            KIMAP::ImapSet set;
            set.add(m_plan.uids.mid(i, span));
            set.optimize();
            m_commands.append("UID FETCH " + set.toImapSequenceSet() + ' ' + FetchItems);
        }
    }

    void sendMore()
    {
        while (!m_commands.isEmpty() && m_inFlight.size() < HeaderFetcher::MaxCommandsInFlight)
            m_inFlight.append(m_client->send(m_commands.takeFirst()));
    }

    void finish(const Error &error)
    {
        if (m_done)
            return;
        m_done = true;
        if (m_client)
            m_client->close();
        Q_EMIT finished(error, m_connected);
    }

    Account m_account;
    QString m_secret;
    QString m_mailbox;
    qint64 m_uidValidity;
    qint64 m_belowUid;
    Plan m_plan;
    ImapClient *m_client = nullptr;
    QByteArray m_examineTag;
    qint64 m_exists = 0;
    qint64 m_serverValidity = 0;
    QList<QByteArray> m_commands;
    QList<QByteArray> m_inFlight;
    QList<Envelope> m_batch;
    int m_unstored = 0;
    bool m_connected = false;
    bool m_done = false;
};
} // namespace

HeaderFetcher::HeaderFetcher(const Account &account, const QString &secret, const QString &mailbox,
                             qint64 uidValidity, qint64 belowUid, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new FetchWorker(account, secret, mailbox, uidValidity, belowUid))
{
    m_thread->setObjectName(QStringLiteral("tidings-fetch"));
    auto *worker = static_cast<FetchWorker *>(m_worker);
    worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &FetchWorker::batchArrived, this, &HeaderFetcher::batchArrived);
    connect(worker, &FetchWorker::finished, this, &HeaderFetcher::finished);
    m_thread->start();
}

HeaderFetcher::~HeaderFetcher()
{
    // The worker (and its connection) goes with its thread; nothing it still posts arrives.
    m_worker->disconnect(this);
    m_thread->quit();
    m_thread->wait();
}

void HeaderFetcher::fetchNewestFirst(qint64 upToSequence, int batch)
{
    Plan plan;
    plan.upToSequence = qMax<qint64>(0, upToSequence);
    plan.batch = batch;
    auto *worker = static_cast<FetchWorker *>(m_worker);
    QMetaObject::invokeMethod(worker, [worker, plan] { worker->start(plan); });
}

void HeaderFetcher::fetchUids(const QList<qint64> &uids, int batch)
{
    Plan plan;
    plan.uids = uids;
    plan.batch = batch;
    auto *worker = static_cast<FetchWorker *>(m_worker);
    QMetaObject::invokeMethod(worker, [worker, plan] { worker->start(plan); });
}

void HeaderFetcher::batchStored()
{
    auto *worker = static_cast<FetchWorker *>(m_worker);
    QMetaObject::invokeMethod(worker, [worker] { worker->batchStored(); });
}

} // namespace Tidings

#include "headerfetcher.moc"
