// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCommandLineParser;
class QCoreApplication;

namespace Tidings {

// tidings identity add|list|remove: aliases and delegated identities of an account.
int runIdentityCommand(QCommandLineParser &parser, QCoreApplication &app);

// tidings profile add|list|remove: named views (accounts, shared mailboxes, default identity).
int runProfileCommand(QCommandLineParser &parser, QCoreApplication &app);

} // namespace Tidings
