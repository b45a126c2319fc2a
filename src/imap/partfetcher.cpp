// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/partfetcher.h"
#include "imap/imapclient.h"

#include <KIMAP/RFCCodecs>

namespace Tidings {

PartFetcher::PartFetcher(const Account &account, const QString &password, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_password(password)
{
}

PartFetcher::~PartFetcher() = default;

void PartFetcher::fetch(const QString &mailbox, qint64 uid, const QByteArray &items,
                        QObject *context, Done done)
{
    m_queue.append({mailbox, uid, items, context, std::move(done)});
    next();
}

void PartFetcher::connectClient()
{
    m_client = new ImapClient(m_account, m_password, this);
    m_ready = false;
    connect(m_client, &ImapClient::ready, this, [this] {
        m_ready = true;
        next();
    });
    connect(m_client, &ImapClient::untagged, this, &PartFetcher::onUntagged);
    connect(m_client, &ImapClient::completed, this, &PartFetcher::onCompleted);
    connect(m_client, &ImapClient::failed, this, [this](const Error &error) {
        // The next request opens a new connection; the ones waiting learn why this one went.
        m_client->deleteLater();
        m_client = nullptr;
        m_ready = false;
        failAll(error);
    });
    m_client->open();
}

void PartFetcher::next()
{
    if (m_busy || m_queue.isEmpty())
        return;
    if (!m_client) {
        connectClient();
        return;
    }
    if (!m_ready)
        return;
    m_busy = true;
    const Request &request = m_queue.constFirst();
    m_response = {};
    m_found = false;
    // EXAMINE every time, even the mailbox already open: a message another client expunged
    // meanwhile is still in this session's view until it is opened afresh, and Dovecot
    // would hand out its content. Read-only: fetching never changes the mailbox (\Seen
    // stays with BODY.PEEK). Pipelined with the FETCH, so it costs no extra round trip; a
    // refused EXAMINE fails the request before the FETCH answers.
    m_examineTag = m_client->send(
        "EXAMINE \"" + KIMAP::quoteIMAP(KIMAP::encodeImapFolderName(request.mailbox.toUtf8())) +
        '"');
    m_fetchTag = m_client->send("UID FETCH " + QByteArray::number(request.uid) + " (UID " +
                                request.items + ')');
}

void PartFetcher::onUntagged(const QByteArray &response)
{
    if (!m_busy || m_fetchTag.isEmpty())
        return;
    std::optional<PartsResponse> r = parsePartsResponse(response);
    // Unsolicited FETCH responses (another client changed flags) name other UIDs or none.
    if (!r || r->uid != m_queue.constFirst().uid)
        return;
    m_found = true;
    m_response.uid = r->uid;
    if (r->size >= 0)
        m_response.size = r->size;
    if (!r->bodyStructure.isEmpty())
        m_response.bodyStructure = r->bodyStructure;
    m_response.sections.insert(r->sections);
}

void PartFetcher::onCompleted(const QByteArray &tag, bool ok, const QString &text)
{
    if (!m_busy)
        return;
    if (tag == m_examineTag) {
        m_examineTag.clear();
        if (!ok) {
            finish({ErrorKind::Refused,
                    tr("%1 could not be opened: %2").arg(m_queue.constFirst().mailbox, text)});
        }
        return;
    }
    if (tag != m_fetchTag)
        return;
    m_fetchTag.clear();
    if (!ok)
        finish({ErrorKind::Refused, tr("the server refused to send the message: %1").arg(text)});
    else if (!m_found)
        finish({ErrorKind::Refused, tr("the message is no longer on the server (deleted or "
                                       "moved by another client)")});
    else
        finish({});
}

void PartFetcher::finish(const Error &error)
{
    if (!m_busy || m_queue.isEmpty())
        return;
    const Request request = m_queue.takeFirst();
    m_busy = false;
    m_fetchTag.clear();
    // An EXAMINE refused: the FETCH queued behind it answers later and is ignored.
    if (request.context && request.done)
        request.done(m_response, error);
    next();
}

void PartFetcher::failAll(const Error &error)
{
    const QList<Request> waiting = std::exchange(m_queue, {});
    m_busy = false;
    m_examineTag.clear();
    m_fetchTag.clear();
    for (const Request &request : waiting) {
        if (request.context && request.done)
            request.done({}, error); // ImapClient names the server and the cause
    }
}

} // namespace Tidings
