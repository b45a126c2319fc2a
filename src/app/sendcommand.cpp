// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/sendcommand.h"

#include "auth/secretstore.h"
#include "models/outboxrunner.h"
#include "store/accountstore.h"
#include "store/actionqueue.h"
#include "store/configdir.h"
#include "store/database.h"
#include "store/identitystore.h"
#include "store/outbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <cstdio>

namespace Tidings {

namespace {
struct SendCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::SendCommand)
};

int fail(const Error &e)
{
    std::fprintf(stderr, "tidings: %s\n", qPrintable(e.message));
    return e.exitCode();
}

// "Name <a@example.org>" or "a@example.org".
Error parseAddresses(const QStringList &values, const QString &option, QList<Address> *out)
{
    static const QRegularExpression named(QStringLiteral("^\\s*(.*?)\\s*<([^<>\\s]+)>\\s*$"));
    for (const QString &value : values) {
        Address a;
        if (const QRegularExpressionMatch m = named.match(value); m.hasMatch()) {
            a.name = m.captured(1);
            if (a.name.size() >= 2 && a.name.startsWith(QLatin1Char('"')) &&
                a.name.endsWith(QLatin1Char('"')))
                a.name = a.name.mid(1, a.name.size() - 2);
            a.email = m.captured(2);
        } else {
            a.email = value.trimmed();
        }
        const qsizetype at = a.email.indexOf(QLatin1Char('@'));
        if (at <= 0 || at == a.email.size() - 1 || a.email.contains(QLatin1Char(' ')))
            return {ErrorKind::BadInput,
                    SendCommand::tr("--%1 '%2' is not an e-mail address").arg(option, value)};
        out->append(a);
    }
    return {};
}

Error readAttachments(const QStringList &files, QList<DraftAttachment> *out)
{
    const QMimeDatabase types;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {ErrorKind::BadInput,
                    SendCommand::tr("--attach %1: %2").arg(path, file.errorString())};
        DraftAttachment a;
        a.fileName = QFileInfo(path).fileName();
        a.mimeType = types.mimeTypeForFile(path).name().toLatin1();
        a.data = file.readAll();
        out->append(a);
    }
    return {};
}

Error chooseIdentity(const QString &configDir, const QString &name, Identity *identity)
{
    const QList<Account> accounts = AccountStore(configDir).accounts();
    if (accounts.isEmpty())
        return {ErrorKind::BadInput,
                SendCommand::tr("no accounts: add one with \"tidings account add\"")};
    const QList<Identity> identities = IdentityStore(configDir).identities();
    if (name.isEmpty()) {
        if (accounts.size() > 1)
            return {ErrorKind::BadInput,
                    SendCommand::tr("there are %1 accounts: choose the sender with --identity")
                        .arg(accounts.size())};
        for (const Identity &i : identities) {
            if (i.account == accounts.constFirst().name && i.kind == IdentityKind::Own) {
                *identity = i;
                return {};
            }
        }
    }
    const std::optional<Identity> found = findIdentity(identities, name);
    if (!found)
        return {ErrorKind::BadInput,
                SendCommand::tr("no identity '%1' (give an address or account:address)").arg(name)};
    *identity = *found;
    return {};
}

Error readSecret(const QString &configDir, const Account &account, QString *secret)
{
    SecretStore secrets(configDir);
    Error result;
    QEventLoop loop;
    secrets.read(account.secretKey(), &loop, [&](const QString &s, const Error &e) {
        *secret = s;
        result = e;
        loop.quit();
    });
    loop.exec();
    return result;
}
} // namespace

int runSendCommand(QCommandLineParser &p, QCoreApplication &app)
{
    p.addPositionalArgument(QStringLiteral("send"), SendCommand::tr("send"));
    p.addOptions({
        {QStringLiteral("identity"),
         SendCommand::tr("Send as this identity (address or account:address)."),
         QStringLiteral("I")},
        {QStringLiteral("to"), SendCommand::tr("Recipient (repeatable)."), QStringLiteral("A")},
        {QStringLiteral("cc"), SendCommand::tr("Copy recipient (repeatable)."),
         QStringLiteral("A")},
        {QStringLiteral("bcc"), SendCommand::tr("Blind copy recipient (repeatable)."),
         QStringLiteral("A")},
        {QStringLiteral("attach"), SendCommand::tr("Attach a file (repeatable)."),
         QStringLiteral("FILE")},
        {QStringLiteral("subject"), SendCommand::tr("Subject."), QStringLiteral("S")},
    });
    p.process(app);
    if (p.values(QStringLiteral("to")).isEmpty() || !p.isSet(QStringLiteral("subject"))) {
        std::fprintf(stderr, "tidings: %s\n",
                     qPrintable(SendCommand::tr("send needs --to and --subject; the body is read "
                                                "from standard input")));
        return int(ErrorKind::Usage);
    }
    const QString configDir = resolveConfigDir(p.value(QStringLiteral("config-dir")));

    Draft draft;
    draft.subject = p.value(QStringLiteral("subject"));
    for (const auto &[option, list] :
         {std::pair{QStringLiteral("to"), &draft.to}, std::pair{QStringLiteral("cc"), &draft.cc},
          std::pair{QStringLiteral("bcc"), &draft.bcc}}) {
        if (Error e = parseAddresses(p.values(option), option, list); e.isError())
            return fail(e);
    }
    if (Error e = readAttachments(p.values(QStringLiteral("attach")), &draft.attachments);
        e.isError())
        return fail(e);
    Identity identity;
    if (Error e = chooseIdentity(configDir, p.value(QStringLiteral("identity")), &identity);
        e.isError())
        return fail(e);
    const std::optional<Account> account = AccountStore(configDir).find(identity.account);
    if (!account)
        return fail({ErrorKind::BadInput,
                     SendCommand::tr("identity %1 names no account").arg(identity.key())});
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return fail({ErrorKind::BadInput, SendCommand::tr("cannot read standard input")});
    draft.plainBody = QString::fromUtf8(in.readAll());
    draft.identity = identity.key();

    QString secret;
    if (Error e = readSecret(configDir, *account, &secret); e.isError())
        return fail(e);
    Database db(cacheDatabasePath(configDir));
    if (Error e = db.open(); e.isError())
        return fail(e);
    Outbox outbox(db);
    ActionQueue actions(db);
    OutboxRunner runner(&outbox, &actions);
    qint64 id = 0;
    if (Error e = runner.submit(draft, identity, *account, &id); e.isError())
        return fail(e);
    runner.restrictTo(id);

    // One attempt: a script that sees a non-zero exit must be able to send again without a
    // second copy going out later, so a message that was not taken leaves the outbox (a
    // refused one stays, marked failed, for the GUI's outbox to edit; it is never resent
    // by itself).
    QEventLoop loop;
    Error failure;
    std::optional<OutboxEntry> last;
    QObject::connect(&runner, &OutboxRunner::attemptFailed, &loop,
                     [&](const OutboxEntry &entry, const Error &e) {
                         if (entry.id == id)
                             failure = e;
                     });
    QObject::connect(&runner, &OutboxRunner::entryChanged, &loop, [&](const OutboxEntry &entry) {
        if (entry.id != id)
            return;
        last = entry;
        const bool waiting =
            (entry.state == OutboxState::Queued || entry.state == OutboxState::Accepted) &&
            !entry.lastError.isEmpty();
        if (entry.state == OutboxState::Done || entry.needsUser() || waiting)
            loop.quit();
    });
    runner.setAccount(*account, secret);
    loop.exec();

    if (!last)
        return fail({ErrorKind::Network, SendCommand::tr("the message was not sent")});
    switch (last->state) {
    case OutboxState::Done:
        std::printf("%s\n",
                    qPrintable(SendCommand::tr("sent <%1> as %2 to %n recipient(s)", nullptr,
                                               int(last->recipients.size()))
                                   .arg(QString::fromLatin1(last->messageId), identity.email)));
        return 0;
    case OutboxState::Accepted:
        // Sent: running the command again would deliver it twice. The copy waits in the
        // outbox for the next run of Tidings.
        std::fprintf(stderr, "tidings: %s\n", qPrintable(last->lastError));
        return 0;
    case OutboxState::Queued:
        outbox.remove(id);
        return fail({failure.isError() ? failure.kind : ErrorKind::Network,
                     SendCommand::tr("not sent: %1").arg(last->lastError)});
    case OutboxState::Failed:
        return fail({failure.isError() ? failure.kind : ErrorKind::Refused,
                     SendCommand::tr("not sent: %1").arg(last->lastError)});
    case OutboxState::Interrupted:
        return fail({ErrorKind::Network, last->lastError});
    case OutboxState::Sending:
    case OutboxState::Saved:
        break;
    }
    return fail({ErrorKind::Network, SendCommand::tr("the message was not sent")});
}

} // namespace Tidings
