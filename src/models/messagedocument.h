// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "store/bodycache.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <memory>

namespace KMime {
class Content;
class Message;
} // namespace KMime

namespace Tidings {

// One part a user can save or open: a named file, not the text being read.
struct Attachment
{
    QString name;
    QString mimeType;
    qint64 size = 0; // decoded bytes (estimated from the structure until downloaded)
    // The IMAP part to download it from; empty when its bytes are in the document.
    QByteArray section;
    bool isDownloaded() const { return section.isEmpty(); }
};

// A parsed message as the viewer and `export-pdf` show it: the summary headers, the body as
// one HTML document (the sender's HTML, or the plain text escaped and linked), the
// attachments, and the inline parts a `cid:` URL names (RFC 2392).
class MessageDocument
{
public:
    enum class Headers
    {
        None,    // the body alone: the viewer draws the headers itself, out of the
                 // sender's reach (a style sheet in the mail cannot hide or fake them)
        Summary, // From, To, Cc, Date, Subject, attachments (printing)
        All,     // every header field as sent
    };

    // A BadInput error when the bytes are not a mail message at all.
    static std::shared_ptr<const MessageDocument> parse(const QByteArray &raw, Error *error);
    // A message opened part by part (see PartialMessage): its header, its BODYSTRUCTURE and
    // the parts fetched so far. Attachments not fetched are listed with their section.
    static std::shared_ptr<const MessageDocument>
    parsePartial(const QByteArray &header, const QByteArray &structure,
                 const QHash<QByteArray, BodyCache::Part> &parts, Error *error);
    ~MessageDocument();

    QString subject() const;
    QString senderEmail() const; // From's address: whose remote content may be trusted
    QString senderDisplay() const;
    QString recipients() const; // To and Cc, as written
    QString to() const;
    QString cc() const;
    QDateTime date() const;
    QString rawHeaders() const;
    bool isHtml() const;

    QList<Attachment> attachments() const;
    // Empty for an attachment not downloaded yet (Attachment::section says which part).
    QByteArray attachmentData(int index) const;
    // Some attachments may still be on the server.
    bool isPartial() const { return m_partial; }
    // The inline part a cid: URL names, with its MIME type; empty when there is none.
    QByteArray contentById(const QString &contentId, QByteArray *mimeType) const;

    // Plain text of the body, for search and quoting.
    QString plainText() const;
    // The whole page: header block, then the body. Attachment links are
    // AttachmentUrlPrefix followed by the attachment's index.
    QString html(Headers headers) const;
    static QString attachmentUrlPrefix();

private:
    MessageDocument();
    QString headerBlock(Headers headers) const;
    QString bodyHtml() const;

    // A part of a partial document that is only a stand-in for one not fetched.
    QByteArray missingSection(const KMime::Content *part) const;

    std::unique_ptr<KMime::Message> m_message;
    bool m_partial = false;
    QList<KMime::Content *> m_attachments;
};

} // namespace Tidings
