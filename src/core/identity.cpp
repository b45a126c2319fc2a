// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/identity.h"

#include <QCoreApplication>

namespace Tidings {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Tidings::Identity", text);
}

} // namespace

QString identityKindToString(IdentityKind kind)
{
    switch (kind) {
    case IdentityKind::Own:
        return QStringLiteral("own");
    case IdentityKind::Alias:
        return QStringLiteral("alias");
    case IdentityKind::Delegated:
        return QStringLiteral("delegated");
    }
    return {};
}

std::optional<IdentityKind> identityKindFromString(const QString &text)
{
    for (IdentityKind k : {IdentityKind::Own, IdentityKind::Alias, IdentityKind::Delegated}) {
        if (identityKindToString(k) == text)
            return k;
    }
    return std::nullopt;
}

QString delegationModeToString(DelegationMode mode)
{
    return mode == DelegationMode::OnBehalf ? QStringLiteral("on-behalf")
                                            : QStringLiteral("send-as");
}

std::optional<DelegationMode> delegationModeFromString(const QString &text)
{
    if (text == QLatin1String("send-as"))
        return DelegationMode::SendAs;
    if (text == QLatin1String("on-behalf"))
        return DelegationMode::OnBehalf;
    return std::nullopt;
}

std::optional<Address> Identity::sender(const Address &accountOwner) const
{
    if (kind != IdentityKind::Delegated || mode != DelegationMode::OnBehalf)
        return std::nullopt;
    return accountOwner;
}

QString Identity::label() const
{
    QString text =
        displayName.isEmpty() ? email : QStringLiteral("%1 <%2>").arg(displayName, email);
    if (kind == IdentityKind::Delegated) {
        text += mode == DelegationMode::OnBehalf ? tr(" (on behalf, via %1)").arg(account)
                                                 : tr(" (send as, via %1)").arg(account);
    }
    return text;
}

QString Identity::validate() const
{
    if (account.isEmpty())
        return tr("an identity needs an account");
    if (!isPlausibleEmail(email))
        return tr("'%1' is not an e-mail address").arg(email);
    if (displayName.contains(QLatin1Char('\n')) || signature.contains(QChar(0)))
        return tr("the display name must be one line");
    if (kind != IdentityKind::Delegated && mode == DelegationMode::OnBehalf)
        return tr("only a delegated identity can send on behalf of someone");
    return {};
}

std::optional<Identity> findIdentity(const QList<Identity> &identities, const QString &name)
{
    std::optional<Identity> byEmail;
    int emailMatches = 0;
    for (const Identity &i : identities) {
        if (i.key() == name)
            return i;
        if (i.email.compare(name, Qt::CaseInsensitive) == 0) {
            byEmail = i;
            ++emailMatches;
        }
    }
    return emailMatches == 1 ? byEmail : std::nullopt;
}

std::optional<Identity> identityForReply(const QList<Identity> &identities,
                                         const QList<Address> &recipients)
{
    for (const Address &r : recipients) {
        for (const Identity &i : identities) {
            if (i.email.compare(r.email, Qt::CaseInsensitive) == 0)
                return i;
        }
    }
    return std::nullopt;
}

} // namespace Tidings
