// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/draft.h"
#include "core/error.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <functional>

namespace Tidings {

class DraftStore;
class DraftUploader;
struct DraftUpload;

// Keeps what the user types in a composer safe: after a pause in typing (or every so often
// while typing goes on) the draft is saved locally at once, then uploaded to the server's
// Drafts mailbox in the background. One upload runs at a time; edits made meanwhile wait
// and go up as one newer version. A failed upload never touches the local draft.
class DraftAutosaver : public QObject
{
    Q_OBJECT
public:
    using Snapshot = std::function<Draft()>; // the composer's current draft
    // The draft as RFC 5322 bytes; called on a worker thread, so it must not touch objects
    // of the GUI thread.
    using MimeMaker = std::function<QByteArray(const Draft &)>;

    DraftAutosaver(DraftStore *store, Snapshot snapshot, MimeMaker mime, QObject *parent = nullptr);

    // Where the server copy goes; without it (no \Drafts known, offline account) drafts
    // are kept locally only. The uploader serves this autosaver alone.
    void setServerTarget(DraftUploader *uploader, const QString &account, const QString &mailbox);
    // Continues a draft saved before (reopened from the Drafts list): its id, Message-ID
    // and server copy are taken over, so the next save replaces it.
    Error continueDraft(qint64 id);

    // The text or a field changed: saves after QuietMs without changes, or MaxDelayMs after
    // the first unsaved change, whichever comes first.
    void changed();
    // Saves now (Ctrl+S, the window closes). Returns the local save's error.
    Error saveNow();
    // The draft was sent or thrown away: the local draft goes now, the server's versions in
    // the background (after an upload still on its way). Returns the local removal's error.
    Error discard();
    // The composer closes: an upload on its way (or one waiting for the session to log in)
    // still happens, then the autosaver deletes itself; after BackgroundLimitMs it goes
    // anyway (the local draft is safe, and goes up at the next start).
    void finishInBackground();
    static constexpr int BackgroundLimitMs = 60000;

    bool hasUnsavedChanges() const { return m_dirty; }
    bool isUploading() const { return m_uploading; }

    qint64 draftId() const { return m_id; }
    QByteArray messageId() const { return m_messageId; }
    qint64 serverUid() const { return m_serverUid; }

    // A pause in typing this long is a good moment: short enough that a crash loses a
    // sentence at most, long enough not to write on every word.
    static constexpr int QuietMs = 3000;
    // Typing without pause is still saved this often (the "every few seconds").
    static constexpr int MaxDelayMs = 15000;
    // Attachments from this size on are composed (base64) on a worker thread: below it the
    // message takes well under a millisecond to build, above it typing would stutter.
    static constexpr qint64 WorkerComposeBytes = 256 * 1024;
    void setDelaysForTest(int quietMs, int maxDelayMs);

    // "<random>@<domain of the identity's address>": unique (RFC 5322 3.6.4) and stable
    // across the versions of a draft and the sent message.
    static QByteArray newMessageId(const QString &identityKey);

Q_SIGNALS:
    void savedLocally(qint64 draftId);
    void localSaveFailed(const Tidings::Error &error);
    void savedToServer(qint64 uid);
    // The server copy is the previous one (or none); the local draft is current.
    void serverSaveFailed(const Tidings::Error &error);
    void removedFromServer();
    void serverRemoveFailed(const Tidings::Error &error);

private:
    void startUpload();
    void uploadComposed(const QByteArray &mime);
    void onUploaded(const Tidings::DraftUpload &result);
    void startDiscard();
    void deleteWhenFinished();
    void onDiscarded(const Tidings::Error &error);

    DraftStore *m_store;
    Snapshot m_snapshot;
    MimeMaker m_mime;
    QPointer<DraftUploader> m_uploader;
    QString m_account;
    QString m_mailbox;
    QTimer m_quiet;
    QTimer m_maxDelay;
    qint64 m_id = 0;
    QByteArray m_messageId;
    qint64 m_serverUid = 0;
    Draft m_lastSaved;
    bool m_dirty = false;
    bool m_uploading = false;
    bool m_uploadWaiting = false;
    bool m_discarding = false;
    bool m_discardWaiting = false;
    bool m_finishing = false;
    int m_composeSerial = 0; // the composition whose result may still be uploaded
};

} // namespace Tidings
