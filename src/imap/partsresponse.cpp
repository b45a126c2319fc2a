// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/partsresponse.h"
#include "imap/imapreader.h"

namespace Tidings {

std::optional<PartsResponse> parsePartsResponse(const QByteArray &response)
{
    ImapReader reader(response);
    PartsResponse out;
    const auto star = reader.atom();
    const auto sequence = reader.number();
    const auto keyword = reader.atom();
    if (!star || *star != "*" || !sequence || !keyword ||
        keyword->compare("FETCH", Qt::CaseInsensitive) != 0 || !reader.openList())
        return std::nullopt;
    out.sequence = *sequence;
    while (!reader.closeList()) {
        const auto name = reader.atom();
        if (!name)
            return std::nullopt;
        const QByteArray item = name->toUpper();
        if (item == "UID") {
            const auto uid = reader.number();
            if (!uid)
                return std::nullopt;
            out.uid = *uid;
        } else if (item == "RFC822.SIZE") {
            const auto size = reader.number();
            if (!size)
                return std::nullopt;
            out.size = *size;
        } else if (item == "BODYSTRUCTURE") {
            const qsizetype start = reader.position();
            if (!reader.skip())
                return std::nullopt;
            out.bodyStructure = response.mid(start, reader.position() - start).trimmed();
        } else if (item.startsWith("BODY[") && item.endsWith(']')) {
            // BODY[1.MIME]: the section inside the brackets; an origin ("<0>") is never
            // asked for, so never answered.
            const auto content = reader.nstring();
            if (!content)
                return std::nullopt;
            out.sections.insert(name->mid(5, name->size() - 6).toUpper(),
                                content->isNull() ? QByteArray("") : *content);
        } else if (!reader.skip()) {
            return std::nullopt;
        }
    }
    return out;
}

} // namespace Tidings
