// SPDX-License-Identifier: GPL-3.0-or-later
// The tidings binary's account commands against real Dovecot and gnome-keyring, with the
// exit codes of DESIGN.md.
#include "fixtures/dovecotserver.h"
#include "fixtures/keyringsession.h"
#include "fixtures/processrun.h"
#include "fixtures/tempdir.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Password = QStringLiteral("alice-pw");

ProcessRun tidings(const QStringList &args, const QByteArray &stdinData = {},
                   const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return runProcess(QStringLiteral(TIDINGS_BINARY), args, stdinData, env, 60000);
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private:
    QStringList addArgs(const QString &name, quint16 port, const QString &security,
                        bool trust = true) const
    {
        QStringList a{QStringLiteral("account"),         QStringLiteral("add"),
                      QStringLiteral("--config-dir"),    m_profile.path(),
                      QStringLiteral("--name"),          name,
                      QStringLiteral("--email"),         Alice,
                      QStringLiteral("--imap-host"),     QStringLiteral("127.0.0.1"),
                      QStringLiteral("--imap-port"),     QString::number(port),
                      QStringLiteral("--imap-security"), security,
                      QStringLiteral("--timeout"),       QStringLiteral("5")};
        if (trust)
            a << QStringLiteral("--ca-file") << m_dovecot.certificatePath();
        return a;
    }
    QStringList accountArgs(const QString &action, const QString &name = {}) const
    {
        QStringList a{QStringLiteral("account"), action, QStringLiteral("--config-dir"),
                      m_profile.path()};
        if (!name.isEmpty())
            a << QStringLiteral("--name") << name;
        return a;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_keyring.start(), qPrintable(m_keyring.error()));
        m_dovecot.addUser(Alice, Password);
        QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"),
                                  "From: a@example.org\r\nSubject: hi\r\n\r\nhello\r\n"));
        QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"),
                                  "From: b@example.org\r\nSubject: again\r\n\r\nhello\r\n",
                                  QStringLiteral("S")));
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
    }

    void addListCheckRemove()
    {
        const ProcessRun add = tidings(
            addArgs(QStringLiteral("work"), m_dovecot.imapPort(), QStringLiteral("starttls")),
            Password.toUtf8() + '\n');
        QVERIFY2(add.code == 0, qPrintable(add.err));
        QVERIFY(add.out.contains(QLatin1String("added account work")));

        // The password is in the keyring only, never in the profile.
        const QByteArray ini = readFile(m_profile.filePath(QStringLiteral("accounts.ini")));
        QVERIFY(ini.contains("127.0.0.1"));
        QVERIFY(!ini.contains(Password.toUtf8()));

        const ProcessRun list = tidings(accountArgs(QStringLiteral("list")));
        QCOMPARE(list.code, 0);
        QVERIFY2(list.out.contains(QLatin1String("work\talice@example.test\timap 127.0.0.1:")),
                 qPrintable(list.out));
        QVERIFY(list.out.contains(QLatin1String("starttls")));

        const ProcessRun check =
            tidings(accountArgs(QStringLiteral("check"), QStringLiteral("work")));
        QVERIFY2(check.code == 0, qPrintable(check.err));
        QVERIFY2(check.out.contains(QLatin1String("Sent\t(Sent)")), qPrintable(check.out));
        QVERIFY(check.out.contains(QLatin1String("INBOX: 2 messages")));

        const ProcessRun dup = tidings(
            addArgs(QStringLiteral("work"), m_dovecot.imapPort(), QStringLiteral("starttls")),
            Password.toUtf8());
        QCOMPARE(dup.code, 2);
        QVERIFY(dup.err.contains(QLatin1String("already exists")));

        const ProcessRun remove =
            tidings(accountArgs(QStringLiteral("remove"), QStringLiteral("work")));
        QVERIFY2(remove.code == 0, qPrintable(remove.err));
        QVERIFY(tidings(accountArgs(QStringLiteral("list"))).out.isEmpty());
        // The secret went with it: a new profile entry of the same name has no password.
        const ProcessRun gone =
            tidings(accountArgs(QStringLiteral("check"), QStringLiteral("work")));
        QCOMPARE(gone.code, 2);
    }

    void syncCachesAndResyncsCheaply()
    {
        const ProcessRun add = tidings(
            addArgs(QStringLiteral("cache"), m_dovecot.imapPort(), QStringLiteral("starttls")),
            Password.toUtf8());
        QVERIFY2(add.code == 0, qPrintable(add.err));
        const QStringList sync{QStringLiteral("sync"), QStringLiteral("--config-dir"),
                               m_profile.path()};
        const ProcessRun first = tidings(sync);
        QVERIFY2(first.code == 0, qPrintable(first.err));
        // INBOX's two messages; Drafts, Sent, Trash, Junk and Archive are empty.
        QVERIFY2(first.out.startsWith(
                     QLatin1String("synced 6 mailboxes: 2 new, 0 changed, 0 removed in ")),
                 qPrintable(first.out));
        QVERIFY(QFile::exists(m_profile.filePath(QStringLiteral("cache.sqlite"))));
        const ProcessRun again = tidings(sync);
        QVERIFY2(
            again.out.startsWith(QLatin1String("synced 6 mailboxes: 0 new, 0 changed, 0 removed")),
            qPrintable(again.out));

        // One mailbox that cannot be opened is reported; the exit code says the server refused.
        const ProcessRun missing =
            tidings(sync + QStringList{QStringLiteral("--mailbox"), QStringLiteral("Nope")});
        QCOMPARE(missing.code, 5);
        QVERIFY2(missing.err.contains(QLatin1String("Nope")), qPrintable(missing.err));
        QVERIFY(missing.out.startsWith(QLatin1String("synced 0 mailboxes")));

        const ProcessRun unknown =
            tidings(sync + QStringList{QStringLiteral("--account"), QStringLiteral("nobody")});
        QCOMPARE(unknown.code, 2);
        QVERIFY(tidings(accountArgs(QStringLiteral("remove"), QStringLiteral("cache"))).code == 0);

        // A new account of the same name starts from an empty cache.
        QCOMPARE(tidings(addArgs(QStringLiteral("cache"), m_dovecot.imapPort(),
                                 QStringLiteral("starttls")),
                         Password.toUtf8())
                     .code,
                 0);
        const ProcessRun fresh = tidings(sync);
        QVERIFY2(fresh.out.startsWith(QLatin1String("synced 6 mailboxes: 2 new")),
                 qPrintable(fresh.out));
        QVERIFY(tidings(accountArgs(QStringLiteral("remove"), QStringLiteral("cache"))).code == 0);
    }

    void failuresHaveExitCodesAndOneLineCauses_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("cause");
        QTest::newRow("wrong password") << QStringLiteral("password") << 4 << Alice;
        QTest::newRow("nothing listening")
            << QStringLiteral("closed") << 3 << QStringLiteral("cannot connect");
        QTest::newRow("untrusted certificate")
            << QStringLiteral("untrusted") << 3 << QStringLiteral("not trusted");
        QTest::newRow("bad port") << QStringLiteral("port") << 2 << QStringLiteral("--imap-port");
        QTest::newRow("bad security")
            << QStringLiteral("security") << 2 << QStringLiteral("--imap-security");
        QTest::newRow("plain to a remote host")
            << QStringLiteral("remote") << 2 << QStringLiteral("unencrypted");
        QTest::newRow("no password")
            << QStringLiteral("nopassword") << 2 << QStringLiteral("standard input");
        QTest::newRow("missing option")
            << QStringLiteral("usage") << 1 << QStringLiteral("--email");
    }
    void failuresHaveExitCodesAndOneLineCauses()
    {
        QFETCH(QString, what);
        QFETCH(int, code);
        QFETCH(QString, cause);
        QStringList args =
            addArgs(QStringLiteral("bad"), m_dovecot.imapPort(), QStringLiteral("starttls"));
        QByteArray password = Password.toUtf8();
        if (what == QLatin1String("password"))
            password = "nope";
        else if (what == QLatin1String("closed"))
            args = addArgs(QStringLiteral("bad"), freePort(), QStringLiteral("tls"));
        else if (what == QLatin1String("untrusted"))
            args =
                addArgs(QStringLiteral("bad"), m_dovecot.imapsPort(), QStringLiteral("tls"), false);
        else if (what == QLatin1String("port"))
            args = addArgs(QStringLiteral("bad"), 0, QStringLiteral("tls"));
        else if (what == QLatin1String("security"))
            args = addArgs(QStringLiteral("bad"), 993, QStringLiteral("tsl"));
        else if (what == QLatin1String("remote"))
            args[args.indexOf(QStringLiteral("127.0.0.1"))] = QStringLiteral("imap.example.com"),
            args[args.indexOf(QStringLiteral("starttls"))] = QStringLiteral("none");
        else if (what == QLatin1String("nopassword"))
            password.clear();
        else if (what == QLatin1String("usage"))
            args.remove(args.indexOf(QStringLiteral("--email")), 2);
        const ProcessRun r = tidings(args, password);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(cause), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        // A failed add stores nothing.
        QVERIFY(!tidings(accountArgs(QStringLiteral("list"))).out.contains(QLatin1String("bad")));
    }

    void guiWithoutDisplaySaysHowToGetOne()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        const ProcessRun r = tidings({QStringLiteral("--config-dir"), m_profile.path()}, {}, env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("no display")), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("xvfb-run")));
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);

        env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":4242"));
        const ProcessRun dead =
            tidings({QStringLiteral("--config-dir"), m_profile.path()}, {}, env);
        QCOMPARE(dead.code, 1);
        QVERIFY2(dead.err.contains(QLatin1String(":4242")), qPrintable(dead.err));
    }

private:
    KeyringSession m_keyring;
    DovecotServer m_dovecot;
    TempDir m_profile;
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
