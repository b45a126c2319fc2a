// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

namespace Tidings {

class ImapConnection;

// Asks the server how many messages of each mailbox are unseen (STATUS ... (UNSEEN),
// RFC 3501 6.3.10), one mailbox after another, without opening them.
class UnreadCounter : public QObject
{
    Q_OBJECT
public:
    UnreadCounter(ImapConnection *connection, const QStringList &mailboxes,
                  QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void counted(const QString &mailbox, int unseen);
    // A mailbox that refuses STATUS (no rights) is skipped, not an error of the account.
    void finished();

private:
    void next();

    ImapConnection *m_connection;
    QStringList m_queue;
};

} // namespace Tidings
