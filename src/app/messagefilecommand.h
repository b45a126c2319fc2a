// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tidings {

// `tidings FILE.eml`: a window with the message, as the main window's viewer shows it.
bool isMessageFileArgument(const QString &argument);
int runOpenMessageFile(int argc, char **argv, const QString &file);

// `tidings export-pdf FILE.eml OUT.pdf`: the same page, printed. Remote content stays
// blocked unless the profile trusts the sender, exactly as in the viewer.
int runExportPdf(int argc, char **argv);

} // namespace Tidings
