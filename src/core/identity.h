// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/envelope.h"

#include <QList>
#include <QString>
#include <optional>

namespace Tidings {

enum class IdentityKind
{
    Own,       // the account's own address (implicit, from accounts.ini)
    Alias,     // another address of the same person on this account
    Delegated, // someone else's address the account owner may send for
};

// How a delegated identity signs its mail (RFC 5322 3.6.2).
enum class DelegationMode
{
    SendAs,   // From: the delegator; nothing shows the account owner
    OnBehalf, // From: the delegator, Sender: the account owner
};

QString identityKindToString(IdentityKind kind);
std::optional<IdentityKind> identityKindFromString(const QString &text);
QString delegationModeToString(DelegationMode mode);
std::optional<DelegationMode> delegationModeFromString(const QString &text);

// An address a message can be sent as through one account. The account's own address is an
// identity too, so every send goes through exactly one.
struct Identity
{
    QString account; // the account that logs in and sends
    QString email;
    QString displayName;
    IdentityKind kind = IdentityKind::Own;
    DelegationMode mode = DelegationMode::SendAs; // Delegated only
    // Where the Sent copy goes: empty for the account's own \Sent mailbox, else a mailbox path
    // such as "Shared/boss@example.test/Sent" (the delegator's, through a shared namespace).
    QString sentMailbox;
    QString signature; // plain text, appended after "-- " (RFC 3676 4.3)

    // "account:email", unique across accounts; what --identity and profiles name.
    QString key() const { return account + QLatin1Char(':') + email; }
    Address from() const { return {displayName, email}; }
    // The Sender: header of an on-behalf message; nullopt when none is written.
    std::optional<Address> sender(const Address &accountOwner) const;
    // "Boss <boss@example.test> (on behalf, via assistant)": what a menu shows.
    QString label() const;

    QString validate() const; // empty when usable, else why not (one line)
};

// Finds the identity named by `name`: its key, or its e-mail address when that is unique.
std::optional<Identity> findIdentity(const QList<Identity> &identities, const QString &name);

// The identity a reply should use: the first of `identities` whose address appears among
// `recipients` (the original's To, Cc and Delivered-To, in that order), else nullopt.
std::optional<Identity> identityForReply(const QList<Identity> &identities,
                                         const QList<Address> &recipients);

} // namespace Tidings
