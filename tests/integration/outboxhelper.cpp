// SPDX-License-Identifier: GPL-3.0-or-later
// A separate process that drives a profile's outbox and, when asked, kills itself with
// SIGKILL the moment an entry reaches a state (after the store committed it): "Accepted" is
// the worst moment, the server has the message and the Sent copy is not made yet; "Sending"
// is a crash during the SMTP transaction. test_outbox_send then checks what a restart does.
//
// Usage: tidings-outbox-helper DB IMAPPORT SMTPPORT USER PASSWORD CAFILE [STATE]
// STATE is an OutboxState name (Sending, Accepted).
#include "models/outboxrunner.h"
#include "store/actionqueue.h"
#include "store/database.h"
#include "store/outbox.h"

#include <QCoreApplication>
#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Tidings;

namespace {
QString stateKey(OutboxState state)
{
    switch (state) {
    case OutboxState::Sending:
        return QStringLiteral("Sending");
    case OutboxState::Accepted:
        return QStringLiteral("Accepted");
    default:
        return {};
    }
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 7) {
        std::fprintf(stderr, "usage: %s DB IMAPPORT SMTPPORT USER PASSWORD CAFILE [STATE]\n",
                     argv[0]);
        return 1;
    }
    const QString crashAt = args.value(7);
    Database db(args.at(1));
    if (const Error e = db.open(); e.isError()) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message));
        return 2;
    }
    Outbox outbox(db);
    ActionQueue actions(db);
    Account account;
    account.name = QStringLiteral("work");
    account.email = args.at(4);
    account.imap = {QStringLiteral("127.0.0.1"), quint16(args.at(2).toUInt()), Security::StartTls};
    account.smtp = {QStringLiteral("127.0.0.1"), quint16(args.at(3).toUInt()), Security::StartTls};
    account.caFile = args.at(6);
    account.timeoutSeconds = 30; // a busy machine, not a timeout test
    OutboxRunner runner(&outbox, &actions);
    runner.recoverInterrupted();
    QObject::connect(&runner, &OutboxRunner::entryChanged, &app, [&](const OutboxEntry &e) {
        if (!crashAt.isEmpty() && stateKey(e.state) == crashAt)
            ::kill(::getpid(), SIGKILL);
    });
    QObject::connect(&runner, &OutboxRunner::idle, &app, [&] { app.quit(); });
    runner.setAccount(account, args.at(5));
    app.exec();
    return 0;
}
