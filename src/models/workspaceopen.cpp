// SPDX-License-Identifier: GPL-3.0-or-later
// Opening messages: from the cache, whole, or part by part; attachments on demand.
#include "models/workspace.h"

#include "imap/bodyfetcher.h"
#include "imap/imapconnection.h"
#include "imap/partfetcher.h"
#include "models/partialmessage.h"
#include "store/bodycache.h"
#include "store/messagecache.h"
#include "store/searchindex.h"

namespace Tidings {

namespace {
QByteArray partItems(const BodyPart &structure, const QByteArray &section)
{
    // The part's own MIME header gives its charset and transfer encoding exactly as sent.
    QByteArray items;
    if (PartialMessage::hasOwnMimeHeader(structure, section))
        items += "BODY.PEEK[" + section + ".MIME] ";
    return items + "BODY.PEEK[" + section + ']';
}
} // namespace

void Workspace::openMessage(const MessageKey &key)
{
    const MailboxRef where = mailboxOf(key.mailboxId);
    const qint64 mailboxId = key.mailboxId;
    const qint64 uid = key.uid;
    // A fetch that answers late is shown only if it is still the message asked for last:
    // same UID *and* same mailbox (UIDs repeat across mailboxes).
    const int request = ++m_openRequest;
    m_openKey = key;
    std::optional<Envelope> envelope;
    if (m_cache) {
        envelope = m_cache->envelope(mailboxId, uid);
        Error error;
        if (const auto cached = m_bodies->entry(mailboxId, uid, &error)) {
            if (!cached->isPartial()) {
                showBody(key, cached->raw);
                return;
            }
            const auto parts = m_bodies->parts(mailboxId, uid, &error);
            if (!error.isError()) {
                const auto document =
                    MessageDocument::parsePartial(cached->raw, cached->structure, parts, &error);
                if (document) {
                    Q_EMIT messageOpened(key, document);
                    return;
                }
            }
        }
        if (error.isError())
            Q_EMIT status(error.message); // the server still has it: go on
    }
    if (where.account.isEmpty()) {
        Q_EMIT messageFailed(key, {ErrorKind::BadInput, tr("This message is no longer listed.")});
        return;
    }
    // On the connection of the message's own account: the unified inbox lists several.
    ImapConnection *connection = m_connections.value(where.account);
    if (!connection || connection->state() != ImapConnection::State::Ready) {
        Q_EMIT messageFailed(
            key, {ErrorKind::Network, tr("This message has not been downloaded yet and %1 is "
                                         "offline.")
                                          .arg(where.account)});
        return;
    }
    // A draft is continued in a composer with all its attachments: always whole. So is a
    // message known to be small; one of unknown size learns its size with its structure.
    const bool whole =
        mailboxWithRole(where.account, MailboxRole::Drafts) == where.path ||
        (envelope && envelope->size > 0 && envelope->size <= PartialMessage::WholeMessageLimit);
    if (whole || !m_secretsByAccount.contains(where.account) || !partFetcher(where.account))
        openWhole(connection, key, where.path, request);
    else
        openInParts(key, where, request);
}

void Workspace::openWhole(ImapConnection *connection, const MessageKey &key, const QString &path,
                          int request)
{
    auto *fetcher = new BodyFetcher(connection, path, key.uid, this);
    connect(fetcher, &BodyFetcher::fetched, this,
            [this, key, request](const QByteArray &raw) { cacheAndShow(key, request, raw); });
    connect(fetcher, &BodyFetcher::finished, this, [this, key, request](const Error &error) {
        if (error.isError() && request == m_openRequest)
            Q_EMIT messageFailed(key, error);
    });
    fetcher->start();
}

void Workspace::cacheAndShow(const MessageKey &key, int request, const QByteArray &raw)
{
    Error parseError;
    const auto document = MessageDocument::parse(raw, &parseError);
    // Cached even when the user has moved on: it was asked for, it will be asked again.
    if (m_bodies && key.mailboxId) {
        Error e = m_bodies->store(key.mailboxId, key.uid, raw);
        if (!e.isError() && document)
            e = m_searchIndex->indexBody(key.mailboxId, key.uid, document->recipients(),
                                         document->plainText());
        if (e.isError())
            Q_EMIT status(e.message);
    }
    if (request != m_openRequest)
        return;
    if (document)
        Q_EMIT messageOpened(key, document);
    else
        Q_EMIT messageFailed(key, parseError);
}

void Workspace::openInParts(const MessageKey &key, const MailboxRef &where, int request)
{
    // First round trip: what the message is made of, and its header.
    partFetcher(where.account)
        ->fetch(where.path, key.uid, "RFC822.SIZE BODYSTRUCTURE BODY.PEEK[HEADER]", this,
                [this, key, where, request](const PartsResponse &r, const Error &error) {
                    if (error.isError()) {
                        if (request == m_openRequest)
                            Q_EMIT messageFailed(key, error);
                        return;
                    }
                    showParts(key, where, request, r);
                });
}

void Workspace::showParts(const MessageKey &key, const MailboxRef &where, int request,
                          const PartsResponse &first)
{
    auto fail = [this, key, request](const Error &error) {
        if (request == m_openRequest)
            Q_EMIT messageFailed(key, error);
    };
    QString why;
    const std::optional<BodyPart> structure = parseBodyStructure(first.bodyStructure, &why);
    PartFetcher *fetcher = partFetcher(where.account);
    if (!structure || (first.size >= 0 && first.size <= PartialMessage::WholeMessageLimit)) {
        // Small after all (or a structure we cannot read): the whole message, as before.
        if (!structure)
            qWarning("open: %s; fetching the whole message", qPrintable(why));
        fetcher->fetch(where.path, key.uid, "BODY.PEEK[]", this,
                       [this, fail, key, request](const PartsResponse &r, const Error &error) {
                           if (error.isError())
                               fail(error);
                           else
                               cacheAndShow(key, request, r.sections.value(""));
                       });
        return;
    }
    const QByteArray header = first.sections.value("HEADER");
    const QByteArray structureText = first.bodyStructure;
    const QList<QByteArray> sections = PartialMessage::sectionsToShow(*structure);
    auto finish = [this, fail, structure, header, structureText, sections, key,
                   request](const PartsResponse &r) {
        QHash<QByteArray, BodyCache::Part> parts;
        for (const QByteArray &section : sections) {
            const QByteArray mime = PartialMessage::hasOwnMimeHeader(*structure, section)
                                        ? r.sections.value(section + ".MIME")
                                        : header;
            parts.insert(section, {mime, r.sections.value(section)});
        }
        Error error;
        const auto document = MessageDocument::parsePartial(header, structureText, parts, &error);
        if (m_bodies && key.mailboxId) {
            Error e = m_bodies->storePartial(key.mailboxId, key.uid, header, structureText, parts);
            if (!e.isError() && document)
                e = m_searchIndex->indexBody(key.mailboxId, key.uid, document->recipients(),
                                             document->plainText());
            if (e.isError())
                Q_EMIT status(e.message);
        }
        if (!document)
            fail(error);
        else if (request == m_openRequest)
            Q_EMIT messageOpened(key, document);
    };
    if (sections.isEmpty()) {
        finish({});
        return;
    }
    QByteArrayList items;
    for (const QByteArray &section : sections)
        items.append(partItems(*structure, section));
    fetcher->fetch(where.path, key.uid, items.join(' '), this,
                   [fail, finish](const PartsResponse &r, const Error &error) {
                       if (error.isError())
                           fail(error);
                       else
                           finish(r);
                   });
}

void Workspace::fetchAttachment(const QByteArray &section, QObject *context, AttachmentDone done)
{
    const MailboxRef where = mailboxOf(m_openKey.mailboxId);
    const QString account = where.account;
    const QString path = where.path;
    const qint64 uid = m_openKey.uid;
    const qint64 mailboxId = m_openKey.mailboxId;
    if (!m_cache || !m_openKey.isValid()) {
        done({}, {ErrorKind::BadInput, tr("Open a message first.")});
        return;
    }
    Error error;
    if (const auto part = m_bodies->part(mailboxId, uid, section, &error)) {
        done(PartialMessage::decode(*part), {});
        return;
    }
    const std::optional<BodyCache::Entry> entry = m_bodies->entry(mailboxId, uid, &error);
    const std::optional<BodyPart> structure =
        entry && entry->isPartial() ? parseBodyStructure(entry->structure) : std::nullopt;
    if (!structure) {
        done({}, error.isError() ? error
                                 : Error{ErrorKind::BadInput,
                                         tr("This message is not in the cache any more; open "
                                            "it again.")});
        return;
    }
    ImapConnection *connection = m_connections.value(account);
    if (!connection || connection->state() != ImapConnection::State::Ready ||
        !m_secretsByAccount.contains(account) || !partFetcher(account)) {
        done({},
             {ErrorKind::Network,
              tr("This attachment has not been downloaded yet and %1 is offline.").arg(account)});
        return;
    }
    const bool ownMime = PartialMessage::hasOwnMimeHeader(*structure, section);
    const QByteArray header = entry->raw;
    partFetcher(account)->fetch(
        path, uid, partItems(*structure, section), context,
        [this, mailboxId, uid, section, ownMime, header, done](const PartsResponse &r,
                                                               const Error &error) {
            if (error.isError()) {
                done({}, error);
                return;
            }
            if (!r.sections.contains(section)) {
                done({}, {ErrorKind::Refused,
                          tr("the server sent no part %1").arg(QString::fromLatin1(section))});
                return;
            }
            const BodyCache::Part part{ownMime ? r.sections.value(section + ".MIME") : header,
                                       r.sections.value(section)};
            if (m_bodies) {
                if (const Error e = m_bodies->storePart(mailboxId, uid, section, part); e.isError())
                    Q_EMIT status(e.message);
            }
            done(PartialMessage::decode(part), {});
        });
}

std::optional<QByteArray> Workspace::openMessageRaw(Error *error) const
{
    if (!m_cache || !m_openKey.isValid())
        return std::nullopt;
    const qint64 mailboxId = m_openKey.mailboxId;
    const std::optional<BodyCache::Entry> entry = m_bodies->entry(mailboxId, m_openKey.uid, error);
    if (!entry || !entry->isPartial())
        return entry ? std::optional(entry->raw) : std::nullopt;
    QString why;
    const std::optional<BodyPart> structure = parseBodyStructure(entry->structure, &why);
    if (!structure) {
        if (error)
            *error = {ErrorKind::BadInput, why};
        return std::nullopt;
    }
    return PartialMessage::assemble(entry->raw, *structure,
                                    m_bodies->parts(mailboxId, m_openKey.uid, error));
}

bool Workspace::openMessageMissesAttachments() const
{
    if (!m_cache || !m_openKey.isValid())
        return false;
    const qint64 mailboxId = m_openKey.mailboxId;
    const std::optional<BodyCache::Entry> entry = m_bodies->entry(mailboxId, m_openKey.uid);
    if (!entry || !entry->isPartial())
        return false;
    const auto document = MessageDocument::parsePartial(
        entry->raw, entry->structure, m_bodies->parts(mailboxId, m_openKey.uid), nullptr);
    if (!document)
        return true;
    const QList<Attachment> files = document->attachments();
    return std::any_of(files.cbegin(), files.cend(),
                       [](const Attachment &a) { return !a.isDownloaded(); });
}

PartFetcher *Workspace::partFetcher(const QString &account)
{
    if (PartFetcher *existing = m_partFetchers.value(account))
        return existing;
    for (const Account &a : std::as_const(m_accounts)) {
        if (a.name == account) {
            auto *fetcher = new PartFetcher(a, m_secretsByAccount.value(account), this);
            m_partFetchers.insert(account, fetcher);
            return fetcher;
        }
    }
    return nullptr;
}

void Workspace::showBody(const MessageKey &key, const QByteArray &raw)
{
    Error error;
    const auto document = MessageDocument::parse(raw, &error);
    if (!document) {
        Q_EMIT messageFailed(key, error);
        return;
    }
    Q_EMIT messageOpened(key, document);
}

} // namespace Tidings
