// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/outboxrunner.h"

#include "imap/imapconnection.h"
#include "imap/sentappender.h"
#include "models/messagecomposer.h"
#include "smtp/smtpsender.h"
#include "store/actionqueue.h"
#include "store/outbox.h"

#include <QCoreApplication>

namespace Tidings {

namespace {
struct OutboxRunnerText
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::OutboxRunner)
};
} // namespace

struct OutboxRunner::Lane
{
    Account account;
    QString secret;
    qint64 current = 0; // the entry being worked on, 0 when free
};

OutboxRunner::OutboxRunner(Outbox *outbox, ActionQueue *actions, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_actions(actions)
    , m_pid(QCoreApplication::applicationPid())
{
    for (int seconds : RetryDelaysSeconds)
        m_delaysMs.append(seconds * 1000);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OutboxRunner::run);
}

OutboxRunner::~OutboxRunner() = default;

int OutboxRunner::recoverInterrupted(Error *error)
{
    const int count = m_outbox->recoverInterrupted(error);
    if (count > 0) {
        for (const OutboxEntry &e : m_outbox->entries()) {
            if (e.state == OutboxState::Interrupted)
                Q_EMIT entryChanged(e);
        }
    }
    return count;
}

void OutboxRunner::setAccount(const Account &account, const QString &secret)
{
    auto lane = m_lanes.value(account.name);
    if (!lane) {
        lane = std::make_shared<Lane>();
        m_lanes.insert(account.name, lane);
    }
    lane->account = account;
    lane->secret = secret;
    schedule();
}

qint64 OutboxRunner::retryDelayMs(int attempts) const
{
    if (m_delaysMs.isEmpty())
        return 0;
    return m_delaysMs.at(qBound(0, attempts - 1, int(m_delaysMs.size()) - 1));
}

QDateTime OutboxRunner::retryAt(int attempts) const
{
    return QDateTime::currentDateTimeUtc().addMSecs(retryDelayMs(attempts));
}

Error OutboxRunner::compose(Draft &draft, const Identity &identity, const Account &account,
                            OutboxEntry *entry) const
{
    const Address owner{account.displayName, account.email};
    QByteArray mime;
    if (Error e = MessageComposer(identity, owner).compose(draft, &mime); e.isError())
        return e;
    entry->account = account.name;
    entry->identity = identity.key();
    entry->draftId = draft.id;
    entry->messageId = draft.messageId;
    entry->subject = draft.subject;
    // The address responsible for the message (RFC 5321 4.1.1.2, RFC 5322 3.6.2): the
    // identity's own, or the account owner's when it writes on someone's behalf. A server
    // with sender-login maps checks this address against the login.
    entry->envelopeFrom = identity.sender(owner) ? account.email : identity.email;
    entry->recipients.clear();
    for (const Address &a : draft.recipients())
        entry->recipients.append(a.email);
    entry->mime = mime;
    entry->sentMailbox = identity.sentMailbox;
    entry->answers = draft.answers;
    entry->ownerPid = m_pid;
    return {};
}

Error OutboxRunner::submit(Draft &draft, const Identity &identity, const Account &account,
                           qint64 *id)
{
    OutboxEntry entry;
    if (Error e = compose(draft, identity, account, &entry); e.isError())
        return e;
    if (Error e = m_outbox->enqueue(entry); e.isError())
        return e;
    if (id)
        *id = entry.id;
    Q_EMIT entryChanged(entry);
    schedule();
    return {};
}

Error OutboxRunner::edit(qint64 id, Draft &draft, const Identity &identity, const Account &account)
{
    OutboxEntry entry;
    if (Error e = compose(draft, identity, account, &entry); e.isError())
        return e;
    entry.id = id;
    if (Error e = m_outbox->replace(entry); e.isError())
        return e;
    if (const std::optional<OutboxEntry> now = m_outbox->find(id))
        Q_EMIT entryChanged(*now);
    schedule();
    return {};
}

Error OutboxRunner::retry(qint64 id)
{
    const std::optional<OutboxEntry> entry = m_outbox->find(id);
    // Sent, but not saved to Sent: only the copy is tried again, now; SMTP never again.
    const Error e =
        entry && entry->state == OutboxState::Accepted
            ? m_outbox->markSaveFailed(id, entry->lastError, QDateTime::currentDateTimeUtc())
            : m_outbox->requeue(id);
    if (e.isError())
        return e;
    if (const std::optional<OutboxEntry> now = m_outbox->find(id))
        Q_EMIT entryChanged(*now);
    schedule();
    return {};
}

Error OutboxRunner::discard(qint64 id)
{
    return m_outbox->remove(id);
}

void OutboxRunner::schedule()
{
    QMetaObject::invokeMethod(this, &OutboxRunner::run, Qt::QueuedConnection);
}

bool OutboxRunner::isOurs(const OutboxEntry &entry) const
{
    if (m_only != 0 && entry.id != m_only)
        return false;
    return entry.ownerPid == 0 || entry.ownerPid == m_pid || !processIsAlive(entry.ownerPid);
}

void OutboxRunner::run()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const OutboxEntry &entry : m_outbox->due(now)) {
        const auto lane = m_lanes.value(entry.account);
        if (!lane || lane->current != 0 || !isOurs(entry))
            continue;
        step(*lane, entry);
    }
    bool busy = false;
    for (const auto &lane : std::as_const(m_lanes))
        busy = busy || lane->current != 0;
    if (busy)
        return;
    // Nothing in progress: wake up for the earliest retry of an entry this runner drives.
    QDateTime next;
    for (const OutboxEntry &e : m_outbox->entries()) {
        const bool waiting = e.state == OutboxState::Queued || e.state == OutboxState::Accepted ||
                             e.state == OutboxState::Saved;
        if (!waiting || !m_lanes.contains(e.account) || !isOurs(e) || !e.retryAt.isValid() ||
            e.retryAt <= now)
            continue;
        if (!next.isValid() || e.retryAt < next)
            next = e.retryAt;
    }
    if (next.isValid())
        m_timer.start(int(qMax<qint64>(0, now.msecsTo(next))));
    Q_EMIT idle();
}

void OutboxRunner::step(Lane &lane, const OutboxEntry &entry)
{
    lane.current = entry.id;
    switch (entry.state) {
    case OutboxState::Queued:
        sendSmtp(lane, entry);
        return;
    case OutboxState::Accepted:
        copyToSent(lane, entry);
        return;
    case OutboxState::Saved:
        finishReply(lane, entry);
        return;
    case OutboxState::Sending:
    case OutboxState::Done:
    case OutboxState::Failed:
    case OutboxState::Interrupted:
        break;
    }
    lane.current = 0;
}

void OutboxRunner::sendSmtp(Lane &lane, const OutboxEntry &entry)
{
    const QString account = lane.account.name;
    const qint64 id = entry.id;
    Error claimError;
    if (!m_outbox->claim(id, m_pid, &claimError)) {
        stepDone(account, id, claimError); // another process took it first
        return;
    }
    if (const std::optional<OutboxEntry> now = m_outbox->find(id))
        Q_EMIT entryChanged(*now);
    if (const Error e = prepareToConnect(lane.account); e.isError()) {
        const Error se = m_outbox->markFailed(id, e.message);
        reportFailure(id, e);
        stepDone(account, id, se);
        return;
    }
    auto *sender = new SmtpSender(lane.account, this);
    const int attempts = entry.attempts + 1;
    connect(sender, &SmtpSender::finished, this,
            [this, sender, account, id, attempts](const SmtpResult &r) {
                sender->deleteLater();
                Error se;
                switch (r.outcome) {
                case SmtpOutcome::Accepted:
                    // Its own committed transaction, before anything else happens.
                    se = m_outbox->markAccepted(id);
                    break;
                case SmtpOutcome::Transient:
                    se = m_outbox->markTransient(id, r.error.message, retryAt(attempts));
                    break;
                case SmtpOutcome::Permanent:
                case SmtpOutcome::AuthFailed:
                    se = m_outbox->markFailed(id, r.error.message);
                    break;
                case SmtpOutcome::Uncertain:
                    se = m_outbox->markInterrupted(id, r.error.message);
                    break;
                }
                if (r.outcome != SmtpOutcome::Accepted)
                    reportFailure(id, r.error);
                stepDone(account, id, se);
            });
    OutgoingMessage message;
    message.envelopeFrom = entry.envelopeFrom;
    message.recipients = entry.recipients;
    message.data = entry.mime;
    message.identity = entry.identity;
    message.fromAddress = entry.identity.section(QLatin1Char(':'), 1);
    sender->send(lane.secret, message);
}

void OutboxRunner::copyToSent(Lane &lane, const OutboxEntry &entry)
{
    const QString account = lane.account.name;
    const qint64 id = entry.id;
    const int attempts = entry.attempts + 1;
    auto saveFailed = [this, account, id, attempts](const Error &e) {
        const Error shown{e.kind,
                          OutboxRunnerText::tr("Sent, but not saved to Sent: %1").arg(e.message)};
        const Error se = m_outbox->markSaveFailed(id, shown.message, retryAt(attempts));
        reportFailure(id, shown);
        stepDone(account, id, se);
    };
    if (const Error e = prepareToConnect(lane.account); e.isError()) {
        saveFailed(e);
        return;
    }
    auto *connection = new ImapConnection(lane.account, this);
    auto *appender = new SentAppender(connection, connection);
    connect(appender, &SentAppender::finished, this,
            [this, connection, account, id, saveFailed](const QString &, const Error &e) {
                connection->deleteLater();
                if (e.isError()) {
                    saveFailed(e);
                    return;
                }
                stepDone(account, id, m_outbox->markSaved(id));
            });
    connect(connection, &ImapConnection::ready, appender,
            [appender, entry] { appender->start(entry.sentMailbox, entry.messageId, entry.mime); });
    connection->open(lane.secret);
}

void OutboxRunner::finishReply(Lane &lane, const OutboxEntry &entry)
{
    QString note;
    if (entry.answers.isValid()) {
        MailAction action;
        action.account = entry.answers.account;
        action.mailbox = entry.answers.mailbox;
        action.kind = ActionKind::AddFlags;
        action.flags = MessageFlag::Answered;
        action.items = {ActionItem{entry.answers.uid, {}, {}, 0}};
        action.undoable = false; // a side effect of sending, not a user action
        const Error e = m_actions
                            ? m_actions->enqueue(action)
                            : Error{ErrorKind::BadInput,
                                    tr("changes to messages cannot be kept (no action queue)")};
        if (e.isError())
            note = OutboxRunnerText::tr("Sent, but the replied message was not marked as "
                                        "answered: %1")
                       .arg(e.message);
        else
            Q_EMIT answeredQueued(action.account);
    }
    stepDone(lane.account.name, entry.id, m_outbox->markDone(entry.id, note));
}

void OutboxRunner::reportFailure(qint64 id, const Error &error)
{
    if (const std::optional<OutboxEntry> now = m_outbox->find(id))
        Q_EMIT attemptFailed(*now, error);
}

void OutboxRunner::stepDone(const QString &account, qint64 id, const Error &storeError)
{
    if (const auto lane = m_lanes.value(account))
        lane->current = 0;
    std::optional<OutboxEntry> now = m_outbox->find(id);
    if (storeError.isError()) {
        // The store could not record a step: wait instead of spinning on it. An entry left
        // `sending` this way becomes interrupted at the next start, never sent twice.
        qWarning("outbox: %s", qPrintable(storeError.message));
        if (now) {
            now->lastError = storeError.message;
            Q_EMIT entryChanged(*now);
        }
        m_timer.start(int(retryDelayMs(1)));
        return;
    }
    if (now)
        Q_EMIT entryChanged(*now);
    schedule();
}

} // namespace Tidings
