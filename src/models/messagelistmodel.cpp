// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/messagelistmodel.h"

#include <QFont>
#include <QLocale>

namespace Tidings {

namespace {
bool newerFirst(const Envelope &a, const Envelope &b)
{
    if (a.date != b.date)
        return a.date > b.date;
    return a.uid > b.uid;
}

QString shortDate(const QDateTime &date)
{
    if (!date.isValid())
        return {};
    // Like other mail clients: the time for today, day and month this year, else the date.
    const QDateTime local = date.toLocalTime();
    const QLocale locale;
    const QDate today = QDate::currentDate();
    // Some locales' short time format (C among them) carries seconds; a list needs none.
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(QLatin1String(":ss"));
    if (local.date() == today)
        return locale.toString(local.time(), timeFormat);
    if (local.date().year() == today.year())
        return locale.toString(local, QStringLiteral("d MMM, ") + timeFormat);
    return locale.toString(local.date(), QLocale::ShortFormat);
}
} // namespace

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Envelope &e = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FlagColumn:
            return e.isFlagged() ? QStringLiteral("\u2691") : QString();
        case SubjectColumn:
            return e.subject.isEmpty() ? tr("(no subject)") : e.subject;
        case FromColumn:
            return e.from.displayName();
        case DateColumn:
            return shortDate(e.date);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == FromColumn)
            return e.from.email;
        if (index.column() == DateColumn)
            return QLocale().toString(e.date.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::FontRole:
        if (e.isUnread()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1, %2, %3%4")
            .arg(e.from.displayName(), e.subject, shortDate(e.date),
                 e.isUnread() ? tr(", unread") : QString());
    case UidRole:
        return e.uid;
    case UnreadRole:
        return e.isUnread();
    case FlaggedRole:
        return e.isFlagged();
    case FromAddressRole:
        return e.from.email;
    }
    return {};
}

QVariant MessageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FlagColumn:
        return QStringLiteral("\u2691");
    case SubjectColumn:
        return tr("Subject");
    case FromColumn:
        return tr("From");
    case DateColumn:
        return tr("Date");
    }
    return {};
}

void MessageListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void MessageListModel::setEnvelopes(const QList<Envelope> &envelopes)
{
    beginResetModel();
    m_rows = envelopes;
    std::stable_sort(m_rows.begin(), m_rows.end(), newerFirst);
    endResetModel();
}

void MessageListModel::append(const QList<Envelope> &envelopes)
{
    if (envelopes.isEmpty())
        return;
    // Batches arrive while the user looks at the list: merge them in sorted position
    // with one reset per batch (the sync milestone replaces this with a store-backed model).
    beginResetModel();
    m_rows.append(envelopes);
    std::stable_sort(m_rows.begin(), m_rows.end(), newerFirst);
    endResetModel();
}

} // namespace Tidings
