// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <optional>

namespace Tidings {

// The items of one untagged FETCH response ("* 12 FETCH (UID 7 BODY[1] {5}...)") that
// opening a message part by part uses.
struct PartsResponse
{
    qint64 sequence = 0;
    qint64 uid = 0;
    qint64 size = -1;         // RFC822.SIZE, -1 when not asked for
    QByteArray bodyStructure; // the BODYSTRUCTURE list as sent, for parseBodyStructure()
    // BODY[section] contents by section: "HEADER", "1.MIME", "1", "" (the whole message).
    QHash<QByteArray, QByteArray> sections;
};

// Nothing when `response` is not a FETCH response or cannot be read.
std::optional<PartsResponse> parsePartsResponse(const QByteArray &response);

} // namespace Tidings
