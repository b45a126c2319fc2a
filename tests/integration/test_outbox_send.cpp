// SPDX-License-Identifier: GPL-3.0-or-later
// Sending through the outbox against real Postfix (SASL, sender-login maps) and Dovecot
// (LMTP delivery, ACL-shared Sent): delivery, Sent copies, delegation, 4xx retry, 5xx kept,
// and a process killed after SMTP acceptance never delivering twice.
#include "fixtures/dovecotserver.h"
#include "fixtures/postfixserver.h"
#include "fixtures/tokenintrospection.h"
#include "fixtures/verify.h"
#include "imap/idlewatcher.h"
#include "models/actionrunner.h"
#include "models/messagecomposer.h"
#include "models/outboxrunner.h"
#include "store/actionqueue.h"
#include "store/database.h"
#include "store/outbox.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test"); // the assistant, logs in
const QString Boss = QStringLiteral("boss@example.test");   // lets alice send for him
const QString Bob = QStringLiteral("bob@example.test");     // a recipient
const QString Later = QStringLiteral("later@example.test"); // greylists at first
const QString Ceo = QStringLiteral("ceo@example.test");     // alice may not send as her
const QString Password = QStringLiteral("alice-pw");
const QString SharedBossSent = QStringLiteral("Shared/boss@example.test/Sent");
constexpr int SettleTimeoutMs = 60000;
constexpr int DeliveryTimeoutMs = 30000;

Identity identity(const QString &email, IdentityKind kind,
                  DelegationMode mode = DelegationMode::SendAs, const QString &sent = {})
{
    Identity i;
    i.account = QStringLiteral("work");
    i.email = email;
    i.displayName = email.section(QLatin1Char('@'), 0, 0);
    i.kind = kind;
    i.mode = mode;
    i.sentMailbox = sent;
    return i;
}

Draft draftTo(const QString &to, const QString &subject)
{
    Draft d;
    d.to = {{{}, to}};
    d.subject = subject;
    d.plainBody = QStringLiteral("Text of %1\n").arg(subject);
    return d;
}

bool isSettled(const OutboxEntry &e)
{
    return e.state == OutboxState::Done || e.needsUser() ||
           (e.state == OutboxState::Queued && !e.lastError.isEmpty());
}
} // namespace

class TestOutboxSend : public QObject
{
    Q_OBJECT
private:
    Account account() const
    {
        Account a;
        a.name = QStringLiteral("work");
        a.email = Alice;
        a.displayName = QStringLiteral("Alice Assistant");
        a.imap = {QStringLiteral("127.0.0.1"), m_dovecot.imapPort(), Security::StartTls};
        a.smtp = {QStringLiteral("127.0.0.1"), m_postfix->smtpPort(), Security::StartTls};
        a.caFile = m_dovecot.certificatePath();
        a.timeoutSeconds = 30;
        return a;
    }

    QStringList files(const QString &user, const QString &mailbox) const
    {
        QString dir =
            m_dovecot.dir() + QStringLiteral("/home/") + user + QStringLiteral("/Maildir");
        if (mailbox != QLatin1String("INBOX"))
            dir +=
                QStringLiteral("/.") + QString(mailbox).replace(QLatin1Char('/'), QLatin1Char('.'));
        QStringList result;
        for (const char *sub : {"/new", "/cur"}) {
            const QDir d(dir + QLatin1String(sub));
            for (const QString &name : d.entryList(QDir::Files))
                result.append(d.filePath(name));
        }
        return result;
    }

    // The messages of `user`'s `mailbox` that carry `messageId`, as stored by Dovecot.
    QList<QByteArray> copiesOf(const QString &user, const QString &mailbox,
                               const QByteArray &messageId) const
    {
        QList<QByteArray> found;
        for (const QString &path : files(user, mailbox)) {
            const QByteArray content = readFile(path);
            if (content.contains("<" + messageId + ">"))
                found.append(content);
        }
        return found;
    }

    bool seenFlagOn(const QString &user, const QString &mailbox, const QByteArray &messageId)
    {
        for (const QString &path : files(user, mailbox)) {
            if (readFile(path).contains("<" + messageId + ">"))
                return path.section(QLatin1String(":2,"), 1).contains(QLatin1Char('S'));
        }
        return false;
    }

    // Runs the outbox until entry `id` has settled (done, refused, waiting for a retry).
    OutboxEntry settle(Outbox &outbox, qint64 id)
    {
        [[maybe_unused]] const bool settled = QTest::qWaitFor(
            [&] {
                const std::optional<OutboxEntry> e = outbox.find(id);
                return e && isSettled(*e);
            },
            SettleTimeoutMs);
        return outbox.find(id).value_or(OutboxEntry{});
    }

    int postfixAccepted(const QByteArray &messageId)
    {
        // cleanup(8) logs every message it takes in once, with its Message-ID.
        return int(m_postfix->log().count(
            QStringLiteral("message-id=<%1>").arg(QString::fromLatin1(messageId))));
    }

    // Sends one more message and waits until Postfix has logged it: log lines come in order,
    // so whatever was sent before is in the log from then on.
    bool flushPostfixLog()
    {
        OutboxRunner runner(m_outbox.get(), m_actions.get());
        runner.setAccount(account(), Password);
        Draft marker = draftTo(Bob, QStringLiteral("marker"));
        qint64 id = 0;
        if (runner.submit(marker, identity(Alice, IdentityKind::Own), account(), &id).isError() ||
            settle(*m_outbox, id).state != OutboxState::Done)
            return false;
        return QTest::qWaitFor([&] { return postfixAccepted(marker.messageId) == 1; },
                               DeliveryTimeoutMs);
    }

    QProcess::ExitStatus runHelper(const QString &crashAt)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        QStringList args{m_dbPath,
                         QString::number(m_dovecot.imapPort()),
                         QString::number(m_postfix->smtpPort()),
                         Alice,
                         Password,
                         m_dovecot.certificatePath()};
        if (!crashAt.isEmpty())
            args << crashAt;
        p.start(QStringLiteral(TIDINGS_OUTBOX_HELPER), args);
        if (!p.waitForFinished(SettleTimeoutMs))
            p.kill();
        const QByteArray out = p.readAll();
        if (!out.isEmpty())
            qInfo("helper: %s", out.constData());
        return p.exitStatus();
    }

    qint64 enqueueForHelper(Draft &draft)
    {
        OutboxEntry e;
        QByteArray mime;
        const Identity own = identity(Alice, IdentityKind::Own);
        if (MessageComposer(own, own.from()).compose(draft, &mime).isError())
            return 0;
        e.account = QStringLiteral("work");
        e.identity = own.key();
        e.messageId = draft.messageId;
        e.subject = draft.subject;
        e.envelopeFrom = Alice;
        for (const Address &a : draft.recipients())
            e.recipients.append(a.email);
        e.mime = mime;
        Database db(m_dbPath);
        if (db.open().isError())
            return 0;
        Outbox outbox(db);
        return outbox.enqueue(e).isError() ? 0 : e.id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const QString &user : {Alice, Boss, Bob, Later, Ceo})
            m_dovecot.addUser(user, user == Alice ? Password : QStringLiteral("pw"));
        // Tokens as well as passwords: XOAUTH2 against a local introspection endpoint.
        QVERIFY(m_idp.start());
        m_dovecot.setExtraConfig(m_idp.dovecotConfig());
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
        QVERIFY(m_dovecot.createMailbox(Boss, QStringLiteral("Sent")));
        QVERIFY(m_dovecot.share(Boss, QStringLiteral("Sent"), Alice, QStringLiteral("lrswi")));
        m_postfix = std::make_unique<PostfixServer>(m_dovecot);
        m_postfix->allowSender(Alice, {Alice, Boss}); // the boss lets alice send as him
        m_postfix->setRecipientAnswer(QStringLiteral("nobody@example.test"),
                                      QStringLiteral("550 5.1.1 No such user here"));
        QVERIFY2(m_postfix->start(), qPrintable(m_postfix->error()));
        m_dbPath = m_dir.filePath(QStringLiteral("cache.sqlite"));
        m_db = std::make_unique<Database>(m_dbPath);
        QVERIFY_OK(m_db->open());
        m_outbox = std::make_unique<Outbox>(*m_db);
        m_actions = std::make_unique<ActionQueue>(*m_db);
    }

    void ownIdentityArrivesAndIsSavedToOwnSent()
    {
        OutboxRunner runner(m_outbox.get(), m_actions.get());
        runner.setAccount(account(), Password);
        Draft d = draftTo(Bob, QStringLiteral("own"));
        d.bcc = {{{}, Boss}};
        qint64 id = 0;
        QVERIFY_OK(runner.submit(d, identity(Alice, IdentityKind::Own), account(), &id));
        const OutboxEntry e = settle(*m_outbox, id);
        QVERIFY2(e.state == OutboxState::Done, qPrintable(e.lastError));
        QTRY_COMPARE_WITH_TIMEOUT(copiesOf(Bob, QStringLiteral("INBOX"), d.messageId).size(), 1,
                                  DeliveryTimeoutMs);
        // Bcc: delivered, and named nowhere in the message.
        QTRY_COMPARE_WITH_TIMEOUT(copiesOf(Boss, QStringLiteral("INBOX"), d.messageId).size(), 1,
                                  DeliveryTimeoutMs);
        QVERIFY(!copiesOf(Bob, QStringLiteral("INBOX"), d.messageId)
                     .constFirst()
                     .contains(Boss.toUtf8()));
        QCOMPARE(copiesOf(Alice, QStringLiteral("Sent"), d.messageId).size(), 1);
        QVERIFY(seenFlagOn(Alice, QStringLiteral("Sent"), d.messageId));
    }

    void replyMarksTheOriginalAnswered()
    {
        QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"),
                                  "From: bob@example.test\r\nTo: alice@example.test\r\n"
                                  "Message-ID: <question@example.test>\r\n"
                                  "Subject: question\r\n\r\nWhen?\r\n"));
        OutboxRunner runner(m_outbox.get(), m_actions.get());
        QSignalSpy answered(&runner, &OutboxRunner::answeredQueued);
        runner.setAccount(account(), Password);
        Draft d = draftTo(Bob, QStringLiteral("Re: question"));
        d.inReplyTo = "question@example.test";
        d.references = {"question@example.test"};
        d.answers = {QStringLiteral("work"), QStringLiteral("INBOX"), 1};
        qint64 id = 0;
        QVERIFY_OK(runner.submit(d, identity(Alice, IdentityKind::Own), account(), &id));
        const OutboxEntry e = settle(*m_outbox, id);
        QVERIFY2(e.state == OutboxState::Done, qPrintable(e.lastError));
        QVERIFY(e.lastError.isEmpty());
        QCOMPARE(answered.size(), 1);

        // The action queue takes \Answered to the server like any other flag change.
        ActionRunner actions(m_actions.get());
        QSignalSpy done(&actions, &ActionRunner::actionDone);
        actions.setAccount(account(), Password);
        QVERIFY(done.wait(SettleTimeoutMs));
        const QStringList inbox = files(Alice, QStringLiteral("INBOX"));
        QCOMPARE(inbox.size(), 1);
        QVERIFY2(inbox.constFirst().section(QLatin1String(":2,"), 1).contains(QLatin1Char('R')),
                 qPrintable(inbox.constFirst()));
    }

    void sendAsWorksOnlyWhereAllowed()
    {
        OutboxRunner runner(m_outbox.get(), m_actions.get());
        runner.setAccount(account(), Password);
        Draft allowed = draftTo(Bob, QStringLiteral("as the boss"));
        qint64 id = 0;
        QVERIFY_OK(runner.submit(allowed, identity(Boss, IdentityKind::Delegated), account(), &id));
        OutboxEntry e = settle(*m_outbox, id);
        QVERIFY2(e.state == OutboxState::Done, qPrintable(e.lastError));
        QTRY_COMPARE_WITH_TIMEOUT(copiesOf(Bob, QStringLiteral("INBOX"), allowed.messageId).size(),
                                  1, DeliveryTimeoutMs);
        const QByteArray delivered =
            copiesOf(Bob, QStringLiteral("INBOX"), allowed.messageId).constFirst();
        QVERIFY(delivered.contains("From: boss <boss@example.test>"));
        QVERIFY(!delivered.contains("\nSender:"));

        QSignalSpy failures(&runner, &OutboxRunner::attemptFailed);
        Draft refused = draftTo(Bob, QStringLiteral("as the ceo"));
        QVERIFY_OK(runner.submit(refused, identity(Ceo, IdentityKind::Delegated), account(), &id));
        e = settle(*m_outbox, id);
        QCOMPARE(e.state, OutboxState::Failed);
        QVERIFY2(e.lastError.contains(QLatin1String("work:ceo@example.test")),
                 qPrintable(e.lastError));
        QVERIFY2(e.lastError.contains(QLatin1String("must allow account work")),
                 qPrintable(e.lastError));
        QVERIFY2(e.lastError.contains(QLatin1String("Sender address rejected")),
                 qPrintable(e.lastError));
        QVERIFY(!e.lastError.contains(QLatin1Char('\n')));
        QCOMPARE(failures.size(), 1);
        QCOMPARE(failures.constFirst().at(1).value<Error>().kind, ErrorKind::Refused);
        QVERIFY(!e.mime.isEmpty()); // kept for editing
        QVERIFY(flushPostfixLog());
        QCOMPARE(postfixAccepted(refused.messageId), 0);
    }

    void onBehalfCarriesSenderAndLandsInTheBossSent()
    {
        OutboxRunner runner(m_outbox.get(), m_actions.get());
        runner.setAccount(account(), Password);
        Draft d = draftTo(Bob, QStringLiteral("on behalf"));
        qint64 id = 0;
        QVERIFY_OK(runner.submit(
            d, identity(Boss, IdentityKind::Delegated, DelegationMode::OnBehalf, SharedBossSent),
            account(), &id));
        const OutboxEntry e = settle(*m_outbox, id);
        QVERIFY2(e.state == OutboxState::Done, qPrintable(e.lastError));
        QTRY_COMPARE_WITH_TIMEOUT(copiesOf(Bob, QStringLiteral("INBOX"), d.messageId).size(), 1,
                                  DeliveryTimeoutMs);
        const QByteArray delivered =
            copiesOf(Bob, QStringLiteral("INBOX"), d.messageId).constFirst();
        QVERIFY(delivered.contains("From: boss <boss@example.test>"));
        QVERIFY2(delivered.contains("Sender: Alice Assistant <alice@example.test>"),
                 delivered.constData());
        // The copy is in the boss's Sent (through the shared namespace), not alice's.
        QCOMPARE(copiesOf(Boss, QStringLiteral("Sent"), d.messageId).size(), 1);
        QCOMPARE(copiesOf(Alice, QStringLiteral("Sent"), d.messageId).size(), 0);
    }

    void permanentRefusalKeepsTheMessage()
    {
        OutboxRunner runner(m_outbox.get(), m_actions.get());
        runner.setAccount(account(), Password);
        Draft d = draftTo(QStringLiteral("nobody@example.test"), QStringLiteral("to nobody"));
        qint64 id = 0;
        QVERIFY_OK(runner.submit(d, identity(Alice, IdentityKind::Own), account(), &id));
        const OutboxEntry e = settle(*m_outbox, id);
        QCOMPARE(e.state, OutboxState::Failed);
        QVERIFY2(e.lastError.contains(QLatin1String("5.1.1")), qPrintable(e.lastError));
        QVERIFY2(e.lastError.contains(QLatin1String("No such user here")), qPrintable(e.lastError));
        QVERIFY(e.mime.contains(d.messageId));
        // Still there, and the user can send it again.
        QVERIFY_OK(runner.retry(id));
        QCOMPARE(settle(*m_outbox, id).state, OutboxState::Failed);
    }

    void transientRefusalIsRetried()
    {
        m_postfix->setRecipientAnswer(Later, QStringLiteral("450 4.2.1 Try again later"));
        OutboxRunner runner(m_outbox.get(), m_actions.get());
        runner.setRetryDelaysMs({2000});
        runner.setAccount(account(), Password);
        QSignalSpy failures(&runner, &OutboxRunner::attemptFailed);
        Draft d = draftTo(Later, QStringLiteral("greylisted"));
        qint64 id = 0;
        QVERIFY_OK(runner.submit(d, identity(Alice, IdentityKind::Own), account(), &id));
        OutboxEntry e = settle(*m_outbox, id);
        QCOMPARE(e.state, OutboxState::Queued);
        QVERIFY2(e.lastError.contains(QLatin1String("4.2.1")) &&
                     e.lastError.contains(QLatin1String("Try again later")),
                 qPrintable(e.lastError));
        QVERIFY(e.retryAt.isValid());
        QCOMPARE(failures.size(), 1);
        QCOMPARE(failures.constFirst().at(1).value<Error>().kind, ErrorKind::Network);

        m_postfix->setRecipientAnswer(Later, QStringLiteral("DUNNO"));
        QTRY_VERIFY_WITH_TIMEOUT(m_outbox->find(id)->state == OutboxState::Done, SettleTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(copiesOf(Later, QStringLiteral("INBOX"), d.messageId).size(), 1,
                                  DeliveryTimeoutMs);
        QVERIFY(flushPostfixLog());
        QCOMPARE(postfixAccepted(d.messageId), 1);
    }

    void killedAfterAcceptanceNeverDeliversTwice()
    {
        Draft d = draftTo(Bob, QStringLiteral("killed after acceptance"));
        const qint64 id = enqueueForHelper(d);
        QVERIFY(id > 0);
        QCOMPARE(runHelper(QStringLiteral("Accepted")), QProcess::CrashExit);
        QCOMPARE(m_outbox->find(id)->state, OutboxState::Accepted);
        QTRY_COMPARE_WITH_TIMEOUT(copiesOf(Bob, QStringLiteral("INBOX"), d.messageId).size(), 1,
                                  DeliveryTimeoutMs);
        QCOMPARE(copiesOf(Alice, QStringLiteral("Sent"), d.messageId).size(), 0);

        // The next start makes the Sent copy and does not send again.
        QCOMPARE(runHelper({}), QProcess::NormalExit);
        QCOMPARE(m_outbox->find(id)->state, OutboxState::Done);
        QCOMPARE(copiesOf(Alice, QStringLiteral("Sent"), d.messageId).size(), 1);
        QVERIFY(flushPostfixLog());
        QCOMPARE(postfixAccepted(d.messageId), 1);
        QCOMPARE(copiesOf(Bob, QStringLiteral("INBOX"), d.messageId).size(), 1);
    }

    void sendingFoundAtStartUpIsInterruptedNotSent()
    {
        Draft d = draftTo(Bob, QStringLiteral("killed while sending"));
        const qint64 id = enqueueForHelper(d);
        QVERIFY(id > 0);
        QCOMPARE(runHelper(QStringLiteral("Sending")), QProcess::CrashExit);
        QCOMPARE(m_outbox->find(id)->state, OutboxState::Sending);

        OutboxRunner runner(m_outbox.get(), m_actions.get());
        QCOMPARE(runner.recoverInterrupted(), 1);
        QSignalSpy idle(&runner, &OutboxRunner::idle);
        runner.setAccount(account(), Password);
        QVERIFY(idle.wait(SettleTimeoutMs));
        const OutboxEntry e = *m_outbox->find(id);
        QCOMPARE(e.state, OutboxState::Interrupted);
        QVERIFY(e.lastError.contains(QLatin1String("may or may not have gone out")));
        QVERIFY(flushPostfixLog());
        QCOMPARE(postfixAccepted(d.messageId), 0);
        QCOMPARE(copiesOf(Bob, QStringLiteral("INBOX"), d.messageId).size(), 0);
    }

    void cleanupTestCase()
    {
        m_actions.reset();
        m_outbox.reset();
        m_db.reset();
    }

    void tokenAccountSignsInAndSendsWithXOAuth2()
    {
        Account oauth = account();
        oauth.oauthProvider = QStringLiteral("google");
        const QString token = m_idp.issue(Alice);
        const int before = m_idp.requests();
        // IMAP (the Sent copy's session) and SMTP both sign in with the token.
        OutboxRunner runner(m_outbox.get(), m_actions.get());
        runner.setAccount(oauth, token);
        Draft d = draftTo(Bob, QStringLiteral("signed in with a token"));
        qint64 id = 0;
        QVERIFY_OK(runner.submit(d, identity(Alice, IdentityKind::Own), oauth, &id));
        const OutboxEntry e = settle(*m_outbox, id);
        QVERIFY2(e.state == OutboxState::Done, qPrintable(e.lastError));
        QTRY_COMPARE_WITH_TIMEOUT(copiesOf(Bob, QStringLiteral("INBOX"), d.messageId).size(), 1,
                                  DeliveryTimeoutMs);
        QCOMPARE(copiesOf(Alice, QStringLiteral("Sent"), d.messageId).size(), 1);
        QVERIFY(m_idp.requests() >= before + 2); // Dovecot asked the identity provider
    }

    void anExpiredTokenIsALoginFailureAndKeepsTheMessage()
    {
        Account oauth = account();
        oauth.oauthProvider = QStringLiteral("google");
        const QString token = m_idp.issue(Alice);
        m_idp.revoke(token); // expired or revoked: the provider says "not active"
        OutboxRunner runner(m_outbox.get(), m_actions.get());
        QSignalSpy failed(&runner, &OutboxRunner::attemptFailed);
        runner.setAccount(oauth, token);
        Draft d = draftTo(Bob, QStringLiteral("expired token"));
        qint64 id = 0;
        QVERIFY_OK(runner.submit(d, identity(Alice, IdentityKind::Own), oauth, &id));
        QVERIFY(failed.wait(SettleTimeoutMs));
        QCOMPARE(failed.constFirst().at(1).value<Error>().kind, ErrorKind::Authentication);
        const std::optional<OutboxEntry> kept = m_outbox->find(id);
        QVERIFY(kept && !kept->isPastSmtp());
        QVERIFY(!kept->mime.isEmpty());
        QVERIFY_OK(m_outbox->remove(id));
    }

    void idleSignsInWithTheTokenToo()
    {
        Account oauth = account();
        oauth.oauthProvider = QStringLiteral("google");
        IdleWatcher watcher(oauth, m_idp.issue(Alice));
        QSignalSpy watching(&watcher, &IdleWatcher::watching);
        QSignalSpy failed(&watcher, &IdleWatcher::failed);
        watcher.watch(QStringLiteral("INBOX"));
        QVERIFY(QTest::qWaitFor([&] { return !watching.isEmpty() || !failed.isEmpty(); },
                                SettleTimeoutMs));
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<Error>().message));

        IdleWatcher refused(oauth, QStringLiteral("not-a-token"));
        QSignalSpy refusedFailed(&refused, &IdleWatcher::failed);
        refused.watch(QStringLiteral("INBOX"));
        QVERIFY(refusedFailed.wait(SettleTimeoutMs));
        QCOMPARE(refusedFailed.constFirst().at(0).value<Error>().kind, ErrorKind::Authentication);
    }

private:
    TokenIntrospection m_idp; // before Dovecot, which asks it
    DovecotServer m_dovecot;
    std::unique_ptr<PostfixServer> m_postfix;
    QTemporaryDir m_dir;
    QString m_dbPath;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<ActionQueue> m_actions;
};

QTEST_GUILESS_MAIN(TestOutboxSend)
#include "test_outbox_send.moc"
