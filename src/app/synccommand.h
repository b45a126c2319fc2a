// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCommandLineParser;
class QCoreApplication;

namespace Tidings {

// tidings sync [--account A] [--mailbox M]: the GUI's sync engine, headless, with one
// summary line (new/changed/removed, seconds) and the exit codes of DESIGN.md.
int runSyncCommand(QCommandLineParser &parser, QCoreApplication &app);

} // namespace Tidings
