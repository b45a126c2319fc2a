// SPDX-License-Identifier: GPL-3.0-or-later
// Parse time of the header FETCH responses for a whole INBOX, no network: the new parser
// (framing + header fields) against the KMime path the sync uses today (a KMime::Message per
// message, read by envelopeFromFetch), on the same bytes in the same run. Also the framing
// alone and the share of messages that needed KMime for some field.
// TIDINGS_BENCH_MESSAGES sets the count (default 100,000).
#include "fixtures/headercorpus.h"
#include "fixtures/mailgenerator.h"
#include "imap/envelopeconverter.h"
#include "imap/fetchparser.h"
#include "imap/headerfields.h"

#include <KMime/Message>
#include <QElapsedTimer>
#include <QTest>
#include <QTimeZone>
#include <cstdio>

using namespace Tidings;

namespace {
// The sync's own default mailbox size for its benchmark (bench_sync.cpp).
constexpr int DefaultMessages = 100000;
// Each figure is the best of this many passes: the machine is shared, the minimum is the
// least disturbed.
constexpr int Passes = 3;

const QByteArray HeaderItem =
    "BODY[HEADER.FIELDS (TO FROM MESSAGE-ID REFERENCES IN-REPLY-TO SUBJECT DATE)]";

template <typename F> double bestSeconds(F &&run)
{
    double best = 1e9;
    for (int i = 0; i < Passes; ++i) {
        QElapsedTimer t;
        t.start();
        run();
        best = std::min(best, double(t.nsecsElapsed()) / 1e9);
    }
    return best;
}
} // namespace

class BenchFetchParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse()
    {
        const int count = qEnvironmentVariableIsSet("TIDINGS_BENCH_MESSAGES")
                              ? qEnvironmentVariableIntValue("TIDINGS_BENCH_MESSAGES")
                              : DefaultMessages;
        TidingsTest::MailGenerator generator(QStringLiteral("Bench User"),
                                             QStringLiteral("bench@example.test"));
        const QDateTime newest(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::UTC);
        QList<QByteArray> blocks;
        QList<qsizetype> starts;
        QByteArray wire; // every response back to back, as a client's buffer holds them
        for (int threads = count / 3; blocks.size() < count; threads *= 2) {
            blocks.clear();
            for (const auto &m : generator.conversations(threads, newest)) {
                blocks.append(TidingsTest::headerFieldsBlock(m.raw));
                if (blocks.size() == count)
                    break;
            }
        }
        for (int i = 0; i < count; ++i) {
            starts.append(wire.size());
            wire +=
                "* " + QByteArray::number(i + 1) + " FETCH (UID " + QByteArray::number(i + 1) +
                " RFC822.SIZE 4242 INTERNALDATE \"03-Dec-2026 10:11:12 +0000\" FLAGS (\\Seen) " +
                HeaderItem + " {" + QByteArray::number(blocks[i].size()) + "}\r\n" + blocks[i] +
                ")\r\n";
        }
        starts.append(wire.size());
        const auto responseAt = [&](int i) {
            return QByteArrayView(wire).sliced(starts[i], starts[i + 1] - starts[i] - 2);
        };

        int fallbacks = 0;
        qint64 checksum = 0;
        const double framing = bestSeconds([&]() {
            for (int i = 0; i < count; ++i)
                checksum += parseFetchResponse(responseAt(i)).uid;
        });
        const double fast = bestSeconds([&]() {
            fallbacks = 0;
            for (int i = 0; i < count; ++i) {
                HeaderPath path;
                const Envelope e = envelopeFromResponse(parseFetchResponse(responseAt(i)),
                                                        Recipients::Skip, &path);
                checksum += e.subject.size();
                fallbacks += path == HeaderPath::Fallback;
            }
        });
        // Where the time goes: the messages that needed KMime for a field, on their own.
        QList<int> slow;
        for (int i = 0; i < count; ++i) {
            HeaderPath path;
            envelopeFromResponse(parseFetchResponse(responseAt(i)), Recipients::Skip, &path);
            if (path == HeaderPath::Fallback)
                slow.append(i);
        }
        const double slowOnly = bestSeconds([&]() {
            for (const int i : slow)
                checksum +=
                    envelopeFromResponse(parseFetchResponse(responseAt(i)), Recipients::Skip)
                        .subject.size();
        });
        const double fastWithTo = bestSeconds([&]() {
            for (int i = 0; i < count; ++i)
                checksum +=
                    envelopeFromResponse(parseFetchResponse(responseAt(i)), Recipients::Include)
                        .to.size();
        });
        const double kmime = bestSeconds([&]() {
            for (int i = 0; i < count; ++i) {
                KIMAP::Message m;
                m.uid = i + 1;
                m.message = KIMAP::MessagePtr(new KMime::Message);
                m.message->setHead(blocks[i]);
                m.message->parse();
                checksum += envelopeFromFetch(m, Recipients::Skip).subject.size();
            }
        });
        std::printf("%d responses, %.1f MB\n", count, double(wire.size()) / 1e6);
        std::printf("framing only (parseFetchResponse):        %.3f s\n", framing);
        std::printf("new parser, framing + fields, To skipped: %.3f s\n", fast);
        std::printf("new parser, framing + fields, To read:    %.3f s\n", fastWithTo);
        std::printf("KMime path, fields only, To skipped:      %.3f s (%.1fx the new parser)\n",
                    kmime, kmime / fast);
        std::printf("messages with a field read by KMime:      %d (%.1f%%), %.3f s of the total\n",
                    fallbacks, 100.0 * fallbacks / count, slowOnly);
        QVERIFY(checksum != 0);
    }
};

QTEST_GUILESS_MAIN(BenchFetchParser)
#include "bench_fetchparser.moc"
