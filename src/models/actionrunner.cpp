// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/actionrunner.h"

#include "imap/actionreplayer.h"
#include "imap/imapconnection.h"
#include "store/actionqueue.h"

namespace Tidings {

struct ActionRunner::Replay
{
    Account account;
    QString secret;
    bool refused = false; // the server refused `secret`: no login with it again
    std::unique_ptr<ImapConnection> connection;
    std::unique_ptr<ActionReplayer> replayer;
    QTimer retry;
};

ActionRunner::ActionRunner(ActionQueue *queue, QObject *parent)
    : QObject(parent)
    , m_queue(queue)
{
}

ActionRunner::~ActionRunner() = default;

void ActionRunner::setAccount(const Account &account, const QString &secret)
{
    auto replay = std::make_shared<Replay>();
    replay->account = account;
    replay->secret = secret;
    replay->connection = std::make_unique<ImapConnection>(account);
    replay->replayer = std::make_unique<ActionReplayer>(replay->connection.get(), m_queue);
    replay->retry.setSingleShot(true);
    const QString name = account.name;
    connect(&replay->retry, &QTimer::timeout, this, [this, name] { this->replay(name); });
    connect(replay->connection.get(), &ImapConnection::ready, this, [this, name] {
        if (const auto r = m_replays.value(name))
            r->replayer->start();
    });
    connect(replay->connection.get(), &ImapConnection::failed, this, [this, name](const Error &e) {
        // A running replay reports the same loss itself, with the action it hit.
        const auto r = m_replays.value(name);
        if (r && !r->replayer->isRunning())
            onStopped(name, e);
    });
    connect(replay->replayer.get(), &ActionReplayer::actionDone, this, &ActionRunner::actionDone);
    connect(replay->replayer.get(), &ActionReplayer::actionFailed, this,
            &ActionRunner::actionFailed);
    connect(replay->replayer.get(), &ActionReplayer::finished, this, [this, name](const Error &e) {
        if (e.isError())
            onStopped(name, e);
        else
            Q_EMIT idle(name);
    });
    m_replays.insert(name, replay);
    this->replay(name);
}

void ActionRunner::setSecret(const QString &account, const QString &secret)
{
    const auto r = m_replays.value(account);
    if (!r)
        return; // setAccount() comes with it
    if (r->refused && secret == r->secret)
        return; // the same secret again (the keyring's, on a reconnect)
    r->secret = secret;
    r->refused = false;
    replay(account);
}

void ActionRunner::replay(const QString &account)
{
    const auto r = m_replays.value(account);
    if (!r)
        return; // not logged in yet: setAccount() replays
    r->retry.stop();
    switch (r->connection->state()) {
    case ImapConnection::State::Ready:
        r->replayer->start();
        return;
    case ImapConnection::State::Connecting:
        return; // ready() starts it
    case ImapConnection::State::Disconnected:
    case ImapConnection::State::Failed:
        break;
    }
    if (r->refused)
        return; // until setSecret()
    bool waiting = false;
    for (const MailAction &a : m_queue->pending())
        waiting = waiting || a.account == account;
    if (waiting)
        r->connection->open(r->secret);
}

void ActionRunner::onStopped(const QString &account, const Error &error)
{
    const auto r = m_replays.value(account);
    if (!r)
        return;
    // A loss seen by the connection and the replay both is one stop.
    if (r->retry.isActive() || r->refused)
        return;
    // Retrying a refused password gets accounts locked: a new secret must come first.
    if (error.kind == ErrorKind::Authentication)
        r->refused = true;
    else
        r->retry.start(m_retryMs);
    Q_EMIT waiting(account, error);
}

QList<qint64> ActionRunner::inFlight() const
{
    QList<qint64> ids;
    for (const auto &r : m_replays) {
        if (const qint64 id = r->replayer->currentAction())
            ids.append(id);
    }
    return ids;
}

} // namespace Tidings
