// SPDX-License-Identifier: GPL-3.0-or-later
// Sync speed on one large INBOX in a local Dovecot, against the wire limit measured in the
// same run: a plain socket issuing the same UID FETCH and discarding the reply.
// TIDINGS_BENCH_MESSAGES sets the mailbox size (default 100,000). NeoMutt opening the same
// folder and the real GUI (offscreen) are measured in the same run too.
// The server stores mail in mdbox; TIDINGS_BENCH_STORAGE=maildir makes it Maildir++, where
// Dovecot re-reads the 100,000-file directory on each sync after another client's changes.
// TIDINGS_BENCH_QUICK=1 leaves out NeoMutt and the GUI (for working on the sync alone).
#include "fixtures/dovecotserver.h"
#include "fixtures/keyringsession.h"
#include "fixtures/mailgenerator.h"
#include "fixtures/tempdir.h"
#include "guirun.h"
#include "imap/imapconnection.h"
#include "imap/mailboxsync.h"
#include "models/messagelistmodel.h"
#include "neomuttrun.h"
#include "scrollrun.h"
#include "store/database.h"
#include "store/messagecache.h"

#include <KIMAP/ExpungeJob>
#include <KIMAP/FetchJob>
#include <KIMAP/SelectJob>
#include <KIMAP/StoreJob>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cstdio>
#include <functional>
#include <sys/resource.h>
#include <unistd.h>

using namespace Tidings;
using namespace TidingsTest;
using namespace TidingsBench;

namespace {
const QString User = QStringLiteral("bench@example.test");
const QString Password = QStringLiteral("bench");

// Same items as KIMAP's Headers scope, so both sides move the same bytes.
const QByteArray FetchItems = "(RFC822.SIZE INTERNALDATE BODY.PEEK[HEADER.FIELDS (TO FROM "
                              "MESSAGE-ID REFERENCES IN-REPLY-TO SUBJECT DATE)] FLAGS UID)";

double seconds(qint64 ms)
{
    return double(ms) / 1000.0;
}

// CPU seconds per thread of this process so far, by thread name (/proc/self/task).
QMap<QString, double> cpuByThread()
{
    QMap<QString, double> out;
    const double tick = double(sysconf(_SC_CLK_TCK));
    const QStringList tasks =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(task));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
        const QString name = QString::fromUtf8(line.mid(open + 1, close - open - 1));
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        // Fields 14 and 15 of stat(5), utime and stime, counted from after the name.
        out[name] += (fields.value(11).toDouble() + fields.value(12).toDouble()) / tick;
    }
    // Threads that ended (the header fetch's) no longer have a task entry; the process's own
    // total still counts them.
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    out[QStringLiteral("whole process")] =
        double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
        double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    return out;
}

void printCpu(const QMap<QString, double> &cpu)
{
    QStringList parts;
    for (auto [name, used] : cpu.asKeyValueRange()) {
        if (used >= 0.01)
            parts << QStringLiteral("%1 %2 s").arg(name).arg(used, 0, 'f', 2);
    }
    std::printf("  CPU by thread: %s\n", qPrintable(parts.join(QLatin1String(", "))));
}

// The wire limit: LOGIN, SELECT, one UID FETCH 1:*, every byte read and dropped.
// `examine` may ask for CONDSTORE, which makes Dovecot keep MODSEQs for the mailbox.
qint64 wireFetchMs(quint16 port, const QByteArray &examine = "EXAMINE INBOX")
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return -1;
    auto waitFor = [&](const QByteArray &tag) {
        QByteArray tail;
        while (s.waitForReadyRead(60000)) {
            tail += s.readAll();
            const qsizetype at = tail.lastIndexOf("\r\n" + tag + ' ');
            if (at >= 0 || tail.startsWith(tag + ' '))
                return true;
            tail = tail.right(256);
        }
        return false;
    };
    s.waitForReadyRead(5000);
    s.readAll();
    s.write("a LOGIN " + User.toUtf8() + ' ' + Password.toUtf8() + "\r\n");
    waitFor("a");
    s.write("b " + examine + "\r\n");
    waitFor("b");
    QElapsedTimer clock;
    clock.start();
    s.write("c UID FETCH 1:* " + FetchItems + "\r\n");
    if (!waitFor("c"))
        return -1;
    return clock.elapsed();
}

// The library's floor: KIMAP's Headers fetch of the same range (newest first, the sync's
// batch sizes), messages dropped unconverted.
qint64 kimapFetchMs(ImapConnection &c, qint64 count)
{
    auto *select = new KIMAP::SelectJob(c.session());
    select->setMailBox(QStringLiteral("INBOX"));
    select->setOpenReadOnly(true);
    if (!select->exec())
        return -1;
    QElapsedTimer clock;
    clock.start();
    for (qint64 upTo = count; upTo >= 1;) {
        const qint64 size = upTo == count ? MailboxSync::BatchSize : MailboxSync::LargeBatchSize;
        const qint64 from = qMax<qint64>(1, upTo - size + 1);
        auto *job = new KIMAP::FetchJob(c.session());
        job->setSequenceSet(KIMAP::ImapSet(from, upTo));
        KIMAP::FetchJob::FetchScope scope;
        scope.mode = KIMAP::FetchJob::FetchScope::Headers;
        job->setScope(scope);
        if (!job->exec())
            return -1;
        upTo = from - 1;
    }
    return clock.elapsed();
}

struct Synced
{
    SyncResult result;
    qint64 firstBatchMs = -1;
    qint64 firstRowsMs = -1; // the list model shows FirstScreenRows threads
    qint64 totalMs = 0;
    qint64 listedMs = 0;       // sync done and the list model loaded (threaded, sorted)
    QMap<QString, double> cpu; // CPU seconds per thread over the sync, taken while all live
};

// Runs the event loop, as an application does, until `done` holds after `signal`.
// (QTest::qWaitFor sleeps up to 10 ms between its passes over the events; each of a
// resync's round trips paid that: measured, an update queued behind a FETCH ran 11 ms late.)
template <typename Sender, typename Signal>
void runUntil(const Sender *sender, Signal signal, const std::function<bool()> &done)
{
    if (done())
        return;
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(30 * 60 * 1000, &loop, &QEventLoop::quit);
    loop.exec();
}

// Rows a first screen of the list shows.
constexpr int FirstScreenRows = 50;

// One sync with a store-backed list model attached the way the GUI attaches it: refreshed
// (throttled) after stored batches, and once more at the end.
// `open`: the mailbox is being opened, so the list first shows what the cache holds; else
// the list already shows it (a resync while the mailbox is open).
Synced syncOnce(ImapConnection &c, MessageCache &cache, MessageListModel &list, bool open)
{
    Synced out;
    const QMap<QString, double> cpuBefore = cpuByThread();
    QElapsedTimer clock;
    clock.start();
    const qint64 mailboxId = cache.state(c.account().name, QStringLiteral("INBOX")).id;
    if (open)
        list.setMailbox(&cache, mailboxId);
    MailboxSync sync(&c, &cache, QStringLiteral("INBOX"));
    bool done = false;
    QObject::connect(&sync, &MailboxSync::batchStored, &sync, [&] {
        if (out.firstBatchMs < 0)
            out.firstBatchMs = clock.elapsed();
        if (!sync.itemisesChanges())
            list.refreshSoon();
    });
    QObject::connect(&list, &MessageListModel::loaded, &list, [&] {
        if (out.firstRowsMs < 0 && list.rowCount() >= FirstScreenRows)
            out.firstRowsMs = clock.elapsed();
    });
    QObject::connect(&sync, &MailboxSync::finished, &sync,
                     [&](const SyncResult &r, const Error &e) {
                         if (e.isError())
                             std::fprintf(stderr, "sync failed: %s\n", qPrintable(e.message));
                         out.result = r;
                         done = true;
                     });
    sync.start();
    runUntil(&sync, &MailboxSync::finished, [&] { return done; });
    out.totalMs = clock.elapsed();
    // As the GUI does: the list takes the changes where it stands, or is reloaded at the end
    // when it cannot and the sync changed something.
    const SyncResult &r = out.result;
    if ((r.added + r.changed + r.removed > 0 || r.mode == QLatin1String("full")) &&
        !list.applyChanges(mailboxId, r.changes))
        list.setMailbox(&cache, mailboxId);
    runUntil(&list, &MessageListModel::loaded, [&] { return !list.isLoading(); });
    out.listedMs = clock.elapsed();
    for (auto [name, used] : cpuByThread().asKeyValueRange())
        out.cpu[name] = used - cpuBefore.value(name);
    return out;
}

Account benchAccount(quint16 port)
{
    Account a;
    a.name = QStringLiteral("bench");
    a.email = User;
    a.imap = {QStringLiteral("127.0.0.1"), port, Security::None};
    return a;
}

bool openAndWait(ImapConnection &c)
{
    bool ready = false;
    QObject::connect(&c, &ImapConnection::ready, &c, [&] { ready = true; });
    c.open(Password);
    return QTest::qWaitFor([&] { return ready; }, 30000);
}

bool changeFromOtherClient(const DovecotServer &d, int flagChanges, int expunges)
{
    ImapConnection other(benchAccount(d.imapPort()));
    if (!openAndWait(other))
        return false;
    auto *select = new KIMAP::SelectJob(other.session());
    select->setMailBox(QStringLiteral("INBOX"));
    if (!select->exec())
        return false;
    auto store = [&](qint64 from, qint64 to, const QByteArray &flag) {
        auto *job = new KIMAP::StoreJob(other.session());
        job->setUidBased(true);
        job->setSequenceSet(KIMAP::ImapSet(from, to));
        job->setFlags({flag});
        job->setMode(KIMAP::StoreJob::AppendFlags);
        return job->exec();
    };
    // Flag changes spread over the mailbox, then expunges at its start.
    for (int i = 0; i < flagChanges; ++i) {
        if (!store(1000 + i * 37, 1000 + i * 37, "\\Flagged"))
            return false;
    }
    if (!store(1, expunges, "\\Deleted"))
        return false;
    auto *expunge = new KIMAP::ExpungeJob(other.session());
    return expunge->exec();
}
} // namespace

int main(int argc, char **argv)
{
    // The scrolling measurement paints a real list view; no display is needed.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int total = qEnvironmentVariableIsSet("TIDINGS_BENCH_MESSAGES")
                          ? qEnvironmentVariableIntValue("TIDINGS_BENCH_MESSAGES")
                          : 100000;
    DovecotServer dovecot;
    dovecot.addUser(User, Password);
    const bool maildir = qgetenv("TIDINGS_BENCH_STORAGE") == "maildir";
    dovecot.setStorage(maildir ? DovecotServer::Storage::Maildir : DovecotServer::Storage::Mdbox);
    QElapsedTimer clock;
    clock.start();
    MailGenerator gen(QStringLiteral("Bench User"), User);
    int seeded = 0;
    // Conversations of 1-20 messages until the mailbox holds `total`.
    const QDateTime newest = QDateTime::currentDateTimeUtc();
    for (const GeneratedMessage &m : gen.conversations(total, newest)) {
        if (seeded == total)
            break;
        dovecot.deliver(User, QStringLiteral("INBOX"), m.raw, m.flags, m.date);
        ++seeded;
    }
    if (!dovecot.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(dovecot.error()));
        return 1;
    }
    std::printf("seeded %d messages (%s) in %.1f s\n", seeded, maildir ? "Maildir++" : "mdbox",
                seconds(clock.elapsed()));
    // Dovecot builds its index on first access; the warm-up also asks for CONDSTORE, as any
    // CONDSTORE client would have before. Both sides below see a warm index.
    clock.restart();
    wireFetchMs(dovecot.imapPort(), "EXAMINE INBOX (CONDSTORE)");
    std::printf("dovecot first index build %.2f s (not counted)\n", seconds(clock.elapsed()));

    const qint64 wire = wireFetchMs(dovecot.imapPort());
    std::printf("wire limit (UID FETCH 1:*, discarded): %.2f s\n", seconds(wire));

    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("cache.sqlite")));
    if (db.open().isError())
        return 1;
    MessageCache cache(db);
    const Account a = benchAccount(dovecot.imapPort());
    ImapConnection c(a);
    if (!openAndWait(c))
        return 1;

    // The library's floor on a connection of its own: the sync below starts on a session that
    // has done nothing else, as an application's first sync does. (Measured: on the session
    // that had just read the mailbox, the sync's EXAMINE took 0.2 s; on a new one, 0.03 s.)
    ImapConnection baseline(a);
    if (!openAndWait(baseline))
        return 1;
    const QMap<QString, double> kimapCpuBefore = cpuByThread();
    const qint64 kimap = kimapFetchMs(baseline, seeded);
    QMap<QString, double> kimapCpu = cpuByThread();
    for (auto it = kimapCpu.begin(); it != kimapCpu.end(); ++it)
        it.value() -= kimapCpuBefore.value(it.key());
    std::printf("KIMAP Headers fetch alone (same batches, nothing converted or stored): %.2f s "
                "-> %.2f x wire\n",
                seconds(kimap), double(kimap) / double(wire));
    printCpu(kimapCpu);
    MessageListModel coldList;
    const Synced cold = syncOnce(c, cache, coldList, true);
    const qint64 coldTotal = cold.listedMs;
    std::printf("cold sync %d messages: %.2f s fetch+store, list threaded and sorted at %.2f s "
                "-> %.2f x wire (target <= 2.0)\n",
                cold.result.added, seconds(cold.totalMs), seconds(coldTotal),
                double(coldTotal) / double(wire));
    printCpu(cold.cpu);
    std::printf("first batch (%d newest) cached after %.2f s; first %d rows in the list after "
                "%.2f s -> %.2f x wire (target <= 0.3)\n",
                MailboxSync::BatchSize, seconds(cold.firstBatchMs), FirstScreenRows,
                seconds(cold.firstRowsMs), double(cold.firstRowsMs) / double(wire));
    {
        // Reopening: the list from the cache alone, before any server round trip.
        MessageListModel list;
        clock.restart();
        list.setMailbox(&cache, cache.state(a.name, QStringLiteral("INBOX")).id);
        runUntil(&list, &MessageListModel::loaded, [&] { return !list.isLoading(); });
        std::printf("list from cache alone (%d threads of %d messages): %.2f s\n", list.rowCount(),
                    list.messageCount(), seconds(clock.elapsed()));
    }

    {
        const ScrollRun scroll = scrollThrough(&coldList);
        std::printf("scrolling %d thread rows page by page (%d pages): median %.2f ms, p99 "
                    "%.2f ms, max %.2f ms per painted page (one 60 Hz frame: %.1f ms)\n",
                    scroll.rows, scroll.pages, scroll.medianMs, scroll.p99Ms, scroll.maxMs,
                    FrameBudgetMs);
        std::printf("every thread expanded (%d rows) in %.0f ms; then per painted page: median "
                    "%.2f ms, max %.2f ms\n",
                    scroll.expandedRows, scroll.expandAllMs, scroll.expandedMedianMs,
                    scroll.expandedMaxMs);
    }

    // Reopening is a new session, as when the application starts again. (Measured: on the
    // cold sync's session, the EXAMINE of the reopen took 0.2 s; on a new one, 0.01-0.03 s.)
    ImapConnection reopened(a);
    if (!openAndWait(reopened))
        return 1;
    MessageListModel openList;
    const Synced warm = syncOnce(reopened, cache, openList, true);
    std::printf("warm reopen, no changes (%s): sync %.3f s, with the list loaded %.3f s -> "
                "%.3f x cold\n",
                qPrintable(warm.result.mode), seconds(warm.totalMs), seconds(warm.listedMs),
                double(warm.listedMs) / double(coldTotal));

    changeFromOtherClient(dovecot, 1000, 100);
    for (int i = 0; i < 100; ++i)
        dovecot.deliver(User, QStringLiteral("INBOX"),
                        gen.message(QStringLiteral("New"), QStringLiteral("new@example.org"), User,
                                    QStringLiteral("New %1").arg(i), QStringLiteral("x"),
                                    QDateTime::currentDateTimeUtc(),
                                    "<new" + QByteArray::number(i) + "@b>"));
    if (!dovecot.importDelivered())
        std::fprintf(stderr, "%s\n", qPrintable(dovecot.error()));
    const Synced changed = syncOnce(reopened, cache, openList, false);
    std::printf("resync after 1000 flag changes, 100 new, 100 expunged (%s: %d new, %d changed, "
                "%d removed): sync %.3f s, with the list updated %.3f s -> %.3f x cold "
                "(target <= 0.1)\n",
                qPrintable(changed.result.mode), changed.result.added, changed.result.changed,
                changed.result.removed, seconds(changed.totalMs), seconds(changed.listedMs),
                double(changed.listedMs) / double(coldTotal));
    std::printf("peak RSS of this process (engine, cache, store-backed list): %ld MB\n",
                vmHwmMb(0));
    if (qEnvironmentVariableIntValue("TIDINGS_BENCH_QUICK") == 1)
        return 0;

    // NeoMutt on the same folder: no header cache, then one filled by a first run.
    TempDir scratch;
    const NeoMuttRun muttCold = runNeoMutt(scratch.filePath(QStringLiteral("mutt-cold")),
                                           dovecot.imapPort(), User, Password, {});
    const QString hcache = scratch.filePath(QStringLiteral("mutt-hc/hcache"));
    const NeoMuttRun muttFill = runNeoMutt(scratch.filePath(QStringLiteral("mutt-hc")),
                                           dovecot.imapPort(), User, Password, hcache);
    const NeoMuttRun muttWarm = runNeoMutt(scratch.filePath(QStringLiteral("mutt-hc")),
                                           dovecot.imapPort(), User, Password, hcache);
    for (const NeoMuttRun *r : {&muttCold, &muttFill, &muttWarm}) {
        if (!r->error.isEmpty())
            std::printf("neomutt: %s\n", qPrintable(r->error));
    }
    std::printf("NeoMutt open, no header cache: %.2f s, %ld MB; filling its header cache: %.2f s; "
                "with header cache: %.2f s, %ld MB\n",
                muttCold.seconds, muttCold.peakRssMb, muttFill.seconds, muttWarm.seconds,
                muttWarm.peakRssMb);
    if (muttCold.seconds > 0)
        std::printf("cold sync vs NeoMutt cold: %.2f s / %.2f s -> %.2f x (target <= 0.75)\n",
                    seconds(coldTotal), muttCold.seconds, seconds(coldTotal) / muttCold.seconds);
    if (muttWarm.seconds > 0)
        std::printf("warm reopen (QRESYNC + list) vs NeoMutt with header cache: %.3f s / %.2f s "
                    "-> %.3f x (target <= 0.25)\n",
                    seconds(warm.listedMs), muttWarm.seconds,
                    seconds(warm.listedMs) / muttWarm.seconds);

    // The real GUI, on a fresh profile: cold (empty cache), then reopened (cache, QRESYNC).
    KeyringSession keyring;
    const QString profile = scratch.filePath(QStringLiteral("profile"));
    QString addError;
    if (!keyring.start()) {
        std::printf("GUI: no keyring: %s\n", qPrintable(keyring.error()));
        return 0;
    }
    if (!addAccount(profile, QStringLiteral("bench"), User, dovecot.imapPort(), Password,
                    &addError)) {
        std::printf("GUI: account add failed: %s\n", qPrintable(addError));
        return 0;
    }
    const GuiRun guiCold = runGui(profile);
    const GuiRun guiWarm = runGui(profile);
    for (const GuiRun *r : {&guiCold, &guiWarm}) {
        if (!r->error.isEmpty())
            std::printf("GUI: %s\n", qPrintable(r->error));
    }
    std::printf("GUI cold start to synced list: %.2f s, peak RSS %ld MB (%s)\n", guiCold.seconds,
                guiCold.peakRssMb, qPrintable(guiCold.syncLine));
    std::printf("GUI reopen to synced list: %.2f s, peak RSS %ld MB (%s)\n", guiWarm.seconds,
                guiWarm.peakRssMb, qPrintable(guiWarm.syncLine));
    const long guiPeak = qMax(guiCold.peakRssMb, guiWarm.peakRssMb);
    const long muttPeak = qMax(muttCold.peakRssMb, muttWarm.peakRssMb);
    if (guiPeak > 0 && muttPeak > 0)
        std::printf("GUI peak RSS vs NeoMutt: %ld MB / %ld MB -> %.2f x (target <= 0.5)\n", guiPeak,
                    muttPeak, double(guiPeak) / double(muttPeak));
    return 0;
}
