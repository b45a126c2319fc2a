// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QObject>

namespace Tidings {

class ImapConnection;

// Fetches one whole message (BODY.PEEK[], so opening it does not mark it read) on the
// account's command session. One use per object; it deletes itself after finished().
class BodyFetcher : public QObject
{
    Q_OBJECT
public:
    BodyFetcher(ImapConnection *connection, const QString &mailbox, qint64 uid,
                QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void fetched(const QByteArray &raw);
    void finished(const Tidings::Error &error);

private:
    void fetch();
    void finish(const Error &error);

    ImapConnection *m_connection;
    QString m_mailbox;
    qint64 m_uid;
    bool m_gotMessage = false;
    bool m_done = false;
};

} // namespace Tidings
