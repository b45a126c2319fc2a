// SPDX-License-Identifier: GPL-3.0-or-later
// MessageListModel: messages dragged out of the list (onto a mailbox of the tree).
#include "models/messagelistmodel.h"

#include <QMimeData>

namespace Tidings {

QStringList MessageListModel::mimeTypes() const
{
    return {mimeType()};
}

MessageKey MessageListModel::keyOf(const QModelIndex &index)
{
    return {index.data(MailboxIdRole).toLongLong(), index.data(UidRole).toLongLong()};
}

QMimeData *MessageListModel::mimeData(const QModelIndexList &indexes) const
{
    QList<MessageKey> keys;
    for (const QModelIndex &i : indexes) {
        const MessageKey key = keyOf(i);
        if (!keys.contains(key))
            keys.append(key);
    }
    QByteArray encoded;
    for (const MessageKey &key : std::as_const(keys))
        encoded += QByteArray::number(key.mailboxId) + ' ' + QByteArray::number(key.uid) + '\n';
    auto *data = new QMimeData;
    data->setData(mimeType(), encoded);
    return data;
}

QList<MessageKey> MessageListModel::keysFromMimeData(const QMimeData *data)
{
    QList<MessageKey> keys;
    if (!data)
        return keys;
    for (const QByteArray &line : data->data(mimeType()).split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() != 2)
            continue;
        const MessageKey key{fields[0].toLongLong(), fields[1].toLongLong()};
        if (key.isValid())
            keys.append(key);
    }
    return keys;
}

Qt::DropActions MessageListModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

} // namespace Tidings
