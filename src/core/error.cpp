// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"

#include <QCoreApplication>

namespace Tidings {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None:
        return QCoreApplication::translate("Tidings::Error", "no error");
    case ErrorKind::Usage:
        return QCoreApplication::translate("Tidings::Error", "usage error");
    case ErrorKind::BadInput:
        return QCoreApplication::translate("Tidings::Error", "bad input");
    case ErrorKind::Network:
        return QCoreApplication::translate("Tidings::Error", "network error");
    case ErrorKind::Authentication:
        return QCoreApplication::translate("Tidings::Error", "authentication failed");
    case ErrorKind::Refused:
        return QCoreApplication::translate("Tidings::Error", "server refused");
    }
    return {};
}

} // namespace Tidings
