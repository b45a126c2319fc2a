// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QList>
#include <QObject>
#include <QStringList>

namespace Tidings {

class ImapConnection;

// UID SEARCH on the server for what the local index cannot know yet: the text of bodies
// never downloaded. Every word must occur in the headers or body (TEXT, RFC 3501 6.4.4).
// One use per object; it deletes itself after finished().
class ServerSearch : public QObject
{
    Q_OBJECT
public:
    ServerSearch(ImapConnection *connection, const QString &mailbox, const QStringList &words,
                 QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void finished(const QList<qint64> &uids, const Tidings::Error &error);

private:
    void search();
    void finish(const QList<qint64> &uids, const Error &error);

    ImapConnection *m_connection;
    QString m_mailbox;
    QStringList m_words;
    bool m_done = false;
};

} // namespace Tidings
