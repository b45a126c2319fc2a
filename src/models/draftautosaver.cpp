// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/draftautosaver.h"

#include "imap/draftuploader.h"
#include "store/draftstore.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>
#include <QUuid>
#include <utility>

namespace Tidings {

namespace {
struct AutosaveText
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::DraftAutosaver)
};
} // namespace

DraftAutosaver::DraftAutosaver(DraftStore *store, Snapshot snapshot, MimeMaker mime,
                               QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_snapshot(std::move(snapshot))
    , m_mime(std::move(mime))
{
    m_quiet.setSingleShot(true);
    m_quiet.setInterval(QuietMs);
    m_maxDelay.setSingleShot(true);
    m_maxDelay.setInterval(MaxDelayMs);
    connect(&m_quiet, &QTimer::timeout, this, [this] { saveNow(); });
    connect(&m_maxDelay, &QTimer::timeout, this, [this] { saveNow(); });
}

void DraftAutosaver::setDelaysForTest(int quietMs, int maxDelayMs)
{
    m_quiet.setInterval(quietMs);
    m_maxDelay.setInterval(maxDelayMs);
}

void DraftAutosaver::setServerTarget(DraftUploader *uploader, const QString &account,
                                     const QString &mailbox)
{
    if (m_uploader)
        disconnect(m_uploader, nullptr, this, nullptr);
    m_uploader = uploader;
    m_uploading = false; // answers from the old target are no longer awaited
    ++m_composeSerial;   // nor a composition started for it
    m_discarding = false;
    m_account = account;
    m_mailbox = mailbox;
    if (uploader) {
        connect(uploader, &DraftUploader::finished, this, &DraftAutosaver::onUploaded);
        connect(uploader, &DraftUploader::discarded, this, &DraftAutosaver::onDiscarded);
    }
}

Error DraftAutosaver::continueDraft(qint64 id)
{
    Error error;
    const std::optional<Draft> draft = m_store->load(id, &error);
    if (!draft) {
        return error.isError() ? error
                               : Error{ErrorKind::BadInput,
                                       AutosaveText::tr("draft %1 no longer exists").arg(id)};
    }
    m_id = id;
    m_messageId = draft->messageId;
    m_serverUid = m_store->serverCopy(id).uid;
    m_lastSaved = *draft;
    return {};
}

QByteArray DraftAutosaver::newMessageId(const QString &identityKey)
{
    QString domain = identityKey.section(QLatin1Char('@'), -1);
    if (!identityKey.contains(QLatin1Char('@')) || domain.isEmpty())
        domain = QStringLiteral("tidings.invalid"); // RFC 2606: never a real host
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + '@' + domain.toUtf8();
}

void DraftAutosaver::changed()
{
    if (m_finishing) {
        // No composer any more: what is saved locally goes up as it is.
        m_uploadWaiting = m_uploader != nullptr;
        if (m_uploadWaiting && !m_uploading && !m_discarding)
            startUpload();
        return;
    }
    m_dirty = true;
    m_quiet.start();
    if (!m_maxDelay.isActive())
        m_maxDelay.start();
}

Error DraftAutosaver::saveNow()
{
    m_quiet.stop();
    m_maxDelay.stop();
    Draft draft = m_snapshot();
    draft.id = m_id;
    if (m_messageId.isEmpty())
        m_messageId = draft.messageId.isEmpty() ? newMessageId(draft.identity) : draft.messageId;
    draft.messageId = m_messageId;
    if (const Error e = m_store->save(draft); e.isError()) {
        Q_EMIT localSaveFailed(e);
        return e;
    }
    m_id = draft.id;
    m_lastSaved = draft;
    m_dirty = false;
    Q_EMIT savedLocally(m_id);
    if (m_uploader) {
        m_uploadWaiting = true;
        if (!m_uploading && !m_discarding)
            startUpload();
    }
    return {};
}

void DraftAutosaver::startUpload()
{
    m_uploadWaiting = false;
    if (!m_uploader || m_uploader->isRunning()) {
        Q_EMIT serverSaveFailed(
            {ErrorKind::Usage, AutosaveText::tr("the draft uploader is busy elsewhere")});
        return;
    }
    m_uploading = true;
    const int serial = ++m_composeSerial;
    qint64 attached = 0;
    for (const DraftAttachment &a : std::as_const(m_lastSaved.attachments))
        attached += a.data.size();
    if (attached < WorkerComposeBytes) {
        uploadComposed(m_mime(m_lastSaved));
        return;
    }
    // Composing base64s every attachment: megabytes, so it runs on a worker, not while the
    // user types. The watcher dies with this autosaver; a late result then goes nowhere.
    auto promise = std::make_shared<QPromise<QByteArray>>();
    auto *watcher = new QFutureWatcher<QByteArray>(this);
    connect(watcher, &QFutureWatcher<QByteArray>::finished, this, [this, watcher, serial] {
        watcher->deleteLater();
        if (serial != m_composeSerial)
            return; // the target changed meanwhile, or a newer version is being composed
        uploadComposed(watcher->future().resultCount() > 0 ? watcher->result() : QByteArray());
    });
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, make = m_mime, draft = m_lastSaved] {
        promise->start();
        promise->addResult(make(draft));
        promise->finish();
    });
}

void DraftAutosaver::uploadComposed(const QByteArray &mime)
{
    if (m_uploader && m_uploader->isRunning())
        return; // never two uploads at once; the running one reports, then the next goes
    if (m_discardWaiting) {
        // Thrown away while it was being composed: it does not go up at all.
        m_uploading = false;
        startDiscard();
        return;
    }
    if (!m_uploader || mime.isEmpty()) {
        m_uploading = false;
        // No identity to write it as (removed since): it stays on this computer.
        Q_EMIT serverSaveFailed(
            {ErrorKind::BadInput, mime.isEmpty()
                                      ? AutosaveText::tr("the draft's identity no longer exists")
                                      : AutosaveText::tr("the Drafts mailbox is not reachable")});
        deleteWhenFinished();
        return;
    }
    m_uploader->upload(m_mailbox, mime, m_messageId, m_serverUid);
}

void DraftAutosaver::onUploaded(const DraftUpload &result)
{
    if (!m_uploading)
        return;
    m_uploading = false;
    if (result.stored) {
        if (result.uid > 0) {
            m_serverUid = result.uid;
            if (const Error e = m_store->setServerCopy(m_id, {m_account, m_mailbox, result.uid});
                e.isError())
                qWarning("draft %lld: server copy not recorded: %s", m_id, qPrintable(e.message));
        }
        // An older version that could not be removed is removed by the next save.
        if (result.error.isError())
            qWarning("draft %lld: %s", m_id, qPrintable(result.error.message));
        Q_EMIT savedToServer(result.uid);
    } else {
        Q_EMIT serverSaveFailed(result.error);
    }
    if (m_discardWaiting)
        startDiscard();
    else if (m_uploadWaiting)
        startUpload();
    deleteWhenFinished();
}

Error DraftAutosaver::discard()
{
    m_quiet.stop();
    m_maxDelay.stop();
    m_dirty = false;
    m_uploadWaiting = false;
    if (m_id != 0) {
        if (const Error e = m_store->remove(m_id); e.isError())
            return e;
        m_id = 0;
    }
    if (m_uploader && !m_messageId.isEmpty()) {
        m_discardWaiting = true;
        if (!m_uploading && !m_discarding)
            startDiscard();
    }
    return {};
}

void DraftAutosaver::startDiscard()
{
    m_discardWaiting = false;
    if (!m_uploader || m_uploader->isRunning()) {
        Q_EMIT serverRemoveFailed(
            {ErrorKind::Usage, AutosaveText::tr("the draft uploader is busy elsewhere")});
        return;
    }
    m_discarding = true;
    m_uploader->discard(m_mailbox, m_messageId, m_serverUid);
}

void DraftAutosaver::onDiscarded(const Error &error)
{
    if (!m_discarding)
        return;
    m_discarding = false;
    if (error.isError()) {
        Q_EMIT serverRemoveFailed(error);
    } else {
        m_serverUid = 0;
        Q_EMIT removedFromServer();
    }
    if (m_uploadWaiting)
        startUpload();
    deleteWhenFinished();
}

void DraftAutosaver::finishInBackground()
{
    m_quiet.stop();
    m_maxDelay.stop();
    // The composer (and what the snapshot reads) is going away; the last saved version is
    // all there is to upload.
    m_snapshot = [saved = m_lastSaved] { return saved; };
    m_finishing = true;
    QTimer::singleShot(BackgroundLimitMs, this, &QObject::deleteLater);
    deleteWhenFinished();
}

void DraftAutosaver::deleteWhenFinished()
{
    if (m_finishing && !m_uploading && !m_uploadWaiting && !m_discarding && !m_discardWaiting &&
        m_uploader)
        deleteLater();
}

} // namespace Tidings
