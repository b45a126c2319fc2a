// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/identitystore.h"
#include "store/accountstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace Tidings {

namespace {
const QString IdentitiesFile = QStringLiteral("identities.ini");
const QString GroupPrefix = QStringLiteral("identity.");

QString tr(const char *text)
{
    return QCoreApplication::translate("Tidings::IdentityStore", text);
}

// QSettings treats '/' in a group name as nesting; keys are "account:email" and neither part
// may contain '/' (Account::validate, Identity::validate), but encode it to be sure.
QString groupName(const QString &key)
{
    return GroupPrefix + QString::fromLatin1(key.toUtf8().toPercentEncoding("@:.+-_"));
}

Identity read(QSettings &s)
{
    Identity i;
    i.account = s.value(QStringLiteral("account")).toString();
    i.email = s.value(QStringLiteral("email")).toString();
    i.displayName = s.value(QStringLiteral("display-name")).toString();
    i.kind = identityKindFromString(s.value(QStringLiteral("kind")).toString())
                 .value_or(IdentityKind::Alias);
    i.mode = delegationModeFromString(s.value(QStringLiteral("mode")).toString())
                 .value_or(DelegationMode::SendAs);
    i.sentMailbox = s.value(QStringLiteral("sent-mailbox")).toString();
    i.signature = s.value(QStringLiteral("signature")).toString();
    return i;
}
} // namespace

IdentityStore::IdentityStore(const QString &configDir)
    : m_configDir(configDir)
    , m_filePath(QDir(configDir).filePath(IdentitiesFile))
{
}

QList<Identity> IdentityStore::identities() const
{
    QSettings s(m_filePath, QSettings::IniFormat);
    QList<Identity> configured;
    for (const QString &group : s.childGroups()) {
        if (!group.startsWith(GroupPrefix))
            continue;
        s.beginGroup(group);
        configured.append(read(s));
        s.endGroup();
    }
    QList<Identity> result;
    const QList<Account> accounts = AccountStore(m_configDir).accounts();
    for (const Account &a : accounts) {
        Identity own;
        own.account = a.name;
        own.email = a.email;
        own.displayName = a.displayName;
        own.kind = IdentityKind::Own;
        // The own identity's settings (signature, name) may be kept in identities.ini.
        for (const Identity &c : std::as_const(configured)) {
            if (c.kind == IdentityKind::Own && c.key() == own.key()) {
                own.signature = c.signature;
                own.sentMailbox = c.sentMailbox;
                if (!c.displayName.isEmpty())
                    own.displayName = c.displayName;
            }
        }
        result.append(own);
    }
    for (const Identity &c : std::as_const(configured)) {
        const bool accountKnown =
            std::any_of(accounts.begin(), accounts.end(),
                        [&](const Account &a) { return a.name == c.account; });
        if (c.kind != IdentityKind::Own && accountKnown)
            result.append(c);
    }
    return result;
}

QList<Identity> IdentityStore::identitiesOf(const QString &account) const
{
    QList<Identity> result;
    for (const Identity &i : identities()) {
        if (i.account == account)
            result.append(i);
    }
    return result;
}

Error IdentityStore::add(const Identity &identity, bool replace)
{
    if (const QString why = identity.validate(); !why.isEmpty())
        return {ErrorKind::BadInput, why};
    const std::optional<Account> account = AccountStore(m_configDir).find(identity.account);
    if (!account)
        return {ErrorKind::BadInput, tr("there is no account named '%1'").arg(identity.account)};
    const bool isOwnAddress = identity.email.compare(account->email, Qt::CaseInsensitive) == 0;
    if (isOwnAddress != (identity.kind == IdentityKind::Own))
        return {ErrorKind::BadInput,
                isOwnAddress ? tr("%1 is the account's own address").arg(identity.email)
                             : tr("%1 is not the account's own address").arg(identity.email)};
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSettings s(m_filePath, QSettings::IniFormat);
    const QString group = groupName(identity.key());
    if (!replace && identity.kind != IdentityKind::Own && s.childGroups().contains(group))
        return {ErrorKind::BadInput, tr("identity %1 already exists").arg(identity.key())};
    s.remove(group);
    s.beginGroup(group);
    s.setValue(QStringLiteral("account"), identity.account);
    s.setValue(QStringLiteral("email"), identity.email);
    s.setValue(QStringLiteral("display-name"), identity.displayName);
    s.setValue(QStringLiteral("kind"), identityKindToString(identity.kind));
    s.setValue(QStringLiteral("mode"), delegationModeToString(identity.mode));
    s.setValue(QStringLiteral("sent-mailbox"), identity.sentMailbox);
    s.setValue(QStringLiteral("signature"), identity.signature);
    s.endGroup();
    s.sync();
    if (s.status() != QSettings::NoError)
        return {ErrorKind::BadInput, tr("cannot write %1").arg(m_filePath)};
    return {};
}

bool IdentityStore::remove(const QString &key)
{
    QSettings s(m_filePath, QSettings::IniFormat);
    if (!s.childGroups().contains(groupName(key)))
        return false;
    s.remove(groupName(key));
    s.sync();
    return s.status() == QSettings::NoError;
}

} // namespace Tidings
