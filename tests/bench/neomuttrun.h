// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace TidingsBench {

// One NeoMutt start on a pseudo-terminal: it logs in, opens the folder, threads and draws
// the index, then a pushed <quit> (read only once the index waits for keys) ends it.
struct NeoMuttRun
{
    double seconds = -1; // wall time of the neomutt process, from /usr/bin/time
    long peakRssMb = -1; // its maximum resident set size
    QString error;
};

// `headerCache` empty: no header cache; else the cache file it reads and fills.
NeoMuttRun runNeoMutt(const QString &workDir, quint16 port, const QString &user,
                      const QString &password, const QString &headerCache);

} // namespace TidingsBench
