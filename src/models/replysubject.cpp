// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/replysubject.h"

#include <QList>
#include <QRegularExpression>

namespace Tidings {

namespace {
enum class Prefix
{
    Reply,
    Forward
};

// A list tag longer than this is taken for the topic itself ("[URGENT: read this first]").
constexpr qsizetype MaxListTagLength = 40;

struct ParsedSubject
{
    QString listTag; // the first "[list]" in front of the topic, brackets included
    QList<Prefix> prefixes;
    QString topic;
};

// What mail clients put in front of a subject: English and the common European ones
// (Outlook's localised "AW:", "SV:", "WG:", "Antw:", "Odp:", "Enc:"), with the counts some
// of them add ("Re[2]:", "Re^2:").
const QRegularExpression &prefixPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(re|aw|sv|antw|vs|odp|res|fwd|fw|wg|tr|rv|enc)(\[\d+\]|\^\d+)?\s*:\s*)"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

Prefix kindOf(const QString &word)
{
    static const QStringList forwards = {QStringLiteral("fwd"), QStringLiteral("fw"),
                                         QStringLiteral("wg"),  QStringLiteral("tr"),
                                         QStringLiteral("rv"),  QStringLiteral("enc")};
    return forwards.contains(word.toLower()) ? Prefix::Forward : Prefix::Reply;
}

ParsedSubject parse(const QString &subject)
{
    ParsedSubject parsed;
    QString rest = subject.simplified();
    while (!rest.isEmpty()) {
        if (rest.startsWith(QLatin1Char('['))) {
            const qsizetype close = rest.indexOf(QLatin1Char(']'));
            if (close < 0 || close > MaxListTagLength || close + 1 >= rest.size())
                break;
            if (parsed.listTag.isEmpty())
                parsed.listTag = rest.left(close + 1);
            rest = rest.mid(close + 1).trimmed();
            continue;
        }
        const QRegularExpressionMatch m = prefixPattern().match(rest);
        if (!m.hasMatch())
            break;
        const Prefix kind = kindOf(m.captured(1));
        if (parsed.prefixes.isEmpty() || parsed.prefixes.constLast() != kind)
            parsed.prefixes.append(kind);
        rest = rest.mid(m.capturedLength());
    }
    parsed.topic = rest;
    return parsed;
}

QString compose(Prefix own, const ParsedSubject &parsed)
{
    QList<Prefix> prefixes = parsed.prefixes;
    while (!prefixes.isEmpty() && prefixes.constFirst() == own)
        prefixes.removeFirst();
    prefixes.prepend(own);
    QStringList parts;
    for (qsizetype i = 0; i < prefixes.size(); ++i) {
        parts.append(prefixes.at(i) == Prefix::Reply ? QStringLiteral("Re:")
                                                     : QStringLiteral("Fwd:"));
        if (i == 0 && !parsed.listTag.isEmpty())
            parts.append(parsed.listTag);
    }
    if (!parsed.topic.isEmpty())
        parts.append(parsed.topic);
    return parts.join(QLatin1Char(' '));
}
} // namespace

QString replySubject(const QString &subject)
{
    return compose(Prefix::Reply, parse(subject));
}

QString forwardSubject(const QString &subject)
{
    return compose(Prefix::Forward, parse(subject));
}

} // namespace Tidings
