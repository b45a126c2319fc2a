// SPDX-License-Identifier: GPL-3.0-or-later
#include "guirun.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

namespace TidingsBench {

namespace {
// A cold sync of 100k messages in the GUI takes seconds; this only guards a hung run.
constexpr int GuiTimeoutMs = 10 * 60 * 1000;
// After the sync line: time for the refreshed list to be laid out and painted.
constexpr int SettleMs = 1000;

} // namespace

long vmHwmMb(qint64 pid)
{
    QFile status(pid > 0 ? QStringLiteral("/proc/%1/status").arg(pid)
                         : QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLong() / 1024;
    }
    return -1;
}

bool addAccount(const QString &configDir, const QString &name, const QString &email, quint16 port,
                const QString &password, QString *error)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(TIDINGS_BINARY),
            {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--config-dir"),
             configDir, QStringLiteral("--name"), name, QStringLiteral("--email"), email,
             QStringLiteral("--imap-host"), QStringLiteral("127.0.0.1"),
             QStringLiteral("--imap-port"), QString::number(port),
             QStringLiteral("--imap-security"), QStringLiteral("none"),
             QStringLiteral("--no-check")});
    p.write(password.toUtf8() + '\n');
    p.closeWriteChannel();
    const bool ok = p.waitForFinished(30000) && p.exitCode() == 0;
    if (!ok && error)
        *error = QString::fromLocal8Bit(p.readAll());
    return ok;
}

GuiRun runGui(const QString &configDir)
{
    GuiRun run;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("TIDINGS_CONFIG_DIR"), configDir);
    p.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    p.start(QStringLiteral(TIDINGS_BINARY), {QStringLiteral("--config-dir"), configDir});
    if (!p.waitForStarted()) {
        run.error = QStringLiteral("tidings did not start");
        return run;
    }
    QByteArray log;
    const bool synced = QTest::qWaitFor(
        [&] {
            log += p.readAllStandardError();
            const qsizetype at = log.indexOf("sync: ");
            if (at < 0 || log.indexOf('\n', at) < 0)
                return p.state() == QProcess::NotRunning;
            run.syncLine = QString::fromUtf8(log.mid(at, log.indexOf('\n', at) - at));
            return true;
        },
        GuiTimeoutMs);
    run.seconds = double(clock.elapsed()) / 1000.0;
    if (!synced || run.syncLine.isEmpty()) {
        run.error =
            QStringLiteral("no sync line from the GUI: ") + QString::fromUtf8(log.right(600));
    } else {
        QTest::qWait(SettleMs);
        run.peakRssMb = vmHwmMb(p.processId());
    }
    p.terminate();
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished();
    }
    return run;
}

} // namespace TidingsBench
