// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/accountcommand.h"
#include "app/commandoutput.h"

#include "auth/secretstore.h"
#include "imap/envelopeloader.h"
#include "imap/imapconnection.h"
#include "imap/mailboxlister.h"
#include "store/accountstore.h"
#include "store/configdir.h"
#include "store/database.h"
#include "store/messagecache.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>

namespace Tidings {

namespace {
// Gives lupdate and tr() the same context for the free functions below.
struct AccountCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::AccountCommand)
};

QString readSecretFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QString secret = QString::fromUtf8(in.readAll());
    // `echo pw | tidings ...` adds a newline that is not part of the password.
    while (secret.endsWith(QLatin1Char('\n')) || secret.endsWith(QLatin1Char('\r')))
        secret.chop(1);
    return secret;
}

Error endpointFromOptions(const QCommandLineParser &p, const QString &prefix, bool imap,
                          ServerEndpoint &e)
{
    e.host = p.value(prefix + QStringLiteral("-host"));
    const QString security = p.value(prefix + QStringLiteral("-security"));
    if (!security.isEmpty()) {
        const auto parsed = securityFromString(security);
        if (!parsed)
            return {ErrorKind::BadInput,
                    AccountCommand::tr("--%1-security must be tls, starttls or none, not '%2'")
                        .arg(prefix, security)};
        e.security = *parsed;
    }
    const QString port = p.value(prefix + QStringLiteral("-port"));
    if (port.isEmpty()) {
        e.port = imap ? defaultImapPort(e.security) : defaultSmtpPort(e.security);
    } else {
        bool ok = false;
        const uint value = port.toUInt(&ok);
        if (!ok || value == 0 || value > 65535)
            return {ErrorKind::BadInput,
                    AccountCommand::tr("--%1-port must be a number from 1 to 65535, not '%2'")
                        .arg(prefix, port)};
        e.port = static_cast<quint16>(value);
    }
    return {};
}

// Logs in, lists the mailboxes and counts INBOX: the whole path a mail client depends on.
Error checkAccount(const Account &account, const QString &password, bool verbose)
{
    Error result;
    QEventLoop loop;
    ImapConnection connection(account);
    QObject::connect(&connection, &ImapConnection::failed, &loop, [&](const Error &e) {
        result = e;
        loop.quit();
    });
    QObject::connect(&connection, &ImapConnection::ready, &loop, [&] {
        if (!verbose) {
            loop.quit();
            return;
        }
        auto *lister = new MailboxLister(&connection, &loop);
        QObject::connect(
            lister, &MailboxLister::finished, &loop,
            [&](const QList<Mailbox> &mailboxes, const Error &e) {
                if (e.isError()) {
                    result = e;
                    loop.quit();
                    return;
                }
                for (const Mailbox &m : mailboxes) {
                    const QString role = roleName(m.role);
                    printLine(role.isEmpty() ? m.path
                                             : QStringLiteral("%1\t(%2)").arg(m.path, role));
                }
                auto *loader = new EnvelopeLoader(&connection, QStringLiteral("INBOX"), &loop);
                auto count = std::make_shared<qsizetype>(0);
                QObject::connect(loader, &EnvelopeLoader::envelopesArrived, &loop,
                                 [count](const QList<Envelope> &batch) { *count += batch.size(); });
                QObject::connect(
                    loader, &EnvelopeLoader::finished, &loop, [&, count](const Error &fe) {
                        result = fe;
                        if (!fe.isError())
                            printLine(AccountCommand::tr("INBOX: %1 messages").arg(*count));
                        loop.quit();
                    });
                loader->start();
            });
        lister->start();
    });
    connection.open(password);
    loop.exec();
    connection.close();
    return result;
}

int addAccount(const QCommandLineParser &p, const QString &configDir)
{
    Account a;
    a.name = p.value(QStringLiteral("name"));
    a.email = p.value(QStringLiteral("email"));
    a.displayName = p.value(QStringLiteral("display-name"));
    a.username = p.value(QStringLiteral("username"));
    a.oauthProvider = p.value(QStringLiteral("oauth"));
    a.caFile = p.value(QStringLiteral("ca-file"));
    a.plainConfirmed = p.isSet(QStringLiteral("allow-plain-remote"));
    if (p.isSet(QStringLiteral("timeout")))
        a.timeoutSeconds = p.value(QStringLiteral("timeout")).toInt();
    if (a.timeoutSeconds <= 0)
        return reportError({ErrorKind::BadInput,
                            AccountCommand::tr("--timeout must be a positive number of seconds")});
    if (!a.oauthProvider.isEmpty())
        return reportError(
            {ErrorKind::BadInput,
             AccountCommand::tr(
                 "--oauth sign-in is not available in this version yet; use a password")});
    if (Error e = endpointFromOptions(p, QStringLiteral("imap"), true, a.imap); e.isError())
        return reportError(e);
    if (Error e = endpointFromOptions(p, QStringLiteral("smtp"), false, a.smtp); e.isError())
        return reportError(e);
    if (const QString why = a.validate(); !why.isEmpty())
        return reportError({ErrorKind::BadInput, why});
    AccountStore store(configDir);
    if (store.find(a.name))
        return reportError(
            {ErrorKind::BadInput,
             AccountCommand::tr("an account named '%1' already exists").arg(a.name)});
    const QString password = readSecretFromStdin();
    if (password.isEmpty())
        return reportError(
            {ErrorKind::BadInput, AccountCommand::tr("no password on standard input")});

    if (!p.isSet(QStringLiteral("no-check"))) {
        if (Error e = checkAccount(a, password, false); e.isError())
            return reportError(e);
    }
    Error result;
    QEventLoop loop;
    SecretStore secrets(configDir);
    secrets.write(a.secretKey(), password, &loop, [&](const Error &e) {
        result = e.isError() ? e : store.add(a);
        loop.quit();
    });
    loop.exec();
    if (!result.isError())
        printLine(AccountCommand::tr("added account %1 (%2)").arg(a.name, a.email));
    return reportError(result);
}

int listAccounts(const QString &configDir)
{
    for (const Account &a : AccountStore(configDir).accounts()) {
        QString line = QStringLiteral("%1\t%2\timap %3:%4 %5")
                           .arg(a.name, a.email, a.imap.host)
                           .arg(a.imap.port)
                           .arg(securityToString(a.imap.security));
        if (!a.smtp.host.isEmpty())
            line += QStringLiteral("\tsmtp %1:%2 %3")
                        .arg(a.smtp.host)
                        .arg(a.smtp.port)
                        .arg(securityToString(a.smtp.security));
        printLine(line);
    }
    return 0;
}

int removeAccount(const QString &name, const QString &configDir)
{
    AccountStore store(configDir);
    const auto account = store.find(name);
    if (!account)
        return reportError(
            {ErrorKind::BadInput, AccountCommand::tr("no account named '%1'").arg(name)});
    Error result;
    QEventLoop loop;
    SecretStore secrets(configDir);
    secrets.remove(account->secretKey(), &loop, [&](const Error &e) {
        result = e;
        loop.quit();
    });
    loop.exec();
    // The configuration goes even when the keychain failed, so a broken keychain never pins
    // an account; the user is told the secret may remain.
    if (!store.remove(name))
        return reportError(
            {ErrorKind::BadInput, AccountCommand::tr("cannot write %1").arg(store.filePath())});
    // Its cached mail goes too: a new account of the same name must not inherit it.
    if (QFile::exists(cacheDatabasePath(configDir))) {
        Database db(cacheDatabasePath(configDir));
        Error e = db.open();
        if (!e.isError())
            e = MessageCache(db).forgetAccount(name);
        if (e.isError() && !result.isError())
            result = e;
    }
    if (!result.isError())
        printLine(AccountCommand::tr("removed account %1").arg(name));
    return reportError(result);
}

int checkAccountCommand(const QString &name, const QString &configDir)
{
    const auto account = AccountStore(configDir).find(name);
    if (!account)
        return reportError(
            {ErrorKind::BadInput, AccountCommand::tr("no account named '%1'").arg(name)});
    Error result;
    QString password;
    QEventLoop loop;
    SecretStore secrets(configDir);
    secrets.read(account->secretKey(), &loop, [&](const QString &secret, const Error &e) {
        result = e;
        password = secret;
        loop.quit();
    });
    loop.exec();
    if (result.isError())
        return reportError(result);
    return reportError(checkAccount(*account, password, true));
}
} // namespace

int runAccountCommand(QCommandLineParser &p, QCoreApplication &app)
{
    p.addPositionalArgument(QStringLiteral("account"), AccountCommand::tr("account"));
    p.addPositionalArgument(QStringLiteral("action"),
                            AccountCommand::tr("add, list, remove or check"));
    p.addOptions({
        {QStringLiteral("name"), AccountCommand::tr("Account name."), QStringLiteral("NAME")},
        {QStringLiteral("email"), AccountCommand::tr("E-mail address."), QStringLiteral("ADDRESS")},
        {QStringLiteral("display-name"), AccountCommand::tr("Your name as others see it."),
         QStringLiteral("NAME")},
        {QStringLiteral("username"),
         AccountCommand::tr("Login name (default: the e-mail address)."), QStringLiteral("USER")},
        {QStringLiteral("imap-host"), AccountCommand::tr("IMAP server."), QStringLiteral("HOST")},
        {QStringLiteral("imap-port"),
         AccountCommand::tr("IMAP port (default 993, or 143 with starttls/none)."),
         QStringLiteral("PORT")},
        {QStringLiteral("imap-security"), AccountCommand::tr("tls (default), starttls or none."),
         QStringLiteral("MODE")},
        {QStringLiteral("smtp-host"), AccountCommand::tr("SMTP server."), QStringLiteral("HOST")},
        {QStringLiteral("smtp-port"),
         AccountCommand::tr("SMTP port (default 465, or 587 with starttls/none)."),
         QStringLiteral("PORT")},
        {QStringLiteral("smtp-security"), AccountCommand::tr("tls (default), starttls or none."),
         QStringLiteral("MODE")},
        {QStringLiteral("oauth"),
         AccountCommand::tr("microsoft or google (sign-in instead of a password)."),
         QStringLiteral("PROVIDER")},
        {QStringLiteral("ca-file"),
         AccountCommand::tr("Also trust the PEM certificate(s) in this file."),
         QStringLiteral("FILE")},
        {QStringLiteral("timeout"), AccountCommand::tr("Network timeout in seconds (default 30)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("allow-plain-remote"),
         AccountCommand::tr(
             "Confirm an unencrypted connection to a host that is not this machine.")},
        {QStringLiteral("no-check"),
         AccountCommand::tr("Store the account without logging in first.")},
    });
    p.process(app);
    const QStringList args = p.positionalArguments();
    const QString action = args.value(1);
    const QString configDir = resolveConfigDir(p.value(QStringLiteral("config-dir")));
    auto require = [&](const QStringList &options) -> Error {
        for (const QString &o : options) {
            if (p.value(o).isEmpty())
                return {ErrorKind::Usage,
                        AccountCommand::tr("account %1 needs --%2").arg(action, o)};
        }
        return {};
    };
    if (action == QLatin1String("add")) {
        if (Error e = require(
                {QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("imap-host")});
            e.isError())
            return reportError(e);
        return addAccount(p, configDir);
    }
    if (action == QLatin1String("list"))
        return listAccounts(configDir);
    if (action == QLatin1String("remove") || action == QLatin1String("check")) {
        if (Error e = require({QStringLiteral("name")}); e.isError())
            return reportError(e);
        const QString name = p.value(QStringLiteral("name"));
        return action == QLatin1String("remove") ? removeAccount(name, configDir)
                                                 : checkAccountCommand(name, configDir);
    }
    return reportError(
        {ErrorKind::Usage,
         AccountCommand::tr("usage: tidings account add|list|remove|check [options]; "
                            "see tidings account --help")});
}

} // namespace Tidings
