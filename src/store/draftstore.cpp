// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/draftstore.h"
#include "store/database.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTimeZone>
#include <QVariant>

namespace Tidings {

// Found by argument-dependent lookup from QList's stream operators, so not in the
// anonymous namespace.
static QDataStream &operator<<(QDataStream &out, const Address &a)
{
    return out << a.name << a.email;
}

static QDataStream &operator>>(QDataStream &in, Address &a)
{
    return in >> a.name >> a.email;
}

static QDataStream &operator<<(QDataStream &out, const DraftAttachment &a)
{
    return out << a.fileName << a.mimeType << a.data;
}

static QDataStream &operator>>(QDataStream &in, DraftAttachment &a)
{
    return in >> a.fileName >> a.mimeType >> a.data;
}

namespace {
struct DraftText
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::DraftStore)
};

// The blob starts with this number; a newer Tidings that adds a field writes a new number
// and still reads the old ones.
constexpr quint32 ContentFormat = 1;
// Fixed so a draft written by a newer Qt reads back with an older one.
constexpr QDataStream::Version StreamVersion = QDataStream::Qt_6_8;

Error queryError(const QSqlQuery &q, const char *what)
{
    return sqlError(QString::fromLatin1(what), q.lastError().text());
}

QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QByteArray encode(const Draft &d)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(StreamVersion);
    out << ContentFormat << d.identity << d.messageId << d.to << d.cc << d.bcc << d.subject
        << d.plainBody << d.htmlBody << d.attachments << d.inReplyTo << d.references
        << d.answers.account << d.answers.mailbox << d.answers.uid;
    return bytes;
}

std::optional<Draft> decode(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(StreamVersion);
    quint32 format = 0;
    in >> format;
    if (format != ContentFormat)
        return std::nullopt;
    Draft d;
    in >> d.identity >> d.messageId >> d.to >> d.cc >> d.bcc >> d.subject >> d.plainBody >>
        d.htmlBody >> d.attachments >> d.inReplyTo >> d.references >> d.answers.account >>
        d.answers.mailbox >> d.answers.uid;
    if (in.status() != QDataStream::Ok)
        return std::nullopt;
    return d;
}

QString recipientsText(const Draft &d)
{
    QStringList names;
    for (const Address &a : d.recipients())
        names.append(a.displayName());
    return names.join(QStringLiteral(", "));
}
} // namespace

DraftStore::DraftStore(Database &db)
    : m_db(db)
{
}

Error DraftStore::save(Draft &draft)
{
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    QSqlQuery q(m_db.handle());
    if (draft.id == 0) {
        q.prepare(QStringLiteral("INSERT INTO draft (identity, subject, recipients, content, "
                                 "updated) VALUES (?, ?, ?, ?, ?)"));
    } else {
        q.prepare(QStringLiteral("UPDATE draft SET identity = ?, subject = ?, recipients = ?, "
                                 "content = ?, updated = ? WHERE id = ?"));
    }
    q.addBindValue(text(draft.identity));
    q.addBindValue(text(draft.subject));
    q.addBindValue(text(recipientsText(draft)));
    q.addBindValue(encode(draft));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (draft.id != 0)
        q.addBindValue(draft.id);
    if (!q.exec())
        return queryError(q, "save draft");
    if (draft.id != 0 && q.numRowsAffected() != 1)
        return {ErrorKind::BadInput, DraftText::tr("draft %1 no longer exists").arg(draft.id)};
    const qint64 id = draft.id != 0 ? draft.id : q.lastInsertId().toLongLong();
    if (Error e = t.commit(); e.isError())
        return e;
    draft.id = id;
    return {};
}

std::optional<Draft> DraftStore::load(qint64 id, Error *error) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT content FROM draft WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        if (error)
            *error = queryError(q, "load draft");
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    std::optional<Draft> d = decode(q.value(0).toByteArray());
    if (!d) {
        if (error)
            *error = sqlError(QStringLiteral("load draft"),
                              DraftText::tr("draft %1 is unreadable (written by a newer "
                                            "Tidings?)")
                                  .arg(id));
        return std::nullopt;
    }
    d->id = id;
    return d;
}

QList<DraftSummary> DraftStore::list(Error *error) const
{
    QList<DraftSummary> out;
    QSqlQuery q(m_db.handle());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, identity, subject, recipients, updated, "
                               "server_account, server_mailbox, server_uid FROM draft "
                               "ORDER BY updated DESC, id DESC"))) {
        if (error)
            *error = queryError(q, "list drafts");
        return out;
    }
    while (q.next()) {
        DraftSummary s;
        s.id = q.value(0).toLongLong();
        s.identity = q.value(1).toString();
        s.subject = q.value(2).toString();
        s.recipients = q.value(3).toString();
        s.updated = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), QTimeZone::UTC);
        s.serverCopy = {q.value(5).toString(), q.value(6).toString(), q.value(7).toLongLong()};
        out.append(s);
    }
    return out;
}

Error DraftStore::remove(qint64 id)
{
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("DELETE FROM draft WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return queryError(q, "remove draft");
    return t.commit();
}

Error DraftStore::setServerCopy(qint64 id, const DraftServerCopy &copy)
{
    Transaction t(m_db);
    if (!t.isActive())
        return t.error();
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("UPDATE draft SET server_account = ?, server_mailbox = ?, "
                             "server_uid = ? WHERE id = ?"));
    q.addBindValue(text(copy.account));
    q.addBindValue(text(copy.mailbox));
    q.addBindValue(copy.uid);
    q.addBindValue(id);
    if (!q.exec())
        return queryError(q, "record draft's server copy");
    return t.commit();
}

DraftServerCopy DraftStore::serverCopy(qint64 id, Error *error) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT server_account, server_mailbox, server_uid FROM draft "
                             "WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        if (error)
            *error = queryError(q, "read draft's server copy");
        return {};
    }
    if (!q.next())
        return {};
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
}

} // namespace Tidings
