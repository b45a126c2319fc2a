// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayList>
#include <QList>
#include <QString>

namespace Tidings {

// RFC 6154 SPECIAL-USE roles, plus INBOX which RFC 3501 gives a fixed name.
enum class MailboxRole
{
    None,
    Inbox,
    Drafts,
    Sent,
    Trash,
    Junk,
    Archive,
    All,
    Flagged
};

// RFC 2342 namespaces: a mailbox is the user's own, another user's, or a shared one.
enum class NamespaceKind
{
    Personal,
    OtherUsers,
    Shared
};

struct Mailbox
{
    QString path; // full server name, e.g. "Shared/bob@example.test/Projects"
    QChar separator = QLatin1Char('/');
    MailboxRole role = MailboxRole::None;
    NamespaceKind namespaceKind = NamespaceKind::Personal;
    bool selectable = true;
    bool hasChildren = false;

    QString name() const; // last path component, for display
    QString parentPath() const;
    QStringList components() const;

    // Applies the LIST attributes the server reported (\Noselect, \Sent, ...).
    void applyAttributes(const QByteArrayList &attributes);
};

// Sort order of a mailbox tree level: INBOX first, then special-use folders in a fixed order
// users know from other clients, then the rest alphabetically.
bool mailboxDisplayLess(const Mailbox &a, const Mailbox &b);

QString roleName(MailboxRole role);

} // namespace Tidings
