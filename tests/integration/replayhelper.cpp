// SPDX-License-Identifier: GPL-3.0-or-later
// A separate process that replays a profile's action queue and, when asked, kills itself
// with SIGKILL right after the server carried out a step and before the store recorded it:
// the worst moment for a crash. test_actions_dovecot then replays again and checks that
// every action happened exactly once.
//
// Usage: tidings-replay-helper DB PORT USER PASSWORD CAFILE [STEP]
// STEP is an ActionReplayer::Step name (Stored, Moved, Copied, Expunged).
#include "imap/actionreplayer.h"
#include "imap/imapconnection.h"
#include "store/actionqueue.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QMetaEnum>
#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Tidings;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 6) {
        std::fprintf(stderr, "usage: %s DB PORT USER PASSWORD CAFILE [STEP]\n", argv[0]);
        return 1;
    }
    const QString crashAt = args.value(6);
    Database db(args.at(1));
    if (const Error e = db.open(); e.isError()) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message));
        return 2;
    }
    ActionQueue queue(db);
    Account account;
    account.name = QStringLiteral("test");
    account.email = args.at(3);
    account.imap = {QStringLiteral("127.0.0.1"), quint16(args.at(2).toUInt()), Security::StartTls};
    account.caFile = args.at(5);
    account.timeoutSeconds = 30; // as test_actions_dovecot: a busy machine, not a timeout test
    ImapConnection connection(account);
    ActionReplayer replayer(&connection, &queue);
    const QMetaEnum steps = QMetaEnum::fromType<ActionReplayer::Step>();
    QObject::connect(&replayer, &ActionReplayer::serverApplied, &app,
                     [&](qint64, ActionReplayer::Step step) {
                         if (crashAt == QLatin1String(steps.valueToKey(int(step))))
                             ::kill(::getpid(), SIGKILL);
                     });
    int exitCode = 0;
    QObject::connect(&replayer, &ActionReplayer::finished, &app, [&](const Error &e) {
        if (e.isError())
            std::fprintf(stderr, "%s\n", qPrintable(e.message));
        exitCode = e.exitCode();
        app.quit();
    });
    QObject::connect(&connection, &ImapConnection::ready, &replayer, &ActionReplayer::start);
    QObject::connect(&connection, &ImapConnection::failed, &app, [&](const Error &e) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message));
        exitCode = e.exitCode();
        app.quit();
    });
    connection.open(args.at(4));
    app.exec();
    return exitCode;
}
