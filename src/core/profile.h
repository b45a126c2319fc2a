// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Tidings {

// A mailbox of an account, as a profile names it.
struct MailboxRef
{
    QString account;
    QString path;

    friend bool operator==(const MailboxRef &, const MailboxRef &) = default;
};

// A named view of the configuration: which accounts and which single mailboxes (typically
// another user's shared INBOX) show, which identity a new message starts with, and which
// signature it gets. An assistant's "Boss" profile shows the boss's shared INBOX with the
// send-on-behalf identity as default.
struct Profile
{
    QString name;
    QStringList accounts;        // shown with all their mailboxes
    QList<MailboxRef> mailboxes; // shown on their own, under their account
    QString defaultIdentity;     // an Identity::key(); empty: the first account's own
    QString signature;           // overrides the identity's when not empty

    bool showsAccount(const QString &account) const;
    bool showsMailbox(const QString &account, const QString &path) const;
    QString validate() const; // empty when usable, else why not (one line)
};

} // namespace Tidings
