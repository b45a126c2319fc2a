// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tidings {

// The text without its signature: everything from the last "-- " line on (RFC 3676 4.3).
// Line ends become "\n".
QString withoutSignature(const QString &text);
// Joins the soft line breaks of a format=flowed text (RFC 3676 4.1, 4.2), so a quoted
// paragraph is one line again; `delSp` is the part's DelSp=yes.
QString unflowed(const QString &text, bool delSp);
// Every line prefixed with "> ", or ">" for a line that is already quoted (">> " nesting,
// RFC 3676 4.5) or empty; trailing empty lines dropped.
QString quoted(const QString &text);

} // namespace Tidings
