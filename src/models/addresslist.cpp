// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/addresslist.h"

#include <KMime/Types>
#include <QCoreApplication>

namespace Tidings {

namespace {
// Splits at commas that are outside "quoted names" and <angle brackets>.
QStringList splitEntries(const QString &text)
{
    QStringList entries;
    QString current;
    bool quoted = false;
    int angle = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && quoted && i + 1 < text.size()) {
            current += c;
            current += text.at(++i);
            continue;
        }
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && c == QLatin1Char('<'))
            ++angle;
        else if (!quoted && c == QLatin1Char('>') && angle > 0)
            --angle;
        if ((c == QLatin1Char(',') || c == QLatin1Char(';')) && !quoted && angle == 0) {
            entries.append(current);
            current.clear();
            continue;
        }
        current += c;
    }
    entries.append(current);
    return entries;
}

} // namespace

QList<Address> parseAddressList(const QString &text, QString *error)
{
    QList<Address> result;
    for (const QString &entry : splitEntries(text)) {
        const QString trimmed = entry.trimmed();
        if (trimmed.isEmpty())
            continue;
        const QList<KMime::Types::Mailbox> parsed =
            KMime::Types::Mailbox::listFromUnicodeString(trimmed);
        if (parsed.size() != 1 || !parsed.constFirst().hasAddress() ||
            !isPlausibleEmail(QString::fromUtf8(parsed.constFirst().address()))) {
            if (error)
                *error = QCoreApplication::translate("Tidings::AddressList",
                                                     "“%1” is not an e-mail address")
                             .arg(trimmed);
            return {};
        }
        const KMime::Types::Mailbox &m = parsed.constFirst();
        result.append({m.name(), QString::fromUtf8(m.address())});
    }
    if (error)
        error->clear();
    return result;
}

QString formatAddress(const Address &address)
{
    KMime::Types::Mailbox m;
    m.setName(address.name);
    m.setAddress(address.email.toUtf8());
    return m.prettyAddress(KMime::Types::Mailbox::QuoteWhenNecessary);
}

QString formatAddressList(const QList<Address> &addresses)
{
    QStringList parts;
    for (const Address &a : addresses)
        parts.append(formatAddress(a));
    return parts.join(QStringLiteral(", "));
}

} // namespace Tidings
