// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/messagelistloader.h"
#include "store/database.h"
#include "store/messagecache.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <numeric>

namespace Tidings {

namespace {

// What a reload reuses of `previous`: every message still cached, with its current flags,
// plus the new ones read by UID. False when too much is new for lookups by UID to pay.
bool loadIncrementally(const MessageCache &cache, qint64 mailboxId, const ThreadInput &previous,
                       ThreadInput &input, MessageListModel::Loaded &l)
{
    QHash<qint64, MessageFlags> flags;
    flags.reserve(previous.messages.size());
    Error e =
        cache.forEachFlags(mailboxId, [&](qint64 uid, MessageFlags f) { flags.insert(uid, f); });
    if (e.isError()) {
        l.error = e.message;
        return true;
    }
    QSet<qint64> known;
    known.reserve(previous.messages.size());
    for (const ThreadInput::Message &m : previous.messages)
        known.insert(m.uid);
    QList<qint64> fresh;
    for (auto it = flags.cbegin(); it != flags.cend(); ++it) {
        if (!known.contains(it.key()))
            fresh.append(it.key());
    }
    if (fresh.size() * 100 > flags.size() * MessageListModel::IncrementalLoadMaxPercent)
        return false;
    ThreadInput added;
    e = cache.forEachThreadingRow(mailboxId, fresh,
                                  [&](qint64 uid, qint64 dateSecs, MessageFlags, QByteArrayView id,
                                      QByteArrayView inReplyTo, QByteArrayView refs) {
                                      added.append(uid, threadTimeOfCached(dateSecs), id, refs,
                                                   inReplyTo);
                                  });
    if (e.isError()) {
        l.error = e.message;
        return true;
    }
    // Both lists are in listing order already: merge them, dropping what is gone.
    input.messages.reserve(flags.size());
    input.refs.reserve(previous.refs.size() + added.refs.size());
    std::sort(added.messages.begin(), added.messages.end(), listedBefore);
    int a = 0;
    for (int p = 0; p <= previous.messages.size(); ++p) {
        const bool end = p == previous.messages.size();
        while (a < added.messages.size() &&
               (end || listedBefore(added.messages[a], previous.messages[p])))
            input.append(added, a++);
        if (!end && flags.contains(previous.messages[p].uid))
            input.append(previous, p);
    }
    for (const ThreadInput::Message &m : std::as_const(input.messages))
        l.messages.append({m.uid, m.when, flags.value(m.uid)});
    return true;
}

} // namespace

void countThreads(MessageListModel::Loaded &l)
{
    const qsizetype n = l.threads.nodes.size();
    l.newestInThread = QList<qint64>(n, NoThreadTime);
    l.unreadInThread = QList<int>(n, 0);
    l.sizeOfThread = QList<int>(n, 0);
    QList<int> stack;
    for (int root : std::as_const(l.threads.roots)) {
        stack = {root};
        while (!stack.isEmpty()) {
            const int node = stack.takeLast();
            const MessageListModel::Message &m = l.messages.at(node);
            l.newestInThread[root] = qMax(l.newestInThread[root], m.when);
            l.unreadInThread[root] += m.flags.testFlag(MessageFlag::Seen) ? 0 : 1;
            l.sizeOfThread[root] += 1;
            stack += l.threads.nodes.at(node).children;
        }
    }
}

void appendLoaded(MessageListModel::Loaded &into, MessageListModel::Loaded &&part, qint64 mailboxId)
{
    const int offset = int(into.messages.size());
    if (!part.error.isEmpty() && into.error.isEmpty())
        into.error = part.error;
    into.parts.append({mailboxId, offset, std::move(part.input)});
    if (offset == 0) {
        // The single-mailbox list: nothing to renumber.
        into.messages = std::move(part.messages);
        into.threads = std::move(part.threads);
        into.newestInThread = std::move(part.newestInThread);
        into.unreadInThread = std::move(part.unreadInThread);
        into.sizeOfThread = std::move(part.sizeOfThread);
        return;
    }
    into.messages.append(part.messages);
    for (ThreadNode node : std::as_const(part.threads.nodes)) {
        node.envelope += offset;
        if (node.parent >= 0)
            node.parent += offset;
        for (int &child : node.children)
            child += offset;
        into.threads.nodes.append(std::move(node));
    }
    for (int root : std::as_const(part.threads.roots))
        into.threads.roots.append(root + offset);
    into.newestInThread.append(part.newestInThread);
    into.unreadInThread.append(part.unreadInThread);
    into.sizeOfThread.append(part.sizeOfThread);
}

MessageListModel::Loaded loadMessageLists(const QString &path, const QList<qint64> &mailboxIds,
                                          const QList<MessageListModel::Part> &previous)
{
    MessageListModel::Loaded all;
    for (qint64 id : mailboxIds) {
        std::shared_ptr<const ThreadInput> before;
        for (const MessageListModel::Part &p : previous) {
            if (p.mailboxId == id)
                before = p.input;
        }
        appendLoaded(all, loadMessageList(path, id, before), id);
        if (!all.error.isEmpty())
            break;
    }
    return all;
}

MessageListModel::Loaded loadListing(const MailboxListing &listing)
{
    MessageListModel::Loaded l;
    // In the order a load reads the cache in, which threading depends on.
    QList<int> order(listing.size());
    std::iota(order.begin(), order.end(), 0);
    const QList<ThreadInput::Message> &messages = listing.input.messages;
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return listedBefore(messages.at(a), messages.at(b)); });
    // The references stay where they are (shared, not copied): messages point into them.
    auto input = std::make_shared<ThreadInput>();
    input->refs = listing.input.refs;
    input->messages.reserve(order.size());
    l.messages.reserve(order.size());
    for (int i : std::as_const(order)) {
        input->messages.append(messages.at(i));
        l.messages.append({messages.at(i).uid, messages.at(i).when, listing.flags.at(i)});
    }
    l.threads = threadMessages(*input);
    countThreads(l);
    l.input = std::move(input);
    return l;
}

MessageListModel::Loaded loadMessageList(const QString &path, qint64 mailboxId,
                                         const std::shared_ptr<const ThreadInput> &previous)
{
    MessageListModel::Loaded l;
    Database db(path);
    if (const Error e = db.open(); e.isError()) {
        l.error = e.message;
        return l;
    }
    const MessageCache cache(db);
    auto input = std::make_shared<ThreadInput>();
    if (!previous || !loadIncrementally(cache, mailboxId, *previous, *input, l)) {
        *input = {};
        l.messages.clear();
        const Error e = cache.forEachThreadingRow(
            mailboxId, [&](qint64 uid, qint64 dateSecs, MessageFlags flags, QByteArrayView id,
                           QByteArrayView inReplyTo, QByteArrayView refs) {
                input->append(uid, threadTimeOfCached(dateSecs), id, refs, inReplyTo);
                l.messages.append({uid, threadTimeOfCached(dateSecs), flags});
            });
        if (e.isError())
            l.error = e.message;
    }
    if (!l.error.isEmpty()) {
        l.messages.clear();
        return l;
    }
    l.threads = threadMessages(*input);
    countThreads(l);
    l.input = std::move(input);
    return l;
}

} // namespace Tidings
