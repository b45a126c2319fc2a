// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"

#include <QAbstractTableModel>

namespace Tidings {

// The messages of the selected mailbox, one row each, newest first. Rows are painted by the
// view on demand: no widget per message.
class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        FlagColumn,
        SubjectColumn,
        FromColumn,
        DateColumn,
        ColumnCount
    };
    enum Role
    {
        UidRole = Qt::UserRole + 1,
        UnreadRole,
        FlaggedRole,
        FromAddressRole
    };

    explicit MessageListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void clear();
    void append(const QList<Envelope> &envelopes);
    void setEnvelopes(const QList<Envelope> &envelopes);
    const Envelope &envelopeAt(int row) const { return m_rows.at(row); }

private:
    QList<Envelope> m_rows;
};

} // namespace Tidings
