// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/profilestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace Tidings {

namespace {
const QString ProfilesFile = QStringLiteral("profiles.ini");

// QSettings sorts child groups by name, so the order lives in its own list.
const QString OrderKey = QStringLiteral("order");

QString groupName(const QString &name)
{
    return QStringLiteral("profile.") + QString::fromLatin1(name.toUtf8().toPercentEncoding());
}

// "account\tpath": a tab cannot occur in an account name or an IMAP mailbox name we accept.
QStringList encode(const QList<MailboxRef> &refs)
{
    QStringList out;
    for (const MailboxRef &r : refs)
        out.append(r.account + QLatin1Char('\t') + r.path);
    return out;
}

QList<MailboxRef> decode(const QStringList &list)
{
    QList<MailboxRef> out;
    for (const QString &item : list) {
        const qsizetype tab = item.indexOf(QLatin1Char('\t'));
        if (tab > 0)
            out.append({item.left(tab), item.mid(tab + 1)});
    }
    return out;
}
} // namespace

ProfileStore::ProfileStore(const QString &configDir)
    : m_filePath(QDir(configDir).filePath(ProfilesFile))
{
}

QList<Profile> ProfileStore::profiles() const
{
    QSettings s(m_filePath, QSettings::IniFormat);
    QList<Profile> result;
    for (const QString &name : s.value(OrderKey).toStringList()) {
        if (!s.childGroups().contains(groupName(name)))
            continue;
        s.beginGroup(groupName(name));
        Profile p;
        p.name = name;
        p.accounts = s.value(QStringLiteral("accounts")).toStringList();
        p.mailboxes = decode(s.value(QStringLiteral("mailboxes")).toStringList());
        p.defaultIdentity = s.value(QStringLiteral("default-identity")).toString();
        p.signature = s.value(QStringLiteral("signature")).toString();
        s.endGroup();
        result.append(p);
    }
    return result;
}

std::optional<Profile> ProfileStore::find(const QString &name) const
{
    for (const Profile &p : profiles()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

Error ProfileStore::save(const Profile &profile)
{
    if (const QString why = profile.validate(); !why.isEmpty())
        return {ErrorKind::BadInput, why};
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSettings s(m_filePath, QSettings::IniFormat);
    QStringList order = s.value(OrderKey).toStringList();
    if (!order.contains(profile.name))
        order.append(profile.name);
    s.setValue(OrderKey, order);
    s.remove(groupName(profile.name));
    s.beginGroup(groupName(profile.name));
    s.setValue(QStringLiteral("accounts"), profile.accounts);
    s.setValue(QStringLiteral("mailboxes"), encode(profile.mailboxes));
    s.setValue(QStringLiteral("default-identity"), profile.defaultIdentity);
    s.setValue(QStringLiteral("signature"), profile.signature);
    s.endGroup();
    s.sync();
    if (s.status() != QSettings::NoError)
        return {ErrorKind::BadInput,
                QCoreApplication::translate("Tidings::ProfileStore", "cannot write %1")
                    .arg(m_filePath)};
    return {};
}

bool ProfileStore::remove(const QString &name)
{
    QSettings s(m_filePath, QSettings::IniFormat);
    QStringList order = s.value(OrderKey).toStringList();
    if (!order.removeOne(name))
        return false;
    s.setValue(OrderKey, order);
    s.remove(groupName(name));
    s.sync();
    return s.status() == QSettings::NoError;
}

} // namespace Tidings
