// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/outboxentry.h"

#include <QCoreApplication>

namespace Tidings {

QString outboxStateName(OutboxState state)
{
    switch (state) {
    case OutboxState::Queued:
        return QCoreApplication::translate("Tidings::Outbox", "waiting to be sent");
    case OutboxState::Sending:
        return QCoreApplication::translate("Tidings::Outbox", "sending");
    case OutboxState::Accepted:
        return QCoreApplication::translate("Tidings::Outbox", "sent, not yet saved to Sent");
    case OutboxState::Saved:
        return QCoreApplication::translate("Tidings::Outbox", "sent and saved");
    case OutboxState::Done:
        return QCoreApplication::translate("Tidings::Outbox", "sent");
    case OutboxState::Failed:
        return QCoreApplication::translate("Tidings::Outbox", "not sent: refused");
    case OutboxState::Interrupted:
        return QCoreApplication::translate(
            "Tidings::Outbox", "interrupted while sending: it may or may not have gone out; "
                               "check the recipient's copy or your Sent mailbox before sending "
                               "it again");
    }
    return {};
}

} // namespace Tidings
