// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tidings {

// Empty when a GUI can start here; else one line saying why not and how to get a display.
// Checked before QApplication exists, because Qt aborts when it cannot open a display.
QString missingDisplayReason();

} // namespace Tidings
