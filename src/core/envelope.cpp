// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/envelope.h"

namespace Tidings {

bool isPlausibleEmail(const QString &email)
{
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    return at > 0 && at == email.lastIndexOf(QLatin1Char('@')) && at < email.size() - 1 &&
           !email.contains(QLatin1Char(' ')) && !email.contains(QLatin1Char('<')) &&
           !email.contains(QLatin1Char('>')) && !email.contains(QLatin1Char(','));
}

MessageFlags flagsFromImap(const QByteArrayList &flags)
{
    MessageFlags result;
    for (const QByteArray &raw : flags) {
        const QByteArray f = raw.toLower();
        if (f == "\\seen")
            result |= MessageFlag::Seen;
        else if (f == "\\flagged")
            result |= MessageFlag::Flagged;
        else if (f == "\\answered")
            result |= MessageFlag::Answered;
        else if (f == "\\deleted")
            result |= MessageFlag::Deleted;
        else if (f == "\\draft")
            result |= MessageFlag::Draft;
    }
    return result;
}

QByteArray idsAsText(const QByteArray &ids)
{
    for (char c : ids) {
        if (uchar(c) >= 0x80)
            return QString::fromLatin1(ids).toUtf8();
    }
    return ids;
}

} // namespace Tidings
