// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/identitycommand.h"
#include "app/commandoutput.h"

#include "store/accountstore.h"
#include "store/configdir.h"
#include "store/identitystore.h"
#include "store/profilestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QMap>
#include <functional>

namespace Tidings {

namespace {
struct IdentityCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::IdentityCommand)
};

Error readSignature(const QCommandLineParser &p, QString *signature)
{
    if (p.isSet(QStringLiteral("signature")))
        *signature = p.value(QStringLiteral("signature"));
    const QString file = p.value(QStringLiteral("signature-file"));
    if (file.isEmpty())
        return {};
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {ErrorKind::BadInput,
                IdentityCommand::tr("cannot read %1: %2").arg(file, f.errorString())};
    *signature = QString::fromUtf8(f.readAll()).trimmed();
    return {};
}

int addIdentity(const QCommandLineParser &p, const QString &configDir)
{
    Identity i;
    i.account = p.value(QStringLiteral("account"));
    i.email = p.value(QStringLiteral("email"));
    i.displayName = p.value(QStringLiteral("display-name"));
    i.sentMailbox = p.value(QStringLiteral("sent-mailbox"));
    const auto account = AccountStore(configDir).find(i.account);
    if (!account)
        return reportError(
            {ErrorKind::BadInput, IdentityCommand::tr("no account named '%1'").arg(i.account)});
    const bool own = i.email.compare(account->email, Qt::CaseInsensitive) == 0;
    const QString kind = p.value(QStringLiteral("kind"));
    if (kind.isEmpty()) {
        i.kind = own                               ? IdentityKind::Own
                 : p.isSet(QStringLiteral("mode")) ? IdentityKind::Delegated
                                                   : IdentityKind::Alias;
    } else if (const auto parsed = identityKindFromString(kind)) {
        i.kind = *parsed;
    } else {
        return reportError(
            {ErrorKind::BadInput,
             IdentityCommand::tr("--kind must be alias or delegated, not '%1'").arg(kind)});
    }
    const QString mode = p.value(QStringLiteral("mode"));
    if (!mode.isEmpty()) {
        const auto parsed = delegationModeFromString(mode);
        if (!parsed)
            return reportError(
                {ErrorKind::BadInput,
                 IdentityCommand::tr("--mode must be send-as or on-behalf, not '%1'").arg(mode)});
        i.mode = *parsed;
    }
    if (i.displayName.isEmpty() && own)
        i.displayName = account->displayName;
    if (Error e = readSignature(p, &i.signature); e.isError())
        return reportError(e);
    // The own identity always exists; "adding" it sets its signature, name or Sent mailbox.
    if (Error e = IdentityStore(configDir).add(i, own); e.isError())
        return reportError(e);
    printLine(IdentityCommand::tr("identity %1: %2").arg(i.key(), i.label()));
    return 0;
}

int listIdentities(const QCommandLineParser &p, const QString &configDir)
{
    const QString account = p.value(QStringLiteral("account"));
    for (const Identity &i : IdentityStore(configDir).identities()) {
        if (!account.isEmpty() && i.account != account)
            continue;
        QString line =
            QStringLiteral("%1\t%2\t%3").arg(i.key(), identityKindToString(i.kind), i.displayName);
        if (i.kind == IdentityKind::Delegated)
            line += QLatin1Char('\t') + delegationModeToString(i.mode);
        if (!i.sentMailbox.isEmpty())
            line += QStringLiteral("\tsent: ") + i.sentMailbox;
        printLine(line);
    }
    return 0;
}

Error checkProfileReferences(const Profile &profile, const QString &configDir)
{
    const AccountStore accounts(configDir);
    QStringList named = profile.accounts;
    for (const MailboxRef &m : profile.mailboxes)
        named.append(m.account);
    for (const QString &a : std::as_const(named)) {
        if (!accounts.find(a))
            return {ErrorKind::BadInput, IdentityCommand::tr("no account named '%1'").arg(a)};
    }
    if (!profile.defaultIdentity.isEmpty() &&
        !findIdentity(IdentityStore(configDir).identities(), profile.defaultIdentity))
        return {ErrorKind::BadInput,
                IdentityCommand::tr("no identity '%1'; see tidings identity list")
                    .arg(profile.defaultIdentity)};
    return {};
}

int addProfile(const QCommandLineParser &p, const QString &configDir)
{
    Profile profile;
    profile.name = p.value(QStringLiteral("name"));
    profile.accounts = p.values(QStringLiteral("account"));
    for (const QString &m : p.values(QStringLiteral("mailbox"))) {
        const qsizetype colon = m.indexOf(QLatin1Char(':'));
        if (colon <= 0 || colon == m.size() - 1)
            return reportError(
                {ErrorKind::BadInput,
                 IdentityCommand::tr("--mailbox must be ACCOUNT:PATH, not '%1'").arg(m)});
        profile.mailboxes.append({m.left(colon), m.mid(colon + 1)});
    }
    profile.defaultIdentity = p.value(QStringLiteral("identity"));
    if (Error e = readSignature(p, &profile.signature); e.isError())
        return reportError(e);
    if (Error e = checkProfileReferences(profile, configDir); e.isError())
        return reportError(e);
    // Stored by key, so a later identity with the same address elsewhere cannot take over.
    if (const auto identity =
            findIdentity(IdentityStore(configDir).identities(), profile.defaultIdentity))
        profile.defaultIdentity = identity->key();
    ProfileStore store(configDir);
    if (store.find(profile.name))
        return reportError(
            {ErrorKind::BadInput,
             IdentityCommand::tr("a profile named '%1' already exists").arg(profile.name)});
    if (Error e = store.save(profile); e.isError())
        return reportError(e);
    printLine(IdentityCommand::tr("added profile %1").arg(profile.name));
    return 0;
}

int listProfiles(const QString &configDir)
{
    for (const Profile &profile : ProfileStore(configDir).profiles()) {
        QStringList shown = profile.accounts;
        for (const MailboxRef &m : profile.mailboxes)
            shown.append(m.account + QLatin1Char(':') + m.path);
        printLine(QStringLiteral("%1\t%2\t%3")
                      .arg(profile.name, shown.join(QLatin1Char(',')), profile.defaultIdentity));
    }
    return 0;
}

void addSignatureOptions(QCommandLineParser &p)
{
    p.addOptions({
        {QStringLiteral("signature"), IdentityCommand::tr("Signature text."),
         QStringLiteral("TEXT")},
        {QStringLiteral("signature-file"), IdentityCommand::tr("Read the signature from FILE."),
         QStringLiteral("FILE")},
    });
}

// One action of a command: the options it needs and what runs it.
struct Action
{
    QStringList required;
    std::function<int()> run;
};

int dispatch(const QCommandLineParser &p, const QString &command,
             const QMap<QString, Action> &actions)
{
    const QString name = p.positionalArguments().value(1);
    const auto action = actions.constFind(name);
    if (action == actions.constEnd())
        return reportError(
            {ErrorKind::Usage, IdentityCommand::tr("usage: tidings %1 %2 [options]; see tidings %1 "
                                                   "--help")
                                   .arg(command, actions.keys().join(QLatin1Char('|')))});
    for (const QString &o : action->required) {
        if (p.value(o).isEmpty())
            return reportError(
                {ErrorKind::Usage, IdentityCommand::tr("%1 %2 needs --%3").arg(command, name, o)});
    }
    return action->run();
}

int removed(bool ok, const QString &missing, const QString &done, const QString &what)
{
    if (!ok)
        return reportError({ErrorKind::BadInput, missing.arg(what)});
    printLine(done.arg(what));
    return 0;
}
} // namespace

int runIdentityCommand(QCommandLineParser &p, QCoreApplication &app)
{
    p.addPositionalArgument(QStringLiteral("identity"), IdentityCommand::tr("identity"));
    p.addPositionalArgument(QStringLiteral("action"), IdentityCommand::tr("add, list or remove"));
    p.addOptions({
        {QStringLiteral("account"), IdentityCommand::tr("The account that sends."),
         QStringLiteral("NAME")},
        {QStringLiteral("email"), IdentityCommand::tr("The From address."),
         QStringLiteral("ADDRESS")},
        {QStringLiteral("display-name"), IdentityCommand::tr("The From name."),
         QStringLiteral("NAME")},
        {QStringLiteral("kind"), IdentityCommand::tr("alias or delegated."),
         QStringLiteral("KIND")},
        {QStringLiteral("mode"),
         IdentityCommand::tr("send-as, or on-behalf (adds a Sender: header naming you)."),
         QStringLiteral("MODE")},
        {QStringLiteral("sent-mailbox"),
         IdentityCommand::tr("Save sent copies here (e.g. the delegator's shared Sent)."),
         QStringLiteral("PATH")},
        {QStringLiteral("identity"), IdentityCommand::tr("account:email, for remove."),
         QStringLiteral("KEY")},
    });
    addSignatureOptions(p);
    p.process(app);
    const QString configDir = resolveConfigDir(p.value(QStringLiteral("config-dir")));
    return dispatch(p, QStringLiteral("identity"),
                    {{QStringLiteral("add"),
                      {{QStringLiteral("account"), QStringLiteral("email")},
                       [&] { return addIdentity(p, configDir); }}},
                     {QStringLiteral("list"), {{}, [&] { return listIdentities(p, configDir); }}},
                     {QStringLiteral("remove"),
                      {{QStringLiteral("identity")}, [&] {
                           const QString key = p.value(QStringLiteral("identity"));
                           return removed(IdentityStore(configDir).remove(key),
                                          IdentityCommand::tr("no configured identity '%1'"),
                                          IdentityCommand::tr("removed identity %1"), key);
                       }}}});
}

int runProfileCommand(QCommandLineParser &p, QCoreApplication &app)
{
    p.addPositionalArgument(QStringLiteral("profile"), IdentityCommand::tr("profile"));
    p.addPositionalArgument(QStringLiteral("action"), IdentityCommand::tr("add, list or remove"));
    p.addOptions({
        {QStringLiteral("name"), IdentityCommand::tr("Profile name."), QStringLiteral("NAME")},
        {QStringLiteral("account"), IdentityCommand::tr("Show this account (repeatable)."),
         QStringLiteral("NAME")},
        {QStringLiteral("mailbox"),
         IdentityCommand::tr("Show this one mailbox, e.g. work:Shared/boss/INBOX (repeatable)."),
         QStringLiteral("ACCOUNT:PATH")},
        {QStringLiteral("identity"), IdentityCommand::tr("Default identity for new messages."),
         QStringLiteral("KEY")},
    });
    addSignatureOptions(p);
    p.process(app);
    const QString configDir = resolveConfigDir(p.value(QStringLiteral("config-dir")));
    return dispatch(p, QStringLiteral("profile"),
                    {{QStringLiteral("add"),
                      {{QStringLiteral("name")}, [&] { return addProfile(p, configDir); }}},
                     {QStringLiteral("list"), {{}, [&] { return listProfiles(configDir); }}},
                     {QStringLiteral("remove"),
                      {{QStringLiteral("name")}, [&] {
                           const QString name = p.value(QStringLiteral("name"));
                           return removed(ProfileStore(configDir).remove(name),
                                          IdentityCommand::tr("no profile named '%1'"),
                                          IdentityCommand::tr("removed profile %1"), name);
                       }}}});
}

} // namespace Tidings
