// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/sentappender.h"
#include "imap/imapconnection.h"
#include "imap/mailboxlister.h"

#include <KIMAP/AppendJob>
#include <KIMAP/SearchJob>
#include <KIMAP/SelectJob>
#include <QCoreApplication>

namespace Tidings {

namespace {
struct SentAppenderText
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::SentAppender)
};

// A Message-ID KIMAP can put in a quoted SEARCH string as it is.
bool searchable(const QByteArray &messageId)
{
    return !messageId.isEmpty() && !messageId.contains('"') && !messageId.contains('\\');
}
} // namespace

SentAppender::SentAppender(ImapConnection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{
    connect(connection, &ImapConnection::failed, this, [this](const Error &e) { finish(e); });
}

void SentAppender::start(const QString &mailbox, const QByteArray &messageId,
                         const QByteArray &mime)
{
    m_mailbox = mailbox;
    m_messageId = messageId;
    m_mime = mime;
    if (!m_connection->session()) {
        finish({ErrorKind::Network, SentAppenderText::tr("not connected")});
        return;
    }
    if (m_mailbox.isEmpty())
        findSentMailbox();
    else
        lookForCopy();
}

void SentAppender::findSentMailbox()
{
    auto *lister = new MailboxLister(m_connection, this);
    connect(lister, &MailboxLister::finished, this,
            [this, lister](const QList<Mailbox> &mailboxes, const Error &e) {
                lister->deleteLater();
                if (e.isError()) {
                    finish(e);
                    return;
                }
                // The account's own: a delegator's shared Sent carries the role too.
                for (const Mailbox &m : mailboxes) {
                    if (m.role == MailboxRole::Sent && m.namespaceKind == NamespaceKind::Personal) {
                        m_mailbox = m.path;
                        lookForCopy();
                        return;
                    }
                }
                finish({ErrorKind::Refused,
                        SentAppenderText::tr("the account has no Sent mailbox (none is marked "
                                             "\\Sent); choose one for the identity")});
            });
    lister->start();
}

void SentAppender::lookForCopy()
{
    if (!searchable(m_messageId)) {
        append();
        return;
    }
    auto *select = new KIMAP::SelectJob(m_connection->session());
    select->setMailBox(m_mailbox);
    select->setOpenReadOnly(true);
    connect(select, &KJob::result, this, [this, select] {
        if (endedBy(select, SentAppenderText::tr("cannot open %1").arg(m_mailbox)))
            return;
        auto *search = new KIMAP::SearchJob(m_connection->session());
        search->setUidBased(true);
        search->setTerm(
            KIMAP::Term(QStringLiteral("Message-ID"), QString::fromLatin1(m_messageId)));
        connect(search, &KJob::result, this, [this, search] {
            if (endedBy(search, SentAppenderText::tr("cannot search %1").arg(m_mailbox)))
                return;
            if (!search->results().isEmpty())
                finish({}); // an earlier run's APPEND got there, its answer did not
            else
                append();
        });
        search->start();
    });
    select->start();
}

void SentAppender::append()
{
    auto *job = new KIMAP::AppendJob(m_connection->session());
    job->setMailBox(m_mailbox);
    job->setFlags({QByteArrayLiteral("\\Seen")});
    job->setContent(m_mime);
    connect(job, &KJob::result, this, [this, job] {
        if (endedBy(job, SentAppenderText::tr("cannot append to %1").arg(m_mailbox)))
            return;
        finish({});
    });
    job->start();
}

bool SentAppender::endedBy(KJob *job, const QString &what)
{
    if (!job->error())
        return false;
    const bool connected =
        m_connection->session() && m_connection->state() == ImapConnection::State::Ready;
    finish({connected ? ErrorKind::Refused : ErrorKind::Network,
            what + QStringLiteral(": ") + job->errorText()});
    return true;
}

void SentAppender::finish(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(m_mailbox, error);
}

} // namespace Tidings
