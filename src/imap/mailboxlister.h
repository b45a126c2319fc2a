// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/mailbox.h"

#include <KIMAP/ListJob>
#include <QObject>
#include <QSet>

namespace Tidings {

class ImapConnection;

// Lists every mailbox of an account, including other users' and shared namespaces
// (RFC 2342), with SPECIAL-USE roles (RFC 6154). One use per object.
class MailboxLister : public QObject
{
    Q_OBJECT
public:
    explicit MailboxLister(ImapConnection *connection, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void finished(const QList<Tidings::Mailbox> &mailboxes, const Tidings::Error &error);

private:
    void list();
    void finish(const Error &error);

    ImapConnection *m_connection;
    QList<Mailbox> m_mailboxes;
    QStringList m_otherUsersPrefixes;
    QStringList m_sharedPrefixes;
    QList<KIMAP::MailBoxDescriptor> m_namespaces;
    QSet<QString> m_seen;
    bool m_done = false;
};

} // namespace Tidings
