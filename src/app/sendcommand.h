// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCommandLineParser;
class QCoreApplication;

namespace Tidings {

// tidings send [--identity I] --to A [--to B] [--cc C] [--bcc D] [--attach FILE]...
// --subject S, the body from standard input: the GUI's outbox path (compose, SMTP, Sent copy)
// headless, one line on success, the exit codes of DESIGN.md and the server's reply on failure.
int runSendCommand(QCommandLineParser &parser, QCoreApplication &app);

} // namespace Tidings
