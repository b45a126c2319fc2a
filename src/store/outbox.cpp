// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/outbox.h"
#include "store/database.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

namespace Tidings {

namespace {
const QString Columns = QStringLiteral(
    "id, account, identity, draft_id, message_id, subject, envelope_from, recipients, mime, "
    "sent_mailbox, answered_account, answered_mailbox, answered_uid, state, attempts, "
    "retry_at, last_error, created, owner_pid");

Error queryError(const QSqlQuery &q, const char *what)
{
    return sqlError(QString::fromLatin1(what), q.lastError().text());
}

// SQLite stores a null QString as NULL, which the NOT NULL text columns refuse.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

qint64 seconds(const QDateTime &t)
{
    return t.isValid() ? t.toSecsSinceEpoch() : 0;
}

QDateTime fromSeconds(qint64 s)
{
    return s > 0 ? QDateTime::fromSecsSinceEpoch(s, QTimeZone::UTC) : QDateTime();
}

QString stateList(const QList<OutboxState> &states)
{
    QStringList numbers;
    for (OutboxState s : states)
        numbers.append(QString::number(int(s)));
    return numbers.join(QLatin1Char(','));
}
} // namespace

bool processIsAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
#ifdef Q_OS_UNIX
    // Signal 0 checks existence only; EPERM means it exists under another user.
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#else
    return false;
#endif
}

Outbox::Outbox(Database &db)
    : m_db(db)
{
}

Error Outbox::enqueue(OutboxEntry &entry)
{
    if (!entry.created.isValid())
        entry.created = QDateTime::currentDateTimeUtc();
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("INSERT INTO outbox (account, identity, draft_id, message_id, "
                             "subject, envelope_from, recipients, mime, sent_mailbox, "
                             "answered_account, answered_mailbox, answered_uid, state, "
                             "retry_at, created, owner_pid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                             "?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(entry.account), QVariant(entry.identity), QVariant(entry.draftId),
          QVariant(QString::fromLatin1(entry.messageId)), QVariant(text(entry.subject)),
          QVariant(entry.envelopeFrom), QVariant(entry.recipients.join(QLatin1Char('\n'))),
          QVariant(entry.mime), QVariant(text(entry.sentMailbox)),
          QVariant(text(entry.answers.account)), QVariant(text(entry.answers.mailbox)),
          QVariant(entry.answers.uid), QVariant(int(OutboxState::Queued)),
          QVariant(seconds(entry.retryAt)), QVariant(seconds(entry.created)),
          QVariant(entry.ownerPid)})
        q.addBindValue(v);
    if (!q.exec())
        return queryError(q, "insert outbox");
    entry.id = q.lastInsertId().toLongLong();
    entry.state = OutboxState::Queued;
    return t.commit();
}

QList<OutboxEntry> Outbox::select(const QString &where, const QVariantList &values) const
{
    QList<OutboxEntry> result;
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT %1 FROM outbox %2 ORDER BY id").arg(Columns, where));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        qWarning("outbox: %s", qPrintable(q.lastError().text()));
        return result;
    }
    while (q.next()) {
        OutboxEntry e;
        e.id = q.value(0).toLongLong();
        e.account = q.value(1).toString();
        e.identity = q.value(2).toString();
        e.draftId = q.value(3).toLongLong();
        e.messageId = q.value(4).toString().toLatin1();
        e.subject = q.value(5).toString();
        e.envelopeFrom = q.value(6).toString();
        e.recipients = q.value(7).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        e.mime = q.value(8).toByteArray();
        e.sentMailbox = q.value(9).toString();
        e.answers = {q.value(10).toString(), q.value(11).toString(), q.value(12).toLongLong()};
        e.state = OutboxState(q.value(13).toInt());
        e.attempts = q.value(14).toInt();
        e.retryAt = fromSeconds(q.value(15).toLongLong());
        e.lastError = q.value(16).toString();
        e.created = fromSeconds(q.value(17).toLongLong());
        e.ownerPid = q.value(18).toLongLong();
        result.append(e);
    }
    return result;
}

QList<OutboxEntry> Outbox::entries() const
{
    return select({}, {});
}

std::optional<OutboxEntry> Outbox::find(qint64 id) const
{
    const QList<OutboxEntry> found = select(QStringLiteral("WHERE id = ?"), {id});
    if (found.isEmpty())
        return std::nullopt;
    return found.constFirst();
}

QList<OutboxEntry> Outbox::due(const QDateTime &now) const
{
    return select(
        QStringLiteral("WHERE state IN (%1) AND retry_at <= ?")
            .arg(stateList({OutboxState::Queued, OutboxState::Accepted, OutboxState::Saved})),
        {now.toSecsSinceEpoch()});
}

QDateTime Outbox::nextRetry() const
{
    QSqlQuery q(m_db.handle());
    q.prepare(
        QStringLiteral("SELECT MIN(retry_at) FROM outbox WHERE state IN (%1)")
            .arg(stateList({OutboxState::Queued, OutboxState::Accepted, OutboxState::Saved})));
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return {};
    const qint64 at = q.value(0).toLongLong();
    return at > 0 ? fromSeconds(at) : QDateTime::currentDateTimeUtc();
}

Error Outbox::transition(qint64 id, const QList<OutboxState> &from, OutboxState to,
                         const QString &sqlSet, const QVariantList &values, const char *what)
{
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    QSqlQuery q(m_db.handle());
    q.prepare(
        QStringLiteral("UPDATE outbox SET state = ?%1 WHERE id = ? AND state IN (%2)")
            .arg(sqlSet.isEmpty() ? QString() : QStringLiteral(", ") + sqlSet, stateList(from)));
    q.addBindValue(int(to));
    for (const QVariant &v : values)
        q.addBindValue(v);
    q.addBindValue(id);
    if (!q.exec())
        return queryError(q, what);
    if (q.numRowsAffected() != 1) {
        const std::optional<OutboxEntry> now = find(id);
        return {ErrorKind::BadInput,
                QCoreApplication::translate("Tidings::Outbox", "outbox message %1 is %2")
                    .arg(id)
                    .arg(now ? outboxStateName(now->state)
                             : QCoreApplication::translate("Tidings::Outbox", "gone"))};
    }
    return t.commit();
}

bool Outbox::claim(qint64 id, qint64 ownerPid, Error *error)
{
    // One UPDATE guarded by the state: of two processes racing for the entry (the GUI and
    // `tidings send`), SQLite lets exactly one change the row.
    Transaction t(m_db);
    if (!t.isActive()) {
        if (error)
            *error = t.error();
        return false;
    }
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("UPDATE outbox SET state = ?, owner_pid = ?, attempts = attempts + 1 "
                             "WHERE id = ? AND state = ?"));
    for (const QVariant &v : {QVariant(int(OutboxState::Sending)), QVariant(ownerPid), QVariant(id),
                              QVariant(int(OutboxState::Queued))})
        q.addBindValue(v);
    if (!q.exec()) {
        if (error)
            *error = queryError(q, "claim outbox");
        return false;
    }
    if (q.numRowsAffected() != 1)
        return false; // taken by someone else, or no longer queued: not an error
    const Error e = t.commit();
    if (error)
        *error = e;
    return !e.isError();
}

Error Outbox::markAccepted(qint64 id)
{
    return transition(id, {OutboxState::Sending}, OutboxState::Accepted,
                      QStringLiteral("attempts = 0, retry_at = 0, last_error = ''"), {},
                      "accept outbox");
}

Error Outbox::markTransient(qint64 id, const QString &cause, const QDateTime &retryAt)
{
    return transition(id, {OutboxState::Sending}, OutboxState::Queued,
                      QStringLiteral("retry_at = ?, last_error = ?"),
                      {seconds(retryAt), text(cause)}, "retry outbox");
}

Error Outbox::markFailed(qint64 id, const QString &cause)
{
    return transition(id, {OutboxState::Sending}, OutboxState::Failed,
                      QStringLiteral("last_error = ?"), {text(cause)}, "fail outbox");
}

Error Outbox::markInterrupted(qint64 id, const QString &cause)
{
    return transition(id, {OutboxState::Sending}, OutboxState::Interrupted,
                      QStringLiteral("last_error = ?"), {text(cause)}, "interrupt outbox");
}

Error Outbox::markSaved(qint64 id)
{
    return transition(id, {OutboxState::Accepted}, OutboxState::Saved,
                      QStringLiteral("attempts = 0, retry_at = 0, last_error = ''"), {},
                      "save outbox");
}

Error Outbox::markSaveFailed(qint64 id, const QString &cause, const QDateTime &retryAt)
{
    return transition(id, {OutboxState::Accepted}, OutboxState::Accepted,
                      QStringLiteral("attempts = attempts + 1, retry_at = ?, last_error = ?"),
                      {seconds(retryAt), text(cause)}, "outbox copy failed");
}

Error Outbox::markDone(qint64 id, const QString &note)
{
    // A finished message keeps its line (subject, recipients, when) but not its bytes: the
    // copy in Sent has them, and the table would otherwise grow by every attachment sent.
    return transition(id, {OutboxState::Saved}, OutboxState::Done,
                      QStringLiteral("last_error = ?, mime = X''"), {text(note)}, "finish outbox");
}

int Outbox::recoverInterrupted(Error *error)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT id, owner_pid FROM outbox WHERE state = ?"));
    q.addBindValue(int(OutboxState::Sending));
    if (!q.exec()) {
        if (error)
            *error = queryError(q, "select sending");
        return 0;
    }
    QList<qint64> abandoned;
    while (q.next()) {
        if (!processIsAlive(q.value(1).toLongLong()))
            abandoned.append(q.value(0).toLongLong());
    }
    const QString cause = QCoreApplication::translate(
        "Tidings::Outbox", "Tidings stopped while this message was being sent: it may or may not "
                           "have gone out. It will not be sent again unless you choose to.");
    int count = 0;
    for (qint64 id : std::as_const(abandoned)) {
        if (Error e = markInterrupted(id, cause); e.isError()) {
            if (error)
                *error = e;
            return count;
        }
        ++count;
    }
    return count;
}

Error Outbox::requeue(qint64 id)
{
    return transition(id, {OutboxState::Failed, OutboxState::Interrupted, OutboxState::Queued},
                      OutboxState::Queued, QStringLiteral("retry_at = 0, last_error = ''"), {},
                      "requeue outbox");
}

Error Outbox::replace(const OutboxEntry &entry)
{
    return transition(entry.id,
                      {OutboxState::Failed, OutboxState::Interrupted, OutboxState::Queued},
                      OutboxState::Queued,
                      QStringLiteral("identity = ?, message_id = ?, subject = ?, "
                                     "envelope_from = ?, recipients = ?, mime = ?, "
                                     "sent_mailbox = ?, retry_at = 0, attempts = 0, "
                                     "last_error = ''"),
                      {entry.identity, QString::fromLatin1(entry.messageId), text(entry.subject),
                       entry.envelopeFrom, entry.recipients.join(QLatin1Char('\n')), entry.mime,
                       text(entry.sentMailbox)},
                      "replace outbox");
}

Error Outbox::remove(qint64 id)
{
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ? AND state IN (%1)")
                  .arg(stateList({OutboxState::Queued, OutboxState::Failed,
                                  OutboxState::Interrupted, OutboxState::Done})));
    q.addBindValue(id);
    if (!q.exec())
        return queryError(q, "delete outbox");
    if (q.numRowsAffected() != 1)
        return {ErrorKind::BadInput,
                QCoreApplication::translate("Tidings::Outbox",
                                            "outbox message %1 is being sent and cannot be "
                                            "discarded")
                    .arg(id)};
    return t.commit();
}

} // namespace Tidings
