// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/attachmentreminder.h"

#include <QRegularExpression>
#include <QStringList>

namespace Tidings {

bool mentionsAttachment(const QString &plainBody)
{
    // Word stems in the languages our users write most; matched at a word start so
    // "attachment", "attaching" and "Anhänge" count while "unattached" does not.
    static const QRegularExpression mention(
        QStringLiteral("\\b(attach|enclos|anbei|anhang|anhäng|beigefügt|ci-joint|pièce jointe|"
                       "pièces jointes|adjunt|allegat|bijlage|załącz)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    const QStringList lines = plainBody.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        // RFC 3676 4.3: the signature starts at "-- ".
        if (line == QLatin1String("-- ") || line == QLatin1String("--"))
            break;
        if (line.trimmed().startsWith(QLatin1Char('>')))
            continue;
        if (mention.match(line).hasMatch())
            return true;
    }
    return false;
}

} // namespace Tidings
