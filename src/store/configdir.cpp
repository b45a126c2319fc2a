// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/configdir.h"

#include <QDir>
#include <QStandardPaths>

namespace Tidings {

namespace {
QString platformDefault()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("tidings"));
}
} // namespace

QString resolveConfigDir(const QString &fromCommandLine)
{
    QString dir = fromCommandLine;
    if (dir.isEmpty())
        dir = qEnvironmentVariable("TIDINGS_CONFIG_DIR");
    if (dir.isEmpty())
        dir = platformDefault();
    return QDir(dir).absolutePath();
}

QString cacheDatabasePath(const QString &configDir)
{
    return QDir(configDir).filePath(QStringLiteral("cache.sqlite"));
}

bool isDefaultConfigDir(const QString &dir)
{
    return QDir(dir).absolutePath() == QDir(platformDefault()).absolutePath();
}

} // namespace Tidings
