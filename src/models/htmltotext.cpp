// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/htmltotext.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

namespace Tidings {

namespace {
QString decodeEntities(const QString &text)
{
    static const QRegularExpression entity(
        QStringLiteral("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);"));
    static const QHash<QString, QString> named = {
        {QStringLiteral("amp"), QStringLiteral("&")},
        {QStringLiteral("lt"), QStringLiteral("<")},
        {QStringLiteral("gt"), QStringLiteral(">")},
        {QStringLiteral("quot"), QStringLiteral("\"")},
        {QStringLiteral("apos"), QStringLiteral("'")},
        {QStringLiteral("nbsp"), QStringLiteral(" ")},
        {QStringLiteral("copy"), QStringLiteral("©")},
        {QStringLiteral("hellip"), QStringLiteral("…")},
        {QStringLiteral("ndash"), QStringLiteral("–")},
        {QStringLiteral("mdash"), QStringLiteral("—")},
        {QStringLiteral("euro"), QStringLiteral("€")},
    };
    QString out;
    qsizetype done = 0;
    for (auto it = entity.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(1);
        QString replacement = m.captured();
        if (name.startsWith(QLatin1Char('#'))) {
            bool ok = false;
            const bool hex = name.size() > 1 &&
                             (name.at(1) == QLatin1Char('x') || name.at(1) == QLatin1Char('X'));
            const uint code = hex ? name.mid(2).toUInt(&ok, 16) : name.mid(1).toUInt(&ok, 10);
            if (ok && code > 0 && code <= 0x10FFFF) {
                const char32_t character = code;
                replacement = QString::fromUcs4(&character, 1);
            }
        } else if (const auto found = named.constFind(name); found != named.cend()) {
            replacement = *found;
        }
        out += QStringView(text).mid(done, m.capturedStart() - done);
        out += replacement;
        done = m.capturedEnd();
    }
    out += QStringView(text).mid(done);
    return out;
}
} // namespace

QString htmlToText(const QString &html)
{
    static const QRegularExpression hidden(
        QStringLiteral(R"(<!--.*?-->|<(head|style|script|title)\b.*?</\1\s*>)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression space(QStringLiteral(R"(\s+)"));
    static const QRegularExpression lineBreak(QStringLiteral(R"(<br\b[^>]*>)"),
                                              QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression listItem(QStringLiteral(R"(<li\b[^>]*>)"),
                                             QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression block(
        QStringLiteral(R"(</?(p|div|tr|table|ul|ol|li|h[1-6]|blockquote|pre|hr)\b[^>]*>)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tag(QStringLiteral(R"(<[^>]*>)"));

    QString text = html;
    text.remove(hidden);
    text.replace(space, QStringLiteral(" "));
    text.replace(lineBreak, QStringLiteral("\n"));
    text.replace(listItem, QStringLiteral("\n* "));
    text.replace(block, QStringLiteral("\n"));
    text.remove(tag);
    text = decodeEntities(text);

    QStringList lines;
    bool lastEmpty = true; // no empty lines at the start
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() && lastEmpty)
            continue;
        lines.append(trimmed);
        lastEmpty = trimmed.isEmpty();
    }
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines.join(QLatin1Char('\n'));
}

} // namespace Tidings
