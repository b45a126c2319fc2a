// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tidings {

// Whether the text the user wrote says something is attached ("see the attached file",
// "anbei", "ci-joint"), so sending without an attachment deserves a question. Quoted lines
// ("> …", the message being answered) and the signature do not count: they are not what
// the user is saying now.
bool mentionsAttachment(const QString &plainBody);

} // namespace Tidings
