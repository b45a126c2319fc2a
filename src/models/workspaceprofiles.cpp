// SPDX-License-Identifier: GPL-3.0-or-later
// Workspace: profiles and identities.
#include "models/workspace.h"

namespace Tidings {

Error Workspace::setProfile(const QString &name)
{
    std::optional<Profile> chosen;
    if (!name.isEmpty()) {
        for (const Profile &p : std::as_const(m_profiles)) {
            if (p.name == name)
                chosen = p;
        }
        if (!chosen)
            return {ErrorKind::BadInput, tr("no profile named '%1'").arg(name)};
    }
    if (profileName() == name && m_profile.has_value() == chosen.has_value())
        return {};
    m_profile = chosen;
    m_visibleMailboxes.setProfile(chosen);
    updateUnifiedInbox();
    Q_EMIT profileChanged(name);
    return {};
}

std::optional<Identity> Workspace::defaultIdentity() const
{
    if (m_profile && !m_profile->defaultIdentity.isEmpty()) {
        if (auto i = findIdentity(m_identities, m_profile->defaultIdentity))
            return i;
    }
    // The own identity of the profile's first account, else of the first account.
    const QString account =
        m_profile && !m_profile->accounts.isEmpty()    ? m_profile->accounts.constFirst()
        : m_profile && !m_profile->mailboxes.isEmpty() ? m_profile->mailboxes.constFirst().account
                                                       : QString();
    for (const Identity &i : m_identities) {
        if (i.kind == IdentityKind::Own && (account.isEmpty() || i.account == account))
            return i;
    }
    return std::nullopt;
}

void Workspace::addProfileMailboxes(const QString &account, QList<Mailbox> &listed) const
{
    // Dovecot with Maildir++ does not LIST another user's INBOX in a shared namespace, yet
    // SELECT and STATUS work (and other servers hide what ACLs allow but LIST omits). A
    // mailbox a profile names is shown anyway; if it really is not there, opening it says so.
    for (const Profile &profile : std::as_const(m_profiles)) {
        for (const MailboxRef &ref : profile.mailboxes) {
            if (ref.account != account)
                continue;
            const bool known = std::any_of(listed.cbegin(), listed.cend(),
                                           [&](const Mailbox &m) { return m.path == ref.path; });
            if (known)
                continue;
            Mailbox added;
            added.path = ref.path;
            // The namespace of the listed mailbox sharing the first path component, if any.
            const QString top = ref.path.section(QLatin1Char('/'), 0, 0);
            for (const Mailbox &m : std::as_const(listed)) {
                if (m.path.section(QLatin1Char('/'), 0, 0) == top) {
                    added.namespaceKind = m.namespaceKind;
                    added.separator = m.separator;
                    break;
                }
            }
            if (ref.path.section(added.separator, -1)
                    .compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
                added.role = MailboxRole::Inbox;
            listed.append(added);
        }
    }
}

QString Workspace::signatureFor(const Identity &identity) const
{
    // A profile's signature belongs to its default identity; another identity picked in the
    // composer keeps its own.
    if (m_profile && !m_profile->signature.isEmpty()) {
        const std::optional<Identity> preferred = defaultIdentity();
        if (preferred && preferred->key() == identity.key())
            return m_profile->signature;
    }
    return identity.signature;
}

} // namespace Tidings
