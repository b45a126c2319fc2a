// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/threader.h"

#include <QTest>
#include <functional>

using namespace Tidings;

namespace {
Envelope msg(qint64 uid, const char *id, QByteArrayList refs = {}, const char *inReplyTo = "")
{
    Envelope e;
    e.uid = uid;
    e.messageId = id;
    e.references = refs;
    e.inReplyTo = inReplyTo;
    e.date = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::UTC).addSecs(uid * 60);
    return e;
}

// "uid(child uid, ...)" per root, roots by uid, to compare trees as text.
QString shape(const Threads &t, const QList<Envelope> &all)
{
    std::function<QString(int)> node = [&](int n) {
        QString s = QString::number(all[n].uid);
        if (!t.nodes[n].children.isEmpty()) {
            QStringList kids;
            for (int c : t.nodes[n].children)
                kids << node(c);
            s += QLatin1Char('(') + kids.join(QLatin1Char(' ')) + QLatin1Char(')');
        }
        return s;
    };
    QList<int> roots = t.roots;
    std::sort(roots.begin(), roots.end(), [&](int a, int b) { return all[a].uid < all[b].uid; });
    QStringList out;
    for (int r : roots)
        out << node(r);
    return out.join(QLatin1String(", "));
}
} // namespace

class TestThreader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void threads_data()
    {
        QTest::addColumn<QList<Envelope>>("messages");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unrelated")
            << QList<Envelope>{msg(1, "a"), msg(2, "b")} << QStringLiteral("1, 2");
        QTest::newRow("chain by references")
            << QList<Envelope>{msg(3, "c", {"a", "b"}), msg(1, "a"), msg(2, "b", {"a"})}
            << QStringLiteral("1(2(3))");
        QTest::newRow("in-reply-to only")
            << QList<Envelope>{msg(1, "a"), msg(2, "b", {}, "a"), msg(3, "c", {}, "a")}
            << QStringLiteral("1(2 3)");
        QTest::newRow("missing middle message")
            << QList<Envelope>{msg(1, "a"), msg(3, "c", {"a", "gone"})} << QStringLiteral("1(3)");
        QTest::newRow("missing root joins siblings under the oldest")
            << QList<Envelope>{msg(5, "x", {"lost"}), msg(4, "y", {"lost"})}
            << QStringLiteral("4(5)");
        // The first link wins; the one that would close the loop is dropped.
        QTest::newRow("reference loop is ignored")
            << QList<Envelope>{msg(1, "a", {"b"}), msg(2, "b", {"a"})} << QStringLiteral("2(1)");
        QTest::newRow("self reference")
            << QList<Envelope>{msg(1, "a", {"a"})} << QStringLiteral("1");
        QTest::newRow("duplicate message-id keeps both")
            << QList<Envelope>{msg(1, "a"), msg(2, "a")} << QStringLiteral("1, 2");
        QTest::newRow("no message-id")
            << QList<Envelope>{msg(1, ""), msg(2, "", {}, "")} << QStringLiteral("1, 2");
    }
    void threads()
    {
        QFETCH(QList<Envelope>, messages);
        QFETCH(QString, expected);
        const Threads t = threadMessages(messages);
        QCOMPARE(t.nodes.size(), messages.size());
        QCOMPARE(shape(t, messages), expected);
        // Every message is shown exactly once: as a root or as one parent's reply.
        QList<int> seen(messages.size(), 0);
        for (int r : t.roots)
            ++seen[r];
        for (const ThreadNode &n : t.nodes) {
            for (int c : n.children)
                ++seen[c];
        }
        QCOMPARE(seen, QList<int>(messages.size(), 1));

        // The cache's form (References space-separated, read without splitting) threads the
        // same way.
        ThreadInput fromCache;
        for (const Envelope &e : messages) {
            const QByteArray refs = e.references.join(' ');
            fromCache.append(e.uid, threadTime(e.date), QByteArrayView(e.messageId),
                             QByteArrayView(refs), QByteArrayView(e.inReplyTo));
        }
        QCOMPARE(shape(threadMessages(fromCache), messages), expected);
    }

    void largeMailboxIsLinear()
    {
        // 20,000 messages in threads of 20: every message is placed exactly once.
        QList<Envelope> all;
        for (int i = 0; i < 20000; ++i) {
            const int thread = i / 20;
            const QByteArray id = "m" + QByteArray::number(i);
            QByteArrayList refs;
            if (i % 20)
                refs << "m" + QByteArray::number(thread * 20);
            all << msg(i + 1, id.constData(), refs);
        }
        const Threads t = threadMessages(all);
        QCOMPARE(t.roots.size(), 1000);
        int placed = 0;
        for (const ThreadNode &n : t.nodes)
            placed += int(n.children.size());
        QCOMPARE(placed + int(t.roots.size()), 20000);
    }
};

QTEST_GUILESS_MAIN(TestThreader)
#include "test_threader.moc"
