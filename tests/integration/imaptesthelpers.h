// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "imap/envelopeloader.h"
#include "imap/imapconnection.h"
#include "imap/mailboxlister.h"

#include <QHash>
#include <QSignalSpy>
#include <QTest>

namespace TidingsTest {

// Synchronous wrappers for tests: each waits for the asynchronous result, bounded in time.
constexpr int ResultTimeoutMs = 30000;

inline Tidings::Account loopbackAccount(quint16 port, Tidings::Security security,
                                        const QString &user, const QString &caFile = {})
{
    Tidings::Account a;
    a.name = QStringLiteral("test");
    a.email = user;
    a.imap = {QStringLiteral("127.0.0.1"), port, security};
    a.caFile = caFile;
    a.timeoutSeconds = 5;
    return a;
}

inline Tidings::Error openSync(Tidings::ImapConnection &c, const QString &password)
{
    QSignalSpy ready(&c, &Tidings::ImapConnection::ready);
    QSignalSpy failed(&c, &Tidings::ImapConnection::failed);
    c.open(password);
    if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, ResultTimeoutMs))
        return {Tidings::ErrorKind::Network, QStringLiteral("test: no result")};
    return failed.isEmpty() ? Tidings::Error{}
                            : failed.constFirst().constFirst().value<Tidings::Error>();
}

inline Tidings::Error listSync(Tidings::ImapConnection &c, QList<Tidings::Mailbox> &out)
{
    Tidings::MailboxLister lister(&c);
    Tidings::Error result{Tidings::ErrorKind::Network, QStringLiteral("test: no result")};
    bool done = false;
    QObject::connect(&lister, &Tidings::MailboxLister::finished, &lister,
                     [&](const QList<Tidings::Mailbox> &m, const Tidings::Error &e) {
                         out = m;
                         result = e;
                         done = true;
                     });
    lister.start();
    if (!QTest::qWaitFor([&] { return done; }, ResultTimeoutMs))
        qWarning("timed out waiting for a result");
    return result;
}

inline Tidings::Error loadSync(Tidings::ImapConnection &c, const QString &mailbox,
                               QList<Tidings::Envelope> &out)
{
    Tidings::EnvelopeLoader loader(&c, mailbox);
    Tidings::Error result{Tidings::ErrorKind::Network, QStringLiteral("test: no result")};
    bool done = false;
    QObject::connect(&loader, &Tidings::EnvelopeLoader::envelopesArrived, &loader,
                     [&](const QList<Tidings::Envelope> &batch) { out += batch; });
    QObject::connect(&loader, &Tidings::EnvelopeLoader::finished, &loader,
                     [&](const Tidings::Error &e) {
                         result = e;
                         done = true;
                     });
    loader.start();
    if (!QTest::qWaitFor([&] { return done; }, ResultTimeoutMs))
        qWarning("timed out waiting for a result");
    return result;
}

// Subjects in `mailbox` as the server has them now, each with its flags.
inline QHash<QString, Tidings::MessageFlags> subjectsSync(Tidings::ImapConnection &c,
                                                          const QString &mailbox)
{
    QList<Tidings::Envelope> envelopes;
    if (loadSync(c, mailbox, envelopes).isError())
        qWarning("listing %s failed", qPrintable(mailbox));
    QHash<QString, Tidings::MessageFlags> out;
    for (const Tidings::Envelope &e : std::as_const(envelopes))
        out.insert(e.subject, e.flags);
    return out;
}

} // namespace TidingsTest

Q_DECLARE_METATYPE(Tidings::Error)
