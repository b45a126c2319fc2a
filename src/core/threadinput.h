// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayList>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <limits>

namespace Tidings {

// What threading needs of a mailbox, without a string per message: Message-IDs as 64-bit
// hashes (threadKey()), references flattened into one list. For 100k messages this is a
// few MB where the envelopes are hundreds.
struct ThreadInput
{
    struct Message
    {
        qint64 uid = 0;
        qint64 when = 0;  // see threadTime()
        quint64 id = 0;   // 0: no Message-ID
        int firstRef = 0; // into refs: References in order, then In-Reply-To if not last
        int refCount = 0;
    };
    QList<Message> messages;
    QList<quint64> refs;

    void append(qint64 uid, qint64 when, const QByteArray &messageId,
                const QByteArrayList &references, const QByteArray &inReplyTo);
    // The same with References as one space-separated string (as the cache keeps them),
    // without splitting it into strings.
    void append(qint64 uid, qint64 when, QByteArrayView messageId, QByteArrayView references,
                QByteArrayView inReplyTo);
    // Message `index` of `other`, as it is there.
    void append(const ThreadInput &other, int index);
};

// A Message-ID's key; never 0. Two different IDs share one with a chance of about 1e-9 in a
// mailbox of 100k messages.
quint64 threadKey(QByteArrayView messageId);
// Milliseconds since the epoch; an invalid date sorts before every valid one.
qint64 threadTime(const QDateTime &date);

// A message without a valid date, in threadTime() terms.
constexpr qint64 NoThreadTime = std::numeric_limits<qint64>::min();

// threadTime() of a date as the cache keeps it (seconds; 0 for none).
inline qint64 threadTimeOfCached(qint64 dateSecs)
{
    return dateSecs != 0 ? dateSecs * 1000 : NoThreadTime;
}

} // namespace Tidings
