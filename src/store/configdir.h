// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tidings {

// The profile directory: --config-dir, else $TIDINGS_CONFIG_DIR, else the platform's
// per-user configuration location. Tests and the demo always pass their own.
QString resolveConfigDir(const QString &fromCommandLine);

// The profile's message cache (SQLite).
QString cacheDatabasePath(const QString &configDir);

// True when the directory is the platform default (a real user profile).
bool isDefaultConfigDir(const QString &dir);

} // namespace Tidings
