// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/error.h"
#include "imap/partsresponse.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>

namespace Tidings {

class ImapClient;

// Fetches pieces of single messages (BODYSTRUCTURE, a header, some parts) for an account on a
// connection of its own (ImapClient), one request at a time: what opening a big message part
// by part and saving its attachments need. KIMAP cannot do it: its BODYSTRUCTURE parsing
// drops sizes, encodings, charsets and names (FetchJobPrivate::parsePart).
// The connection is opened at the first request and again after it dropped.
class PartFetcher : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const PartsResponse &response, const Error &error)>;

    PartFetcher(const Account &account, const QString &password, QObject *parent = nullptr);
    ~PartFetcher() override;

    // `items` are FETCH data items ("BODYSTRUCTURE BODY.PEEK[HEADER]"); the UID is always
    // asked for. `done` runs once, unless `context` is gone by then. A message no longer in
    // the mailbox is an error, not an empty response.
    void fetch(const QString &mailbox, qint64 uid, const QByteArray &items, QObject *context,
               Done done);
    // A renewed password or OAuth token, for the next login: a connection already logged in
    // stays as it is.
    void setPassword(const QString &password) { m_password = password; }

private:
    struct Request
    {
        QString mailbox;
        qint64 uid = 0;
        QByteArray items;
        QPointer<QObject> context;
        Done done;
    };
    void next();
    void connectClient();
    void onUntagged(const QByteArray &response);
    void onCompleted(const QByteArray &tag, bool ok, const QString &text);
    void finish(const Error &error);
    void failAll(const Error &error);

    Account m_account;
    QString m_password;
    ImapClient *m_client = nullptr;
    bool m_ready = false;
    QList<Request> m_queue;
    bool m_busy = false;
    QByteArray m_examineTag;
    QByteArray m_fetchTag;
    PartsResponse m_response;
    bool m_found = false;
};

} // namespace Tidings
