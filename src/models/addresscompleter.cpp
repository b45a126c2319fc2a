// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/addresscompleter.h"
#include "store/database.h"

#include <KMime/Types>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Tidings {

namespace {
// LIKE's own wildcards in what the user typed match themselves.
QString escapedForLike(const QString &typed)
{
    QString out;
    for (QChar c : typed) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

// Bare columns of an aggregate row come from the row that has the MAX (SQLite "bare
// columns in an aggregate query"): the most recent row with a name, else the most recent.
// A name is worth more than any date (seconds since 1970 stay below 1e10 until 2286).
const QString Query = QStringLiteral(
    "WITH candidate (email, name, weight, seen) AS ("
    " SELECT email, name, count * :sentWeight, last_used FROM sent_recipient"
    "  WHERE email LIKE :prefix1 ESCAPE '\\' OR ' ' || name LIKE :word1 ESCAPE '\\'"
    " UNION ALL"
    " SELECT from_email, from_name, 1, date FROM message"
    "  WHERE from_email LIKE :prefix2 ESCAPE '\\' OR ' ' || from_name LIKE :word2 ESCAPE '\\')"
    " SELECT email, name, SUM(weight) AS score, MAX((name <> '') * 10000000000 + seen) AS best"
    " FROM candidate WHERE email <> '' GROUP BY email COLLATE NOCASE"
    " ORDER BY score DESC, best DESC LIMIT :limit");

QString formatted(const QString &name, const QString &email)
{
    if (name.isEmpty())
        return email;
    KMime::Types::Mailbox mailbox;
    mailbox.setName(name);
    mailbox.setAddress(email.toUtf8());
    return mailbox.prettyAddress(KMime::Types::Mailbox::QuoteWhenNecessary);
}
} // namespace

AddressCompleter::AddressCompleter(Database &db)
    : m_db(db)
{
}

QStringList AddressCompleter::complete(const QString &typed, int limit, Error *error) const
{
    const QString text = typed.trimmed();
    if (text.size() < MinTypedLength || limit <= 0)
        return {};
    QSqlQuery q(m_db.handle());
    q.setForwardOnly(true);
    q.prepare(Query);
    q.bindValue(QStringLiteral(":sentWeight"), SentWeight);
    const QString prefix = escapedForLike(text) + QLatin1Char('%');
    const QString wordStart = QStringLiteral("% ") + prefix;
    // Each placeholder used once: Qt SQL drivers differ on a repeated named placeholder.
    q.bindValue(QStringLiteral(":prefix1"), prefix);
    q.bindValue(QStringLiteral(":word1"), wordStart);
    q.bindValue(QStringLiteral(":prefix2"), prefix);
    q.bindValue(QStringLiteral(":word2"), wordStart);
    q.bindValue(QStringLiteral(":limit"), limit);
    if (!q.exec()) {
        if (error)
            *error = sqlError(QStringLiteral("complete addresses"), q.lastError().text());
        return {};
    }
    QStringList out;
    while (q.next())
        out.append(formatted(q.value(1).toString(), q.value(0).toString()));
    return out;
}

} // namespace Tidings
