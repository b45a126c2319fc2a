// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCommandLineParser;
class QCoreApplication;

namespace Tidings {

// tidings account add|list|remove|check: provisioning without the GUI. Passwords are read
// from standard input, never from argv, and stored only in the keychain.
int runAccountCommand(QCommandLineParser &parser, QCoreApplication &app);

} // namespace Tidings
