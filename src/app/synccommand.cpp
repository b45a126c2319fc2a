// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/synccommand.h"

#include "auth/secretstore.h"
#include "imap/imapconnection.h"
#include "imap/mailboxlister.h"
#include "imap/mailboxsync.h"
#include "store/accountstore.h"
#include "store/configdir.h"
#include "store/database.h"
#include "store/messagecache.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <cstdio>

namespace Tidings {

namespace {
struct SyncCommandText
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::SyncCommand)
};

struct Totals
{
    int mailboxes = 0;
    int added = 0;
    int changed = 0;
    int removed = 0;
    Error firstError;

    void fail(const Error &e)
    {
        std::fprintf(stderr, "tidings: %s\n", qPrintable(e.message));
        if (!firstError.isError())
            firstError = e;
    }
};

// Connects one account and syncs the given mailboxes (all selectable ones when empty).
// A mailbox that fails (e.g. no permission) is reported and the others still sync.
void syncAccount(const Account &account, const QString &password, const QString &onlyMailbox,
                 MessageCache &cache, Totals &totals)
{
    QEventLoop loop;
    ImapConnection connection(account);
    QStringList queue;
    std::function<void()> next = [&] {
        if (queue.isEmpty()) {
            loop.quit();
            return;
        }
        auto *sync = new MailboxSync(&connection, &cache, queue.takeFirst(), &loop);
        QObject::connect(sync, &MailboxSync::finished, &loop,
                         [&, sync](const SyncResult &r, const Error &e) {
                             sync->deleteLater();
                             if (e.isError()) {
                                 totals.fail(e);
                                 if (e.kind == ErrorKind::Network) {
                                     loop.quit(); // the connection is gone
                                     return;
                                 }
                             } else {
                                 ++totals.mailboxes;
                                 totals.added += r.added;
                                 totals.changed += r.changed;
                                 totals.removed += r.removed;
                             }
                             // Queued: a sync that fails at once must not recurse.
                             QMetaObject::invokeMethod(&loop, next, Qt::QueuedConnection);
                         });
        sync->start();
    };
    // A running lister or sync reports a lost connection itself; this covers the login.
    bool busy = false;
    QObject::connect(&connection, &ImapConnection::failed, &loop, [&](const Error &e) {
        if (!busy) {
            totals.fail(e);
            loop.quit();
        }
    });
    QObject::connect(&connection, &ImapConnection::ready, &loop, [&] {
        if (!onlyMailbox.isEmpty()) {
            busy = true;
            queue = {onlyMailbox};
            next();
            return;
        }
        busy = true;
        auto *lister = new MailboxLister(&connection, &loop);
        QObject::connect(lister, &MailboxLister::finished, &loop,
                         [&](const QList<Mailbox> &mailboxes, const Error &e) {
                             if (e.isError()) {
                                 totals.fail(e);
                                 loop.quit();
                                 return;
                             }
                             for (const Mailbox &m : mailboxes) {
                                 if (m.selectable)
                                     queue.append(m.path);
                             }
                             next();
                         });
        lister->start();
    });
    connection.open(password);
    loop.exec();
}
} // namespace

int runSyncCommand(QCommandLineParser &p, QCoreApplication &app)
{
    p.addPositionalArgument(QStringLiteral("sync"), SyncCommandText::tr("sync"));
    p.addOptions({
        {QStringLiteral("account"), SyncCommandText::tr("Only this account."),
         QStringLiteral("NAME")},
        {QStringLiteral("mailbox"), SyncCommandText::tr("Only this mailbox (full server name)."),
         QStringLiteral("PATH")},
    });
    p.process(app);
    const QString configDir = resolveConfigDir(p.value(QStringLiteral("config-dir")));
    const QString onlyAccount = p.value(QStringLiteral("account"));
    QList<Account> accounts;
    for (const Account &a : AccountStore(configDir).accounts()) {
        if (onlyAccount.isEmpty() || a.name == onlyAccount)
            accounts.append(a);
    }
    if (accounts.isEmpty()) {
        std::fprintf(
            stderr, "tidings: %s\n",
            qPrintable(
                onlyAccount.isEmpty()
                    ? SyncCommandText::tr("no accounts: add one with \"tidings account add\"")
                    : SyncCommandText::tr("no account named '%1'").arg(onlyAccount)));
        return int(ErrorKind::BadInput);
    }
    Database db(cacheDatabasePath(configDir));
    if (Error e = db.open(); e.isError()) {
        std::fprintf(stderr, "tidings: %s\n", qPrintable(e.message));
        return e.exitCode();
    }
    MessageCache cache(db);
    SecretStore secrets(configDir);
    Totals totals;
    QElapsedTimer clock;
    clock.start();
    for (const Account &account : std::as_const(accounts)) {
        QString password;
        Error readError;
        QEventLoop loop;
        secrets.read(account.secretKey(), &loop, [&](const QString &s, const Error &e) {
            password = s;
            readError = e;
            loop.quit();
        });
        loop.exec();
        if (readError.isError()) {
            totals.fail(readError);
            continue;
        }
        syncAccount(account, password, p.value(QStringLiteral("mailbox")), cache, totals);
    }
    std::printf("%s\n", qPrintable(SyncCommandText::tr("synced %1 mailboxes: %2 new, %3 changed, "
                                                       "%4 removed in %5 s")
                                       .arg(totals.mailboxes)
                                       .arg(totals.added)
                                       .arg(totals.changed)
                                       .arg(totals.removed)
                                       .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 2)));
    return totals.firstError.exitCode();
}

} // namespace Tidings
