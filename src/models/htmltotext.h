// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tidings {

// Readable plain text of an HTML mail body, for quoting and forwarding: the head, styles,
// scripts and comments dropped, block elements and <br> as line breaks, list items as
// "* ", entities decoded, runs of white space collapsed as a browser would.
QString htmlToText(const QString &html);

} // namespace Tidings
