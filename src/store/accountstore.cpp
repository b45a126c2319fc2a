// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/accountstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace Tidings {

namespace {
const QString AccountsFile = QStringLiteral("accounts.ini");

void writeEndpoint(QSettings &s, const QString &prefix, const ServerEndpoint &e)
{
    s.setValue(prefix + QStringLiteral("-host"), e.host);
    s.setValue(prefix + QStringLiteral("-port"), e.port);
    s.setValue(prefix + QStringLiteral("-security"), securityToString(e.security));
}

ServerEndpoint readEndpoint(const QSettings &s, const QString &prefix)
{
    ServerEndpoint e;
    e.host = s.value(prefix + QStringLiteral("-host")).toString();
    e.security = securityFromString(s.value(prefix + QStringLiteral("-security")).toString())
                     .value_or(Security::Tls);
    e.port = static_cast<quint16>(s.value(prefix + QStringLiteral("-port")).toUInt());
    return e;
}

QString groupName(const QString &accountName)
{
    // QSettings treats '/' as a separator; Account::validate() forbids it in names.
    return QStringLiteral("account.") + accountName;
}
} // namespace

AccountStore::AccountStore(const QString &configDir)
    : m_filePath(QDir(configDir).filePath(AccountsFile))
{
}

QList<Account> AccountStore::accounts() const
{
    QSettings s(m_filePath, QSettings::IniFormat);
    QList<Account> result;
    for (const QString &group : s.childGroups()) {
        if (!group.startsWith(QLatin1String("account.")))
            continue;
        s.beginGroup(group);
        Account a;
        a.name = group.mid(static_cast<qsizetype>(qstrlen("account.")));
        a.email = s.value(QStringLiteral("email")).toString();
        a.displayName = s.value(QStringLiteral("display-name")).toString();
        a.username = s.value(QStringLiteral("username")).toString();
        a.imap = readEndpoint(s, QStringLiteral("imap"));
        a.smtp = readEndpoint(s, QStringLiteral("smtp"));
        a.oauthProvider = s.value(QStringLiteral("oauth")).toString();
        a.caFile = s.value(QStringLiteral("ca-file")).toString();
        a.plainConfirmed = s.value(QStringLiteral("plain-confirmed"), false).toBool();
        a.timeoutSeconds = s.value(QStringLiteral("timeout"), a.timeoutSeconds).toInt();
        s.endGroup();
        result.append(a);
    }
    return result;
}

std::optional<Account> AccountStore::find(const QString &name) const
{
    for (const Account &a : accounts()) {
        if (a.name == name)
            return a;
    }
    return std::nullopt;
}

Error AccountStore::add(const Account &account)
{
    if (const QString why = account.validate(); !why.isEmpty())
        return {ErrorKind::BadInput, why};
    if (find(account.name))
        return {ErrorKind::BadInput,
                QCoreApplication::translate("Tidings::AccountStore",
                                            "an account named '%1' already exists")
                    .arg(account.name)};
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSettings s(m_filePath, QSettings::IniFormat);
    s.beginGroup(groupName(account.name));
    s.setValue(QStringLiteral("email"), account.email);
    s.setValue(QStringLiteral("display-name"), account.displayName);
    s.setValue(QStringLiteral("username"), account.username);
    writeEndpoint(s, QStringLiteral("imap"), account.imap);
    writeEndpoint(s, QStringLiteral("smtp"), account.smtp);
    s.setValue(QStringLiteral("oauth"), account.oauthProvider);
    s.setValue(QStringLiteral("ca-file"), account.caFile);
    s.setValue(QStringLiteral("plain-confirmed"), account.plainConfirmed);
    s.setValue(QStringLiteral("timeout"), account.timeoutSeconds);
    s.endGroup();
    s.sync();
    if (s.status() != QSettings::NoError)
        return {ErrorKind::BadInput,
                QCoreApplication::translate("Tidings::AccountStore", "cannot write %1")
                    .arg(m_filePath)};
    return {};
}

bool AccountStore::remove(const QString &name)
{
    QSettings s(m_filePath, QSettings::IniFormat);
    if (!s.childGroups().contains(groupName(name)))
        return false;
    s.remove(groupName(name));
    s.sync();
    return s.status() == QSettings::NoError;
}

} // namespace Tidings
