// SPDX-License-Identifier: GPL-3.0-or-later
// `tidings send` end to end: the binary with a profile and a keyring, real Postfix and
// Dovecot; the message arrives, its copy is in Sent, a refused identity is named.
#include "fixtures/dovecotserver.h"
#include "fixtures/keyringsession.h"
#include "fixtures/postfixserver.h"
#include "fixtures/tempdir.h"
#include "fixtures/verify.h"
#include "store/configdir.h"
#include "store/database.h"
#include "store/identitystore.h"
#include "store/outbox.h"

#include <QDir>
#include <QProcess>
#include <QTest>

#include "fixtures/processrun.h"

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Bob = QStringLiteral("bob@example.test");
const QString Ceo = QStringLiteral("ceo@example.test");
const QString Later = QStringLiteral("later@example.test");
const QString Password = QStringLiteral("alice-pw");
constexpr int DeliveryTimeoutMs = 30000;

ProcessRun tidings(const QStringList &args, const QByteArray &stdinData = {})
{
    return runProcess(QStringLiteral(TIDINGS_BINARY), args, stdinData);
}
} // namespace

class TestSendCli : public QObject
{
    Q_OBJECT
private:
    QStringList send(const QStringList &more) const
    {
        return QStringList{QStringLiteral("send"), QStringLiteral("--config-dir"),
                           m_profile.path()} +
               more;
    }

    QList<QByteArray> messagesOf(const QString &user, const QString &folder,
                                 const QString &needle) const
    {
        QList<QByteArray> found;
        const QString dir =
            m_dovecot.dir() + QStringLiteral("/home/") + user + QStringLiteral("/Maildir") + folder;
        for (const char *sub : {"/new", "/cur"}) {
            const QDir d(dir + QLatin1String(sub));
            for (const QString &name : d.entryList(QDir::Files)) {
                const QByteArray content = readFile(d.filePath(name));
                if (content.contains(needle.toUtf8()))
                    found.append(content);
            }
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_keyring.start(), qPrintable(m_keyring.error()));
        m_dovecot.addUser(Alice, Password);
        m_dovecot.addUser(Bob, QStringLiteral("pw"));
        m_dovecot.addUser(Ceo, QStringLiteral("pw"));
        m_dovecot.addUser(Later, QStringLiteral("pw"));
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
        m_postfix = std::make_unique<PostfixServer>(m_dovecot);
        m_postfix->allowSender(Alice, {Alice});
        m_postfix->setRecipientAnswer(Later, QStringLiteral("450 4.2.1 Try again later"));
        QVERIFY2(m_postfix->start(), qPrintable(m_postfix->error()));
        const ProcessRun add =
            tidings({QStringLiteral("account"),         QStringLiteral("add"),
                     QStringLiteral("--config-dir"),    m_profile.path(),
                     QStringLiteral("--name"),          QStringLiteral("work"),
                     QStringLiteral("--email"),         Alice,
                     QStringLiteral("--display-name"),  QStringLiteral("Alice Assistant"),
                     QStringLiteral("--imap-host"),     QStringLiteral("127.0.0.1"),
                     QStringLiteral("--imap-port"),     QString::number(m_dovecot.imapPort()),
                     QStringLiteral("--imap-security"), QStringLiteral("starttls"),
                     QStringLiteral("--smtp-host"),     QStringLiteral("127.0.0.1"),
                     QStringLiteral("--smtp-port"),     QString::number(m_postfix->smtpPort()),
                     QStringLiteral("--smtp-security"), QStringLiteral("starttls"),
                     QStringLiteral("--ca-file"),       m_dovecot.certificatePath(),
                     QStringLiteral("--timeout"),       QStringLiteral("30")},
                    Password.toUtf8() + '\n');
        QVERIFY2(add.code == 0, qPrintable(add.err));
    }

    void sendsWithAttachmentAndSavesTheCopy()
    {
        const QString attachment = m_profile.filePath(QStringLiteral("notes.txt"));
        QVERIFY(writeFile(attachment, "attached notes\n"));
        const ProcessRun r =
            tidings(send({QStringLiteral("--to"), QStringLiteral("Bob <%1>").arg(Bob),
                          QStringLiteral("--subject"), QStringLiteral("From the CLI"),
                          QStringLiteral("--attach"), attachment}),
                    "Hello Bob,\nfrom a script.\n");
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QLatin1String("sent <")), qPrintable(r.out));
        QTRY_COMPARE_WITH_TIMEOUT(
            messagesOf(Bob, {}, QStringLiteral("Subject: From the CLI")).size(), 1,
            DeliveryTimeoutMs);
        const QByteArray delivered =
            messagesOf(Bob, {}, QStringLiteral("Subject: From the CLI")).constFirst();
        QVERIFY(delivered.contains("From: Alice Assistant <alice@example.test>"));
        QVERIFY(delivered.contains("filename=\"notes.txt\""));
        QVERIFY(delivered.contains("from a script."));
        QCOMPARE(
            messagesOf(Alice, QStringLiteral("/.Sent"), QStringLiteral("Subject: From the CLI"))
                .size(),
            1);
    }

    void refusedIdentityIsNamed()
    {
        Identity ceo;
        ceo.account = QStringLiteral("work");
        ceo.email = Ceo;
        ceo.kind = IdentityKind::Delegated;
        QVERIFY_OK(IdentityStore(m_profile.path()).add(ceo));
        const ProcessRun r =
            tidings(send({QStringLiteral("--identity"), Ceo, QStringLiteral("--to"), Bob,
                          QStringLiteral("--subject"), QStringLiteral("As the CEO")}),
                    "Hi\n");
        QCOMPARE(r.code, 5);
        QVERIFY2(r.err.contains(Ceo) && r.err.contains(QLatin1String("must allow account work")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("Sender address rejected")), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    }

    void deferredIsNotLeftQueued()
    {
        const ProcessRun r =
            tidings(send({QStringLiteral("--to"), Later, QStringLiteral("--subject"),
                          QStringLiteral("Deferred")}),
                    "Hi\n");
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QLatin1String("4.2.1")), qPrintable(r.err));
        // The script was told "not sent": nothing may go out later behind its back.
        Database db(cacheDatabasePath(m_profile.path()));
        QVERIFY_OK(db.open());
        for (const OutboxEntry &e : Outbox(db).entries())
            QVERIFY(e.subject != QLatin1String("Deferred"));
    }

    void usageAndInputErrors()
    {
        QCOMPARE(tidings(send({QStringLiteral("--subject"), QStringLiteral("x")}), "x").code, 1);
        const ProcessRun bad =
            tidings(send({QStringLiteral("--to"), QStringLiteral("not-an-address"),
                          QStringLiteral("--subject"), QStringLiteral("x")}),
                    "x");
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains(QLatin1String("--to")));
        const ProcessRun unknown = tidings(
            send({QStringLiteral("--identity"), QStringLiteral("nobody@example.test"),
                  QStringLiteral("--to"), Bob, QStringLiteral("--subject"), QStringLiteral("x")}),
            "x");
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.contains(QLatin1String("nobody@example.test")));
    }

private:
    KeyringSession m_keyring;
    DovecotServer m_dovecot;
    std::unique_ptr<PostfixServer> m_postfix;
    TempDir m_profile;
};

QTEST_GUILESS_MAIN(TestSendCli)
#include "test_send_cli.moc"
