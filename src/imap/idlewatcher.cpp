// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/idlewatcher.h"
#include "imap/imapconnection.h"

#include <KIMAP/IdleJob>
#include <KIMAP/SelectJob>
#include <KIMAP/Session>

namespace Tidings {

IdleWatcher::IdleWatcher(const Account &account, const QString &password, QObject *parent)
    : QObject(parent)
    , m_connection(new ImapConnection(account, this))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { Q_EMIT changed(m_mailbox); });
    connect(m_connection, &ImapConnection::ready, this, &IdleWatcher::startIdle);
    connect(m_connection, &ImapConnection::failed, this, &IdleWatcher::failed);
    m_connection->open(password);
}

IdleWatcher::~IdleWatcher()
{
    if (m_idle)
        m_idle->stop();
}

void IdleWatcher::watch(const QString &mailbox)
{
    if (mailbox == m_mailbox)
        return;
    m_mailbox = mailbox;
    if (m_idle) {
        // IDLE must end (DONE) before another SELECT; startIdle() runs on its result.
        m_restartPending = true;
        m_idle->stop();
        return;
    }
    startIdle();
}

void IdleWatcher::startIdle()
{
    if (m_mailbox.isEmpty() || !m_connection->session() || m_idle)
        return;
    auto *select = new KIMAP::SelectJob(m_connection->session());
    select->setMailBox(m_mailbox);
    select->setOpenReadOnly(true);
    connect(select, &KJob::result, this, [this, select] {
        if (select->error()) {
            // No IDLE on a mailbox we cannot open; the next watch() tries again.
            if (m_idle)
                m_idle->deleteLater();
            m_idle = nullptr;
            Q_EMIT failed({ErrorKind::Refused, select->errorText()});
            return;
        }
        if (m_idle)
            m_idle->start();
    });
    select->start();
    auto *idle = new KIMAP::IdleJob(m_connection->session());
    m_idle = idle;
    connect(idle, &KIMAP::IdleJob::mailBoxStats, this, [this] { m_debounce.start(); });
    connect(idle, &KIMAP::IdleJob::mailBoxMessageFlagsChanged, this,
            [this] { m_debounce.start(); });
    connect(idle, &KJob::result, this, [this, idle] {
        if (m_idle == idle)
            m_idle = nullptr;
        if (idle->error() && !m_restartPending) {
            Q_EMIT failed({ErrorKind::Network, idle->errorText()});
            return;
        }
        if (m_restartPending) {
            m_restartPending = false;
            startIdle();
        } else if (m_connection->state() == ImapConnection::State::Ready) {
            // The server ended IDLE on its own (RFC 2177 allows it after 30 min): resume.
            QTimer::singleShot(ResumeDelayMs, this, &IdleWatcher::startIdle);
        }
    });
}

} // namespace Tidings
