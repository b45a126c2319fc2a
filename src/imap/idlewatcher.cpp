// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/idlewatcher.h"
#include "imap/imapclient.h"

#include <KIMAP/RFCCodecs>

namespace Tidings {

namespace {
// The untagged responses that mean the mailbox changed (RFC 3501 7.3-7.4, RFC 7162 3.2.10).
bool reportsChange(const QByteArray &line)
{
    const QList<QByteArray> words = line.split(' ');
    if (words.size() >= 3 && (words.at(2) == "EXISTS" || words.at(2) == "EXPUNGE" ||
                              words.at(2) == "FETCH" || words.at(2) == "RECENT"))
        return true;
    return words.size() >= 2 && words.at(1) == "VANISHED";
}
} // namespace

IdleWatcher::IdleWatcher(const Account &account, const QString &password, QObject *parent)
    : QObject(parent)
    , m_client(new ImapClient(account, password, this))
{
    m_client->setMaxResponseBytes(MaxResponseBytes);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { Q_EMIT changed(m_idleMailbox); });
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, [this] {
        m_examined.clear();
        m_idleMailbox.clear();
        connectToServer();
    });
    m_renew.setInterval(RenewMs);
    connect(&m_renew, &QTimer::timeout, this, [this] {
        if (m_step == Step::Idling)
            send("DONE", Step::LeavingIdle);
    });
    connect(m_client, &ImapClient::ready, this, &IdleWatcher::examine);
    connect(m_client, &ImapClient::untagged, this, &IdleWatcher::onUntagged);
    connect(m_client, &ImapClient::continuation, this, &IdleWatcher::onContinuation);
    connect(m_client, &ImapClient::completed, this, &IdleWatcher::onCompleted);
    connect(m_client, &ImapClient::failed, this, [this](const Error &e) {
        fail({e.kind, tr("live updates: %1").arg(e.message)});
    });
    // Queued: a failure must reach the slots the owner connects after construction.
    QMetaObject::invokeMethod(this, &IdleWatcher::connectToServer, Qt::QueuedConnection);
}

// The server ends IDLE when the connection closes; ImapClient closes without a signal.
IdleWatcher::~IdleWatcher() = default;

void IdleWatcher::connectToServer()
{
    m_step = Step::Connecting;
    m_client->open();
}

void IdleWatcher::watch(const QString &mailbox)
{
    if (mailbox == m_mailbox)
        return;
    m_mailbox = mailbox;
    // IDLE must end (DONE) before another EXAMINE; the tagged OK of IDLE continues.
    if (m_step == Step::Idling)
        send("DONE", Step::LeavingIdle);
    else if (m_step == Step::Ready)
        examine();
}

void IdleWatcher::send(const QByteArray &command, Step next)
{
    m_step = next;
    if (command == "DONE")
        m_client->sendRaw(command);
    else
        m_tag = m_client->send(command);
}

void IdleWatcher::onContinuation()
{
    if (m_step != Step::EnterIdle)
        return;
    m_step = Step::Idling;
    m_idleMailbox = m_examined;
    m_renew.start();
    if (m_mailbox != m_examined) // watch() was called while this was starting
        send("DONE", Step::LeavingIdle);
    else
        Q_EMIT watching(m_idleMailbox);
    if (m_reconnects > 0) {
        // Whatever changed while the connection was down was not reported.
        m_reconnects = 0;
        Q_EMIT changed(m_idleMailbox);
    }
}

void IdleWatcher::onUntagged(const QByteArray &response)
{
    if ((m_step == Step::Idling || m_step == Step::LeavingIdle) && reportsChange(response))
        m_debounce.start();
}

void IdleWatcher::onCompleted(const QByteArray &tag, bool ok, const QString &text)
{
    if (tag != m_tag)
        return;
    if (!ok) {
        if (m_step == Step::Examine) {
            // No live updates for a mailbox we cannot open; the next watch() tries again.
            m_idleMailbox.clear();
            m_step = Step::Ready;
            Q_EMIT failed({ErrorKind::Refused, tr("cannot watch %1: %2").arg(m_examined, text)});
            if (m_mailbox != m_examined)
                examine();
            return;
        }
        fail({ErrorKind::Refused, tr("%1 refused live updates: %2").arg(m_client->where(), text)});
        return;
    }
    switch (m_step) {
    case Step::LeavingIdle:
        // A renewal of the same mailbox needs no new EXAMINE.
        if (m_mailbox == m_examined && !m_examined.isEmpty())
            send("IDLE", Step::EnterIdle);
        else
            examine();
        return;
    case Step::Examine:
        send("IDLE", Step::EnterIdle);
        return;
    case Step::EnterIdle:
    case Step::Idling:
        // The server ended IDLE on its own (RFC 2177 allows it): enter it again.
        send("IDLE", Step::EnterIdle);
        return;
    default:
        return;
    }
}

void IdleWatcher::examine()
{
    m_renew.stop();
    m_examined = m_mailbox;
    if (m_mailbox.isEmpty()) {
        m_step = Step::Ready; // nothing to watch yet; watch() starts it
        return;
    }
    // EXAMINE: watching must not change \Recent or anything else.
    send("EXAMINE \"" + KIMAP::quoteIMAP(KIMAP::encodeImapFolderName(m_mailbox.toUtf8())) + '"',
         Step::Examine);
}

void IdleWatcher::fail(const Error &error)
{
    if (m_step == Step::Failed)
        return;
    m_step = Step::Failed;
    m_renew.stop();
    m_client->close();
    // A dropped connection (sleep, Wi-Fi change, server restart) comes back by itself; a
    // rejected password or a refusal would only be refused again.
    if (error.kind == ErrorKind::Network) {
        const int delay =
            ReconnectDelaysMs[qMin<int>(m_reconnects, std::size(ReconnectDelaysMs) - 1)];
        ++m_reconnects;
        m_reconnect.start(delay);
    }
    Q_EMIT failed(error);
}

} // namespace Tidings
