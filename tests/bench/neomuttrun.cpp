// SPDX-License-Identifier: GPL-3.0-or-later
#include "neomuttrun.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace TidingsBench {

namespace {
// Generous: NeoMutt on 100k messages without a cache takes seconds, not minutes.
constexpr int NeoMuttTimeoutMs = 10 * 60 * 1000;

QString quoted(const QString &s)
{
    return QLatin1Char('"') + QString(s).replace(QLatin1Char('"'), QLatin1String("\\\"")) +
           QLatin1Char('"');
}
} // namespace

NeoMuttRun runNeoMutt(const QString &workDir, quint16 port, const QString &user,
                      const QString &password, const QString &headerCache)
{
    NeoMuttRun run;
    const QString neomutt = QStandardPaths::findExecutable(QStringLiteral("neomutt"));
    const QString time = QStringLiteral("/usr/bin/time");
    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    if (neomutt.isEmpty() || !QFile::exists(time) || script.isEmpty()) {
        run.error = QStringLiteral("neomutt, /usr/bin/time or script(1) missing");
        return run;
    }
    QDir(workDir).mkpath(QStringLiteral("."));
    const QString rc = QDir(workDir).filePath(QStringLiteral("neomuttrc"));
    const QString timing = QDir(workDir).filePath(QStringLiteral("time.out"));
    QFile rcFile(rc);
    if (!rcFile.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        run.error = rc + QStringLiteral(": cannot write");
        return run;
    }
    const QString folder = QStringLiteral("imap://127.0.0.1:%1/").arg(port);
    QStringList lines = {
        QStringLiteral("set imap_user=") + quoted(user),
        QStringLiteral("set imap_pass=") + quoted(password),
        QStringLiteral("set folder=") + quoted(folder),
        QStringLiteral("set spool_file=") + quoted(folder + QStringLiteral("INBOX")),
        // Plain IMAP on loopback, as Tidings uses in the same run.
        QStringLiteral("set ssl_starttls=no"),
        QStringLiteral("set ssl_force_tls=no"),
        // A threaded index, like Tidings' list.
        QStringLiteral("set use_threads=threads"),
        QStringLiteral("set sort=last-date"),
        QStringLiteral("set quit=yes"),
        QStringLiteral("set mail_check_stats=no"),
        QStringLiteral("set imap_check_subscribed=no"),
        QStringLiteral("set header_cache=") + quoted(headerCache),
        QStringLiteral("push <quit>"),
    };
    rcFile.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
    rcFile.close();
    QFile::remove(timing);

    // script(1) gives NeoMutt the terminal it insists on; time(1) inside measures NeoMutt
    // alone (wall seconds, peak RSS in KB).
    const QString command =
        QStringLiteral("%1 -f '%e %M' -o %2 %3 -n -F %4").arg(time, timing, neomutt, rc);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TERM"), QStringLiteral("xterm"));
    env.insert(QStringLiteral("HOME"), workDir);
    env.insert(QStringLiteral("COLUMNS"), QStringLiteral("120"));
    env.insert(QStringLiteral("LINES"), QStringLiteral("40"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(script, {QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"), command,
                     QStringLiteral("/dev/null")});
    if (!p.waitForFinished(NeoMuttTimeoutMs)) {
        p.kill();
        p.waitForFinished();
        run.error = QStringLiteral("neomutt did not finish");
        return run;
    }
    QFile out(timing);
    if (p.exitCode() != 0 || !out.open(QIODevice::ReadOnly)) {
        run.error = QStringLiteral("neomutt failed (exit %1): %2")
                        .arg(p.exitCode())
                        .arg(QString::fromLocal8Bit(p.readAll().right(400)));
        return run;
    }
    // The last line: time(1) puts a "Command exited ..." line first on failure.
    const QList<QByteArray> fields = out.readAll().trimmed().split('\n').constLast().split(' ');
    if (fields.size() == 2) {
        run.seconds = fields.at(0).toDouble();
        run.peakRssMb = fields.at(1).toLong() / 1024;
    } else {
        run.error = QStringLiteral("unexpected time(1) output");
    }
    return run;
}

} // namespace TidingsBench
