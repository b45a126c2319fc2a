// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"

#include <QList>
#include <QString>

namespace Tidings {

// What a user types in To/Cc/Bcc ("Ann <ann@example.test>, bob@example.test", names may be
// quoted and contain commas) as addresses. An entry that is not an address makes the whole
// list invalid: `error` names the entry, so nothing is sent to a half-read list.
QList<Address> parseAddressList(const QString &text, QString *error);

// The reverse, for filling the fields of a reply or a reopened draft.
QString formatAddressList(const QList<Address> &addresses);
QString formatAddress(const Address &address);

} // namespace Tidings
