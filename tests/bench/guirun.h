// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace TidingsBench {

// Peak resident memory (VmHWM) of a process, this one for pid 0; -1 when unreadable.
long vmHwmMb(qint64 pid);

// One start of the real `tidings` GUI (offscreen platform) on a profile: it opens the first
// account's INBOX on its own; the run ends when its sync of that mailbox has finished and
// the list has been refreshed (the "sync:" log line), plus a moment to paint.
struct GuiRun
{
    double seconds = -1; // process start to the end of the INBOX sync
    long peakRssMb = -1; // VmHWM of the GUI process
    QString syncLine;
    QString error;
};

GuiRun runGui(const QString &configDir);

// `tidings account add` (password on stdin, no login check).
bool addAccount(const QString &configDir, const QString &name, const QString &email, quint16 port,
                const QString &password, QString *error);

} // namespace TidingsBench
