// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/threader.h"

#include <QHash>
#include <algorithm>
#include <functional>
#include <limits>

namespace Tidings {

namespace {
// A container per Message-ID, with or without a message (JWZ step 1).
struct Container
{
    int envelope = -1;
    int parent = -1;
    QList<int> children;
};

bool isAncestor(const QList<Container> &all, int maybeAncestor, int of)
{
    for (int at = of; at >= 0; at = all[at].parent) {
        if (at == maybeAncestor)
            return true;
    }
    return false;
}

void link(QList<Container> &all, int parent, int child)
{
    // Never create a loop, and keep a link that is already there (the first one wins).
    if (parent == child || all[child].parent >= 0 || isAncestor(all, child, parent))
        return;
    all[child].parent = parent;
    all[parent].children.append(child);
}

void unlink(QList<Container> &all, int child)
{
    const int parent = all[child].parent;
    if (parent >= 0)
        all[parent].children.removeOne(child);
    all[child].parent = -1;
}
} // namespace

Threads threadMessages(const QList<Envelope> &envelopes)
{
    ThreadInput input;
    input.messages.reserve(envelopes.size());
    for (const Envelope &e : envelopes)
        input.append(e.uid, threadTime(e.date), e.messageId, e.references, e.inReplyTo);
    return threadMessages(input);
}

Threads threadMessages(const ThreadInput &input)
{
    const QList<ThreadInput::Message> &messages = input.messages;
    QList<Container> all;
    QHash<quint64, int> byId;
    all.reserve(messages.size() * 2);
    byId.reserve(messages.size() * 2);
    auto containerFor = [&](quint64 id) {
        const auto it = byId.constFind(id);
        if (it != byId.cend())
            return it.value();
        all.append(Container{});
        byId.insert(id, int(all.size() - 1));
        return int(all.size() - 1);
    };

    QList<int> containerOfMessage(messages.size(), -1);
    for (int i = 0; i < messages.size(); ++i) {
        const ThreadInput::Message &m = messages[i];
        int self;
        if (m.id == 0 || all.value(byId.value(m.id, -1)).envelope >= 0) {
            // No or duplicate Message-ID: a container of its own (JWZ 1A).
            all.append(Container{});
            self = int(all.size() - 1);
        } else {
            self = containerFor(m.id);
        }
        all[self].envelope = i;
        containerOfMessage[i] = self;

        int previous = -1;
        for (int r = m.firstRef; r < m.firstRef + m.refCount; ++r) {
            const quint64 ref = input.refs[r];
            if (ref == m.id)
                continue;
            const int c = containerFor(ref);
            if (previous >= 0)
                link(all, previous, c);
            previous = c;
        }
        // The message's parent is its last reference, whatever an earlier message implied.
        if (previous >= 0 && previous != self && !isAncestor(all, self, previous)) {
            unlink(all, self);
            link(all, previous, self);
        }
    }

    // Replace empty containers by their children (JWZ step 4).
    std::function<void(int)> prune = [&](int c) {
        for (int child : QList<int>(all[c].children))
            prune(child);
        if (all[c].envelope >= 0)
            return;
        const int parent = all[c].parent;
        const QList<int> kids = all[c].children;
        if (parent >= 0) {
            unlink(all, c);
            all[c].children.clear();
            for (int k : kids) {
                all[k].parent = -1;
                link(all, parent, k);
            }
        } else if (!kids.isEmpty()) {
            // A root without a message: its oldest reply becomes the root.
            int oldest = kids.constFirst();
            for (int k : kids) {
                if (messages[all[k].envelope].when < messages[all[oldest].envelope].when)
                    oldest = k;
            }
            for (int k : kids)
                all[k].parent = -1;
            all[c].children.clear();
            for (int k : kids) {
                if (k != oldest)
                    link(all, oldest, k);
            }
        }
    };
    for (int c = 0; c < all.size(); ++c) {
        if (all[c].parent < 0)
            prune(c);
    }

    Threads t;
    t.nodes.resize(messages.size());
    for (int i = 0; i < messages.size(); ++i) {
        const Container &c = all[containerOfMessage[i]];
        ThreadNode &n = t.nodes[i];
        n.envelope = i;
        n.parent = c.parent >= 0 ? all[c.parent].envelope : -1;
        for (int child : c.children)
            n.children.append(all[child].envelope);
        std::sort(n.children.begin(), n.children.end(), [&](int a, int b) {
            return messages[a].when != messages[b].when ? messages[a].when < messages[b].when
                                                        : messages[a].uid < messages[b].uid;
        });
        if (n.parent < 0)
            t.roots.append(i);
    }
    return t;
}

} // namespace Tidings
