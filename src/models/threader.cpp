// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/threader.h"

#include <QHash>
#include <algorithm>
#include <functional>

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
    QList<Container> all;
    QHash<QByteArray, int> byId;
    all.reserve(envelopes.size() * 2);
    auto containerFor = [&](const QByteArray &id) {
        const auto it = byId.constFind(id);
        if (it != byId.cend())
            return it.value();
        all.append(Container{});
        byId.insert(id, int(all.size() - 1));
        return int(all.size() - 1);
    };

    QList<int> containerOfEnvelope(envelopes.size(), -1);
    for (int i = 0; i < envelopes.size(); ++i) {
        const Envelope &e = envelopes[i];
        int self;
        if (e.messageId.isEmpty() || all.value(byId.value(e.messageId, -1)).envelope >= 0) {
            // No or duplicate Message-ID: a container of its own (JWZ 1A).
            all.append(Container{});
            self = int(all.size() - 1);
        } else {
            self = containerFor(e.messageId);
        }
        all[self].envelope = i;
        containerOfEnvelope[i] = self;

        QByteArrayList refs = e.references;
        if (!e.inReplyTo.isEmpty() && (refs.isEmpty() || refs.constLast() != e.inReplyTo))
            refs.append(e.inReplyTo);
        int previous = -1;
        for (const QByteArray &ref : std::as_const(refs)) {
            if (ref == e.messageId)
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
                if (envelopes[all[k].envelope].date < envelopes[all[oldest].envelope].date)
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
    t.nodes.resize(envelopes.size());
    for (int i = 0; i < envelopes.size(); ++i) {
        const Container &c = all[containerOfEnvelope[i]];
        ThreadNode &n = t.nodes[i];
        n.envelope = i;
        n.parent = c.parent >= 0 ? all[c.parent].envelope : -1;
        for (int child : c.children)
            n.children.append(all[child].envelope);
        std::sort(n.children.begin(), n.children.end(), [&](int a, int b) {
            return envelopes[a].date != envelopes[b].date ? envelopes[a].date < envelopes[b].date
                                                          : envelopes[a].uid < envelopes[b].uid;
        });
        if (n.parent < 0)
            t.roots.append(i);
    }
    return t;
}

} // namespace Tidings
