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

void Workspace::openMessage(qint64 uid)
{
    const QString account = m_selectedAccount;
    const QString path = m_selectedMailbox;
    qint64 mailboxId = 0;
    // A fetch that answers late is shown only if it is still the message asked for last:
    // same UID *and* same mailbox (UIDs repeat across mailboxes).
    const int request = ++m_openRequest;
    m_openUid = uid;
    std::optional<Envelope> envelope;
    if (m_cache) {
        mailboxId = m_cache->state(account, path).id;
        envelope = m_cache->envelope(mailboxId, uid);
        Error error;
        if (const auto cached = m_bodies->entry(mailboxId, uid, &error)) {
            if (!cached->isPartial()) {
                showBody(uid, cached->raw);
                return;
            }
            const auto parts = m_bodies->parts(mailboxId, uid, &error);
            if (!error.isError()) {
                const auto document =
                    MessageDocument::parsePartial(cached->raw, cached->structure, parts, &error);
                if (document) {
                    Q_EMIT messageOpened(uid, document);
                    return;
                }
            }
        }
        if (error.isError())
            Q_EMIT status(error.message); // the server still has it: go on
    }
    ImapConnection *connection = m_connections.value(account);
    if (!connection || connection->state() != ImapConnection::State::Ready) {
        Q_EMIT messageFailed(
            uid, {ErrorKind::Network, tr("This message has not been downloaded yet and %1 is "
                                         "offline.")
                                          .arg(account)});
        return;
    }
    // A draft is continued in a composer with all its attachments: always whole. So is a
    // message known to be small; one of unknown size learns its size with its structure.
    const bool whole =
        mailboxWithRole(account, MailboxRole::Drafts) == path ||
        (envelope && envelope->size > 0 && envelope->size <= PartialMessage::WholeMessageLimit);
    if (whole || !m_secretsByAccount.contains(account) || !partFetcher(account))
        openWhole(connection, path, mailboxId, uid, request);
    else
        openInParts(account, path, mailboxId, uid, request);
}

void Workspace::openWhole(ImapConnection *connection, const QString &path, qint64 mailboxId,
                          qint64 uid, int request)
{
    auto *fetcher = new BodyFetcher(connection, path, uid, this);
    connect(fetcher, &BodyFetcher::fetched, this,
            [this, uid, mailboxId, request](const QByteArray &raw) {
                cacheAndShow(mailboxId, uid, request, raw);
            });
    connect(fetcher, &BodyFetcher::finished, this, [this, uid, request](const Error &error) {
        if (error.isError() && request == m_openRequest)
            Q_EMIT messageFailed(uid, error);
    });
    fetcher->start();
}

void Workspace::cacheAndShow(qint64 mailboxId, qint64 uid, int request, const QByteArray &raw)
{
    Error parseError;
    const auto document = MessageDocument::parse(raw, &parseError);
    // Cached even when the user has moved on: it was asked for, it will be asked again.
    if (m_bodies && mailboxId) {
        Error e = m_bodies->store(mailboxId, uid, raw);
        if (!e.isError() && document)
            e = m_searchIndex->indexBody(mailboxId, uid, document->recipients(),
                                         document->plainText());
        if (e.isError())
            Q_EMIT status(e.message);
    }
    if (request != m_openRequest)
        return;
    if (document)
        Q_EMIT messageOpened(uid, document);
    else
        Q_EMIT messageFailed(uid, parseError);
}

void Workspace::openInParts(const QString &account, const QString &path, qint64 mailboxId,
                            qint64 uid, int request)
{
    // First round trip: what the message is made of, and its header.
    partFetcher(account)->fetch(
        path, uid, "RFC822.SIZE BODYSTRUCTURE BODY.PEEK[HEADER]", this,
        [this, account, path, mailboxId, uid, request](const PartsResponse &r, const Error &error) {
            if (error.isError()) {
                if (request == m_openRequest)
                    Q_EMIT messageFailed(uid, error);
                return;
            }
            showParts(account, path, mailboxId, uid, request, r);
        });
}

void Workspace::showParts(const QString &account, const QString &path, qint64 mailboxId, qint64 uid,
                          int request, const PartsResponse &first)
{
    auto fail = [this, uid, request](const Error &error) {
        if (request == m_openRequest)
            Q_EMIT messageFailed(uid, error);
    };
    QString why;
    const std::optional<BodyPart> structure = parseBodyStructure(first.bodyStructure, &why);
    PartFetcher *fetcher = partFetcher(account);
    if (!structure || (first.size >= 0 && first.size <= PartialMessage::WholeMessageLimit)) {
        // Small after all (or a structure we cannot read): the whole message, as before.
        if (!structure)
            qWarning("open: %s; fetching the whole message", qPrintable(why));
        fetcher->fetch(
            path, uid, "BODY.PEEK[]", this,
            [this, fail, mailboxId, uid, request](const PartsResponse &r, const Error &error) {
                if (error.isError())
                    fail(error);
                else
                    cacheAndShow(mailboxId, uid, request, r.sections.value(""));
            });
        return;
    }
    const QByteArray header = first.sections.value("HEADER");
    const QByteArray structureText = first.bodyStructure;
    const QList<QByteArray> sections = PartialMessage::sectionsToShow(*structure);
    auto finish = [this, fail, structure, header, structureText, sections, mailboxId, uid,
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
        if (m_bodies && mailboxId) {
            Error e = m_bodies->storePartial(mailboxId, uid, header, structureText, parts);
            if (!e.isError() && document)
                e = m_searchIndex->indexBody(mailboxId, uid, document->recipients(),
                                             document->plainText());
            if (e.isError())
                Q_EMIT status(e.message);
        }
        if (!document)
            fail(error);
        else if (request == m_openRequest)
            Q_EMIT messageOpened(uid, document);
    };
    if (sections.isEmpty()) {
        finish({});
        return;
    }
    QByteArrayList items;
    for (const QByteArray &section : sections)
        items.append(partItems(*structure, section));
    fetcher->fetch(path, uid, items.join(' '), this,
                   [fail, finish](const PartsResponse &r, const Error &error) {
                       if (error.isError())
                           fail(error);
                       else
                           finish(r);
                   });
}

void Workspace::fetchAttachment(const QByteArray &section, QObject *context, AttachmentDone done)
{
    const QString account = m_selectedAccount;
    const QString path = m_selectedMailbox;
    const qint64 uid = m_openUid;
    if (!m_cache || uid <= 0) {
        done({}, {ErrorKind::BadInput, tr("Open a message first.")});
        return;
    }
    const qint64 mailboxId = m_cache->state(account, path).id;
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
    if (!m_cache || m_openUid <= 0)
        return std::nullopt;
    const qint64 mailboxId = m_cache->state(m_selectedAccount, m_selectedMailbox).id;
    const std::optional<BodyCache::Entry> entry = m_bodies->entry(mailboxId, m_openUid, error);
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
                                    m_bodies->parts(mailboxId, m_openUid, error));
}

bool Workspace::openMessageMissesAttachments() const
{
    if (!m_cache || m_openUid <= 0)
        return false;
    const qint64 mailboxId = m_cache->state(m_selectedAccount, m_selectedMailbox).id;
    const std::optional<BodyCache::Entry> entry = m_bodies->entry(mailboxId, m_openUid);
    if (!entry || !entry->isPartial())
        return false;
    const auto document = MessageDocument::parsePartial(
        entry->raw, entry->structure, m_bodies->parts(mailboxId, m_openUid), nullptr);
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

void Workspace::showBody(qint64 uid, const QByteArray &raw)
{
    Error error;
    const auto document = MessageDocument::parse(raw, &error);
    if (!document) {
        Q_EMIT messageFailed(uid, error);
        return;
    }
    Q_EMIT messageOpened(uid, document);
}

} // namespace Tidings
