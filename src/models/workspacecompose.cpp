// SPDX-License-Identifier: GPL-3.0-or-later
// Workspace: new messages, replies and forwards, drafts, and the outbox.
#include "models/workspace.h"

#include "imap/draftuploader.h"
#include "imap/imapconnection.h"
#include "models/actionrunner.h"
#include "models/addresscompleter.h"
#include "models/draftautosaver.h"
#include "models/draftfrommessage.h"
#include "models/messagecomposer.h"
#include "models/outboxrunner.h"
#include "store/bodycache.h"
#include "store/draftstore.h"
#include "store/messagecache.h"
#include "store/outbox.h"
#include "store/recipienthistory.h"

#include <QLocale>

namespace Tidings {

namespace {
// The composer window keeps the signature in the text, where the user sees and may change
// it; the message is composed from that text as it is.
Identity withoutSignature(Identity identity)
{
    identity.signature.clear();
    return identity;
}

Address ownerOf(const Account &account)
{
    return {account.displayName, account.email};
}
} // namespace

void Workspace::setUpOutbox()
{
    m_outbox = std::make_unique<Outbox>(*m_db);
    m_drafts = std::make_unique<DraftStore>(*m_db);
    m_completer = std::make_unique<AddressCompleter>(*m_db);
    m_outboxRunner = new OutboxRunner(m_outbox.get(), m_actions.get(), this);
    connect(m_outboxRunner, &OutboxRunner::answeredQueued, this, [this](const QString &account) {
        if (m_runner)
            m_runner->replay(account);
        const QList<MailboxRef> shown = shownMailboxes();
        if (std::any_of(shown.cbegin(), shown.cend(),
                        [&account](const MailboxRef &m) { return m.account == account; }))
            showCached();
    });
    connect(m_outboxRunner, &OutboxRunner::entryChanged, this, [this](const OutboxEntry &entry) {
        const QString subject = entry.subject.isEmpty() ? tr("(no subject)") : entry.subject;
        switch (entry.state) {
        case OutboxState::Queued:
            Q_EMIT status(entry.lastError.isEmpty()
                              ? tr("“%1” is waiting to be sent").arg(subject)
                              : tr("“%1” waits (%2); next try at %3")
                                    .arg(subject, entry.lastError,
                                         QLocale().toString(entry.retryAt.toLocalTime().time(),
                                                            QLocale::ShortFormat)));
            break;
        case OutboxState::Sending:
            Q_EMIT status(tr("Sending “%1”…").arg(subject));
            break;
        case OutboxState::Accepted:
            Q_EMIT status(entry.lastError.isEmpty()
                              ? tr("“%1” was sent; saving the copy…").arg(subject)
                              : tr("“%1” was sent, but not saved to Sent (%2); retrying")
                                    .arg(subject, entry.lastError));
            // It went out: its draft goes, so it cannot be sent a second time from Drafts.
            if (entry.draftId > 0)
                removeDraft(entry.draftId);
            break;
        case OutboxState::Saved:
            Q_EMIT status(tr("Sent “%1”").arg(subject));
            break;
        case OutboxState::Done:
            Q_EMIT status(tr("Sent “%1”").arg(subject));
            break;
        case OutboxState::Failed:
            Q_EMIT status(tr("“%1” was not sent: %2").arg(subject, entry.lastError));
            break;
        case OutboxState::Interrupted:
            Q_EMIT status(tr("“%1” may or may not have been sent (%2); check the outbox")
                              .arg(subject, entry.lastError));
            break;
        }
        Q_EMIT outboxChanged(entry);
    });
    Error error;
    const int interrupted = m_outboxRunner->recoverInterrupted(&error);
    if (error.isError())
        Q_EMIT status(error.message);
    else if (interrupted > 0)
        Q_EMIT status(tr("%n message(s) were being sent when Tidings stopped and may not have "
                         "gone out; see the outbox",
                         nullptr, interrupted));
}

Draft Workspace::newDraft() const
{
    Draft draft;
    if (const std::optional<Identity> identity = defaultIdentity())
        draft.identity = identity->key();
    return draft;
}

std::optional<Draft> Workspace::replyDraft(ReplyMode mode, Error *error) const
{
    auto fail = [error](const QString &why) -> std::optional<Draft> {
        if (error)
            *error = {ErrorKind::BadInput, why};
        return std::nullopt;
    };
    const MailboxRef where = mailboxOf(m_openKey.mailboxId);
    if (!m_cache || !m_openKey.isValid() || where.account.isEmpty())
        return fail(tr("Open a message first."));
    Error readError;
    const std::optional<QByteArray> raw = openMessageRaw(&readError);
    if (!raw)
        return fail(readError.isError() ? readError.message
                                        : tr("The message is still being downloaded."));
    // A forward carries the attachments along: it must not go out with empty ones.
    if ((mode == ReplyMode::ForwardInline || mode == ReplyMode::ForwardAsAttachment) &&
        openMessageMissesAttachments())
        return fail(tr("Some attachments of this message are still on the server: open "
                       "or save them first, then forward it."));
    std::optional<Identity> preferred = defaultIdentity();
    // Another user's mailbox shown through a profile: answer as the profile's identity
    // when the original names none of ours. A message of another account (the unified
    // inbox) is answered from that account, as the one it arrived at.
    if (!preferred || preferred->account != where.account) {
        for (const Identity &i : m_identities) {
            if (i.kind == IdentityKind::Own && i.account == where.account) {
                preferred = i;
                break;
            }
        }
    }
    const ReplyBuilder builder(m_identities, preferred ? preferred->key() : QString());
    return builder.build(mode, *raw, {where.account, where.path, m_openKey.uid}, error);
}

std::optional<OutboxEntry> Workspace::outboxEntryForDraft(qint64 draftId) const
{
    if (!m_outbox || draftId <= 0)
        return std::nullopt;
    for (const OutboxEntry &e : m_outbox->entries()) {
        if (e.draftId == draftId && e.state != OutboxState::Done)
            return e;
    }
    return std::nullopt;
}

Error Workspace::send(const Draft &draft)
{
    if (!m_outboxRunner)
        return {ErrorKind::BadInput, m_openError};
    const std::optional<Identity> identity = findIdentity(m_identities, draft.identity);
    const auto account =
        std::find_if(m_accounts.cbegin(), m_accounts.cend(),
                     [&](const Account &a) { return identity && a.name == identity->account; });
    if (!identity || account == m_accounts.cend())
        return {ErrorKind::BadInput, tr("there is no identity %1").arg(draft.identity)};
    Draft queued = draft;
    Error e;
    // The same draft sent again (from Drafts, while the first attempt still waits) replaces
    // the waiting message; one the server took already is not sent twice.
    if (const std::optional<OutboxEntry> existing = outboxEntryForDraft(draft.id)) {
        if (existing->isPastSmtp() || existing->state == OutboxState::Sending)
            return {ErrorKind::Refused, tr("this message is being sent or was sent already")};
        e = m_outboxRunner->edit(existing->id, queued, withoutSignature(*identity), *account);
    } else {
        e = m_outboxRunner->submit(queued, withoutSignature(*identity), *account, nullptr);
    }
    if (e.isError())
        return e;
    if (const Error h = RecipientHistory(*m_db).recordRecipients(queued.recipients()); h.isError())
        Q_EMIT status(h.message);
    return {};
}

void Workspace::removeDraft(qint64 draftId)
{
    Error error;
    const std::optional<Draft> draft = m_drafts->load(draftId, &error);
    if (!draft) {
        // Gone already (a second Accepted report after a failed Sent copy): nothing to do.
        if (error.isError())
            Q_EMIT status(error.message);
        return;
    }
    const DraftServerCopy copy = m_drafts->serverCopy(draftId, &error);
    if (error.isError())
        Q_EMIT status(error.message);
    if (const Error e = m_drafts->remove(draftId); e.isError())
        Q_EMIT status(e.message);
    const auto account = std::find_if(m_accounts.cbegin(), m_accounts.cend(),
                                      [&](const Account &a) { return a.name == copy.account; });
    if (!copy.isValid() || account == m_accounts.cend() ||
        !m_secretsByAccount.contains(copy.account))
        return;
    // The server's Drafts copy goes on a short-lived session of its own.
    auto *connection = new ImapConnection(*account, this);
    auto *uploader = new DraftUploader(connection, connection);
    connect(connection, &ImapConnection::failed, connection, &QObject::deleteLater);
    connect(uploader, &DraftUploader::discarded, connection, [this, connection](const Error &e) {
        if (e.isError())
            Q_EMIT status(
                tr("The sent message's draft could not be removed from Drafts: %1").arg(e.message));
        connection->deleteLater();
    });
    connect(connection, &ImapConnection::ready, uploader,
            [uploader, copy, messageId = draft->messageId] {
                uploader->discard(copy.mailbox, messageId, copy.uid);
            });
    connection->open(m_secretsByAccount.value(copy.account));
}

DraftAutosaver *Workspace::createAutosaver(std::function<Draft()> snapshot, QObject *owner)
{
    if (!m_drafts)
        return nullptr;
    // Runs on a worker (attachments make it heavy): it works on copies, not on this.
    auto mime = [identities = m_identities, accounts = m_accounts](const Draft &d) -> QByteArray {
        const std::optional<Identity> identity = findIdentity(identities, d.identity);
        const auto account =
            std::find_if(accounts.cbegin(), accounts.cend(),
                         [&](const Account &a) { return identity && a.name == identity->account; });
        if (!identity || account == accounts.cend())
            return {};
        Draft copy = d;
        QByteArray bytes;
        MessageComposer(withoutSignature(*identity), ownerOf(*account))
            .compose(copy, &bytes, MessageComposer::Purpose::Draft);
        return bytes;
    };
    auto *saver = new DraftAutosaver(m_drafts.get(), std::move(snapshot), mime, owner);
    return saver;
}

void Workspace::setDraftTarget(DraftAutosaver *saver, const QString &identityKey)
{
    if (!saver)
        return;
    // One Drafts session per composer: the one for an identity chosen before goes (a late
    // login of it must not make its account the target again).
    const QString SessionName = QStringLiteral("draftsSession");
    delete saver->findChild<ImapConnection *>(SessionName, Qt::FindDirectChildrenOnly);
    const std::optional<Identity> identity = findIdentity(m_identities, identityKey);
    const auto account =
        std::find_if(m_accounts.cbegin(), m_accounts.cend(),
                     [&](const Account &a) { return identity && a.name == identity->account; });
    const QString drafts =
        identity ? mailboxWithRole(identity->account, MailboxRole::Drafts) : QString();
    if (!identity || account == m_accounts.cend() || drafts.isEmpty() ||
        !m_secretsByAccount.contains(identity->account)) {
        // Not online or not listed yet: kept locally, and tried again when it is.
        if (!m_draftTargetsWanted.contains(saver))
            connect(saver, &QObject::destroyed, this,
                    [this, saver] { m_draftTargetsWanted.remove(saver); });
        m_draftTargetsWanted.insert(saver, identityKey);
        return;
    }
    m_draftTargetsWanted.remove(saver);
    // The uploader SELECTs Drafts, so it gets a session of its own, living with the saver.
    // It becomes the target once logged in; a version saved meanwhile goes up then.
    auto *connection = new ImapConnection(*account, saver);
    connection->setObjectName(SessionName);
    auto *uploader = new DraftUploader(connection, connection);
    connect(connection, &ImapConnection::ready, saver,
            [saver, uploader, name = account->name, drafts] {
                saver->setServerTarget(uploader, name, drafts);
                if (saver->draftId() > 0)
                    saver->changed();
            });
    connect(connection, &ImapConnection::failed, saver, [this](const Error &e) {
        Q_EMIT status(tr("Drafts are kept on this computer only: %1").arg(e.message));
    });
    connection->open(m_secretsByAccount.value(account->name));
}

void Workspace::setWantedDraftTargets(const QString &account)
{
    const QHash<DraftAutosaver *, QString> wanted = m_draftTargetsWanted;
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        const std::optional<Identity> identity = findIdentity(m_identities, it.value());
        if (identity && identity->account == account)
            setDraftTarget(it.key(), it.value());
    }
}

bool Workspace::openMessageIsDraft() const
{
    const MailboxRef where = mailboxOf(m_openKey.mailboxId);
    return m_openKey.isValid() && !where.path.isEmpty() &&
           mailboxWithRole(where.account, MailboxRole::Drafts) == where.path;
}

std::optional<Draft> Workspace::continueOpenDraft(Error *error)
{
    if (!openMessageIsDraft() || !m_drafts)
        return std::nullopt;
    const MailboxRef where = mailboxOf(m_openKey.mailboxId);
    const std::optional<QByteArray> raw = m_bodies->raw(m_openKey.mailboxId, m_openKey.uid, error);
    if (!raw)
        return std::nullopt;
    std::optional<Draft> parsed = draftFromMessage(*raw, m_identities, error);
    if (!parsed)
        return std::nullopt;
    // Saved here before: the local copy has everything, also what is newer than the server's.
    for (const DraftSummary &summary : m_drafts->list()) {
        std::optional<Draft> local = m_drafts->load(summary.id);
        if (local && !parsed->messageId.isEmpty() && local->messageId == parsed->messageId)
            return local;
    }
    if (parsed->identity.isEmpty()) {
        if (const std::optional<Identity> fallback = defaultIdentity())
            parsed->identity = fallback->key();
    }
    if (const Error e = m_drafts->save(*parsed); e.isError()) {
        if (error)
            *error = e;
        return std::nullopt;
    }
    m_drafts->setServerCopy(parsed->id, {where.account, where.path, m_openKey.uid});
    return parsed;
}

void Workspace::uploadLocalDrafts(const QString &account)
{
    // Drafts that never reached the server (written offline, or Tidings stopped before the
    // first upload) go up once the account is online, so they are in Drafts like any other.
    if (!m_drafts || m_draftsSwept.contains(account))
        return;
    m_draftsSwept.insert(account);
    for (const DraftSummary &summary : m_drafts->list()) {
        const std::optional<Identity> identity = findIdentity(m_identities, summary.identity);
        // A draft in the outbox is on its way out: in Drafts it could be sent a second time.
        if (summary.serverCopy.isValid() || !identity || identity->account != account ||
            outboxEntryForDraft(summary.id))
            continue;
        const std::optional<Draft> draft = m_drafts->load(summary.id);
        if (!draft)
            continue;
        DraftAutosaver *saver = createAutosaver([d = *draft] { return d; }, this);
        if (saver->continueDraft(summary.id).isError()) {
            delete saver;
            continue;
        }
        setDraftTarget(saver, draft->identity);
        saver->finishInBackground();
    }
}

QStringList Workspace::completeAddress(const QString &typed) const
{
    return m_completer ? m_completer->complete(typed) : QStringList();
}

QList<OutboxEntry> Workspace::outboxEntries() const
{
    QList<OutboxEntry> open;
    if (!m_outbox)
        return open;
    for (const OutboxEntry &e : m_outbox->entries()) {
        if (e.state != OutboxState::Done)
            open.append(e);
    }
    return open;
}

Error Workspace::retrySend(qint64 outboxId)
{
    return m_outboxRunner ? m_outboxRunner->retry(outboxId)
                          : Error{ErrorKind::BadInput, m_openError};
}

Error Workspace::discardSend(qint64 outboxId)
{
    return m_outboxRunner ? m_outboxRunner->discard(outboxId)
                          : Error{ErrorKind::BadInput, m_openError};
}

std::optional<Draft> Workspace::takeBackForEditing(qint64 outboxId, Error *error)
{
    const std::optional<OutboxEntry> entry = m_outbox ? m_outbox->find(outboxId) : std::nullopt;
    if (!entry || entry->isPastSmtp()) {
        if (error)
            *error = {ErrorKind::BadInput, tr("This message was sent already.")};
        return std::nullopt;
    }
    std::optional<Draft> draft =
        entry->draftId > 0 ? m_drafts->load(entry->draftId, error) : std::nullopt;
    if (!draft) {
        if (error && !error->isError())
            *error = {ErrorKind::BadInput,
                      tr("the draft of this message is gone; it can be sent again or "
                         "discarded, not edited")};
        return std::nullopt;
    }
    if (const Error e = m_outboxRunner->discard(outboxId); e.isError()) {
        if (error)
            *error = e;
        return std::nullopt;
    }
    return draft;
}

} // namespace Tidings
