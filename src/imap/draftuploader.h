// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>

class KJob;

namespace Tidings {

class ImapConnection;

// What saving one version of a draft to the server came to.
struct DraftUpload
{
    bool stored = false; // the new version is on the server
    qint64 uid = 0;      // its UID; 0 when the server named none and a search found none
    // Why it was not stored (the previous version is untouched), or, when stored, why an
    // older version could not be removed (the next save tries again).
    Error error;
};

// Saves a draft to the account's \Drafts mailbox (RFC 6154): APPENDs the new version with
// \Draft \Seen, then removes the older versions. Every version of a draft has the same
// Message-ID, so the older ones are found by it (also those a crash left behind), and only
// ones with a lower UID than the new version are removed: UIDs ascend (RFC 3501 2.3.1.1),
// so a newer version saved by another client is never lost. The session is SELECTed:
// give it a connection of its own, as ActionReplayer has.
class DraftUploader : public QObject
{
    Q_OBJECT
public:
    explicit DraftUploader(ImapConnection *connection, QObject *parent = nullptr);
    ~DraftUploader() override = default;

    // `mime` is the whole message; `messageId` its Message-ID without angle brackets.
    // `previousUid` is removed when the Message-ID cannot be searched for (KIMAP does not
    // escape a quote or backslash in a search string). One upload at a time. Virtual as a
    // test seam: DraftAutosaver's tests replace the server.
    virtual void upload(const QString &mailbox, const QByteArray &mime, const QByteArray &messageId,
                        qint64 previousUid = 0);
    // Removes every server version of a draft (it was sent or thrown away). `knownUid` as
    // `previousUid` above.
    virtual void discard(const QString &mailbox, const QByteArray &messageId, qint64 knownUid = 0);
    virtual bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const Tidings::DraftUpload &result);
    void discarded(const Tidings::Error &error);

private:
    void append();
    void findVersions();
    void removeOlder(const QList<qint64> &uids);
    void expungeIfOnlyOurs(const QList<qint64> &uids);
    void start(const QString &mailbox, const QByteArray &messageId, qint64 previousUid);
    bool connected() const;
    // The error for a failed job: Network when the connection is gone, else Refused.
    Error failure(KJob *job, const QString &what) const;
    void finish(const Error &error);

    ImapConnection *m_connection;
    QString m_mailbox;
    QByteArray m_mime;
    QByteArray m_messageId;
    qint64 m_previousUid = 0;
    bool m_discarding = false; // every version goes, none is added
    DraftUpload m_result;
    bool m_running = false;
};

} // namespace Tidings

Q_DECLARE_METATYPE(Tidings::DraftUpload)
