// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/threadinput.h"

#include <QHash>

namespace Tidings {

quint64 threadKey(QByteArrayView messageId)
{
    const quint64 key = qHash(messageId, size_t(0));
    return key == 0 ? 1 : key;
}

qint64 threadTime(const QDateTime &date)
{
    return date.isValid() ? date.toMSecsSinceEpoch() : NoThreadTime;
}

void ThreadInput::append(qint64 uid, qint64 when, const QByteArray &messageId,
                         const QByteArrayList &references, const QByteArray &inReplyTo)
{
    Message m;
    m.uid = uid;
    m.when = when;
    m.id = messageId.isEmpty() ? 0 : threadKey(messageId);
    m.firstRef = int(refs.size());
    for (const QByteArray &r : references) {
        if (!r.isEmpty())
            refs.append(threadKey(r));
    }
    if (!inReplyTo.isEmpty() && (references.isEmpty() || references.constLast() != inReplyTo))
        refs.append(threadKey(inReplyTo));
    m.refCount = int(refs.size()) - m.firstRef;
    messages.append(m);
}

void ThreadInput::append(qint64 uid, qint64 when, QByteArrayView messageId,
                         QByteArrayView references, QByteArrayView inReplyTo)
{
    Message m;
    m.uid = uid;
    m.when = when;
    m.id = messageId.isEmpty() ? 0 : threadKey(messageId);
    m.firstRef = int(refs.size());
    QByteArrayView last;
    for (qsizetype at = 0; at < references.size();) {
        qsizetype end = references.indexOf(' ', at);
        if (end < 0)
            end = references.size();
        const QByteArrayView ref = references.sliced(at, end - at);
        if (!ref.isEmpty())
            refs.append(threadKey(ref));
        last = ref;
        at = end + 1;
    }
    if (!inReplyTo.isEmpty() && (references.isEmpty() || last != inReplyTo))
        refs.append(threadKey(inReplyTo));
    m.refCount = int(refs.size()) - m.firstRef;
    messages.append(m);
}

void ThreadInput::append(const ThreadInput &other, int index)
{
    Message m = other.messages.at(index);
    const int from = m.firstRef;
    m.firstRef = int(refs.size());
    for (int r = from; r < from + m.refCount; ++r)
        refs.append(other.refs.at(r));
    messages.append(m);
}

} // namespace Tidings
