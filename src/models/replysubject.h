// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tidings {

// The subject of a reply: "Re: " once, in front of the topic. Reply prefixes in other
// languages ("AW:", "SV:", "Antw:"), counted ones ("Re[2]:", "Re^3:") and repeats are taken
// off; a mailing-list tag ("[list]") is kept once, after the prefix. "Re: Fwd: x" stays a
// reply to a forward: "Re: Fwd: x".
QString replySubject(const QString &subject);
// The subject of a forward: "Fwd: " once; leading "Fw:", "WG:", "Fwd:" are replaced.
QString forwardSubject(const QString &subject);

} // namespace Tidings
