// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCommandLineParser;
class QCoreApplication;

namespace Tidings {

// Shared by every entry point: name, version, the --config-dir option, translations.
void setApplicationInfo();
void addCommonOptions(QCommandLineParser &parser);
void loadTranslations(QCoreApplication &app);

// Parses argv, runs the GUI or a subcommand, and returns the process exit code
// (DESIGN.md: 0 ok, 1 usage, 2 bad input, 3 network/TLS, 4 authentication, 5 refused).
int runCommandLine(int argc, char **argv);

} // namespace Tidings
