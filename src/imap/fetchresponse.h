// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"

#include <QByteArray>

namespace Tidings {

// INTERIM (replaced by the fast parser): one untagged FETCH response of the bulk header fetch.
struct FetchResponse
{
    bool hasHeaders = false;
    Envelope envelope;
};
bool parseFetchResponse(const QByteArray &response, FetchResponse *out);

} // namespace Tidings
