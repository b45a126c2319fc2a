// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/display.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace Tidings {

namespace {
// Gives lupdate and tr() the same context for the free functions below.
struct Display
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::Display)
};

const QString Hint = QStringLiteral("start it from a desktop session, or without one under "
                                    "a virtual X server: xvfb-run -a tidings");

// DISPLAY=":N" or ":N.S" means the local socket /tmp/.X11-unix/XN.
bool localX11SocketMissing(const QString &display)
{
    static const QRegularExpression local(QStringLiteral("^(unix)?:(\\d+)(\\.\\d+)?$"));
    const QRegularExpressionMatch m = local.match(display);
    if (!m.hasMatch())
        return false; // a remote display (host:N): let the X library try
    return !QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X") + m.captured(2));
}
} // namespace

QString missingDisplayReason()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    if (!platform.isEmpty() && !platform.startsWith(QLatin1String("xcb")) &&
        !platform.startsWith(QLatin1String("wayland")))
        return {}; // offscreen, vnc, eglfs...: no desktop display needed
    const QString wayland = qEnvironmentVariable("WAYLAND_DISPLAY");
    if (!wayland.isEmpty()) {
        const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
        const QString socket =
            QDir::isAbsolutePath(wayland) ? wayland : runtime + QLatin1Char('/') + wayland;
        if (QFileInfo::exists(socket))
            return {};
    }
    const QString x11 = qEnvironmentVariable("DISPLAY");
    if (x11.isEmpty())
        return Display::tr("no display: neither DISPLAY nor WAYLAND_DISPLAY is set; %1").arg(Hint);
    if (localX11SocketMissing(x11))
        return Display::tr("no display: the X server %1 is not running; %2").arg(x11, Hint);
#endif
    return {};
}

} // namespace Tidings
