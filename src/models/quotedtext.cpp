// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/quotedtext.h"

#include <QStringList>

namespace Tidings {

namespace {
const QString SignatureSeparator = QStringLiteral("-- ");

QStringList linesOf(const QString &text)
{
    QString normal = text;
    normal.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normal.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return normal.split(QLatin1Char('\n'));
}

void dropTrailingEmpty(QStringList &lines)
{
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
}
} // namespace

QString withoutSignature(const QString &text)
{
    QStringList lines = linesOf(text);
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        if (lines.at(i) == SignatureSeparator) {
            lines.resize(i);
            break;
        }
    }
    dropTrailingEmpty(lines);
    return lines.join(QLatin1Char('\n'));
}

QString unflowed(const QString &text, bool delSp)
{
    QStringList out;
    bool continues = false;
    qsizetype previousDepth = 0;
    for (const QString &raw : linesOf(text)) {
        qsizetype depth = 0;
        while (depth < raw.size() && raw.at(depth) == QLatin1Char('>'))
            ++depth;
        QString content = raw.mid(depth);
        // Space-stuffing (RFC 3676 4.4) is undone before anything else.
        if (content.startsWith(QLatin1Char(' ')))
            content.remove(0, 1);
        const bool flowed = content.endsWith(QLatin1Char(' ')) && content != SignatureSeparator;
        if (flowed && delSp)
            content.chop(1);
        // A flowed line never joins a line of another quote depth (RFC 3676 4.5).
        if (continues && depth == previousDepth)
            out.last() += content;
        else
            out.append(depth == 0 ? content
                                  : QString(depth, QLatin1Char('>')) + QLatin1Char(' ') + content);
        continues = flowed;
        previousDepth = depth;
    }
    return out.join(QLatin1Char('\n'));
}

QString quoted(const QString &text)
{
    QStringList lines = linesOf(text);
    dropTrailingEmpty(lines);
    for (QString &line : lines) {
        if (line.isEmpty() || line.startsWith(QLatin1Char('>')))
            line.prepend(QLatin1Char('>'));
        else
            line.prepend(QStringLiteral("> "));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace Tidings
