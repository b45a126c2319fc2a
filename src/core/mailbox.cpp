// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/mailbox.h"

#include <QCoreApplication>

namespace Tidings {

QString Mailbox::name() const
{
    const QStringList parts = components();
    return parts.isEmpty() ? path : parts.constLast();
}

QString Mailbox::parentPath() const
{
    const qsizetype at = separator.isNull() ? -1 : path.lastIndexOf(separator);
    return at < 0 ? QString() : path.left(at);
}

QStringList Mailbox::components() const
{
    if (separator.isNull())
        return {path};
    return path.split(separator, Qt::SkipEmptyParts);
}

void Mailbox::applyAttributes(const QByteArrayList &attributes)
{
    for (const QByteArray &raw : attributes) {
        const QByteArray a = raw.toLower();
        if (a == "\\noselect" || a == "\\nonexistent")
            selectable = false;
        else if (a == "\\haschildren")
            hasChildren = true;
        else if (a == "\\sent")
            role = MailboxRole::Sent;
        else if (a == "\\drafts")
            role = MailboxRole::Drafts;
        else if (a == "\\trash")
            role = MailboxRole::Trash;
        else if (a == "\\junk")
            role = MailboxRole::Junk;
        else if (a == "\\archive")
            role = MailboxRole::Archive;
        else if (a == "\\all")
            role = MailboxRole::All;
        else if (a == "\\flagged")
            role = MailboxRole::Flagged;
    }
    // RFC 3501 5.1: INBOX is case-insensitive and always the user's inbox.
    if (namespaceKind == NamespaceKind::Personal &&
        path.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        role = MailboxRole::Inbox;
}

bool mailboxDisplayLess(const Mailbox &a, const Mailbox &b)
{
    if (a.namespaceKind != b.namespaceKind)
        return a.namespaceKind < b.namespaceKind;
    auto rank = [](MailboxRole r) {
        switch (r) {
        case MailboxRole::Inbox:
            return 0;
        case MailboxRole::Drafts:
            return 1;
        case MailboxRole::Sent:
            return 2;
        case MailboxRole::Archive:
            return 3;
        case MailboxRole::Junk:
            return 4;
        case MailboxRole::Trash:
            return 5;
        default:
            return 6;
        }
    };
    if (rank(a.role) != rank(b.role))
        return rank(a.role) < rank(b.role);
    return a.path.localeAwareCompare(b.path) < 0;
}

QString roleName(MailboxRole role)
{
    const char *text = "";
    switch (role) {
    case MailboxRole::None:
        return {};
    case MailboxRole::Inbox:
        text = QT_TRANSLATE_NOOP("Tidings::Mailbox", "Inbox");
        break;
    case MailboxRole::Drafts:
        text = QT_TRANSLATE_NOOP("Tidings::Mailbox", "Drafts");
        break;
    case MailboxRole::Sent:
        text = QT_TRANSLATE_NOOP("Tidings::Mailbox", "Sent");
        break;
    case MailboxRole::Trash:
        text = QT_TRANSLATE_NOOP("Tidings::Mailbox", "Trash");
        break;
    case MailboxRole::Junk:
        text = QT_TRANSLATE_NOOP("Tidings::Mailbox", "Junk");
        break;
    case MailboxRole::Archive:
        text = QT_TRANSLATE_NOOP("Tidings::Mailbox", "Archive");
        break;
    case MailboxRole::All:
        text = QT_TRANSLATE_NOOP("Tidings::Mailbox", "All Mail");
        break;
    case MailboxRole::Flagged:
        text = QT_TRANSLATE_NOOP("Tidings::Mailbox", "Flagged");
        break;
    }
    return QCoreApplication::translate("Tidings::Mailbox", text);
}

} // namespace Tidings
