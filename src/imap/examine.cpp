// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/examine.h"
#include "imap/imapconnection.h"

#include <KIMAP/SelectJob>
#include <KIMAP/Session>
#include <QCoreApplication>

namespace Tidings {

void examineMailbox(ImapConnection *connection, const QString &mailbox, QObject *context,
                    const std::function<void(const Error &)> &next)
{
    KIMAP::Session *session = connection->session();
    if (!session) {
        next({ErrorKind::Network,
              QCoreApplication::translate("Tidings::ImapConnection", "not connected")});
        return;
    }
    // Always: KIMAP's selectedMailBox() changes only when a SELECT has completed, so a
    // SELECT of another mailbox still queued on the session would go unnoticed and the
    // command after it would run there. One round trip is the price of certainty.
    auto *select = new KIMAP::SelectJob(session);
    select->setMailBox(mailbox);
    select->setOpenReadOnly(true);
    QObject::connect(select, &KJob::result, context, [select, mailbox, next] {
        if (select->error())
            next({ErrorKind::Refused,
                  QCoreApplication::translate("Tidings::ImapConnection", "cannot open %1: %2")
                      .arg(mailbox, select->errorText())});
        else
            next({});
    });
    select->start();
}

} // namespace Tidings
