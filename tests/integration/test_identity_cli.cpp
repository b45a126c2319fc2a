// SPDX-License-Identifier: GPL-3.0-or-later
// tidings identity|profile: provisioning identities and profiles headless, with the exit
// codes of DESIGN.md. Accounts are added with --no-check into a real gnome-keyring.
#include "fixtures/keyringsession.h"
#include "fixtures/processrun.h"
#include "fixtures/tempdir.h"

#include <QTest>

using namespace TidingsTest;

class TestIdentityCli : public QObject
{
    Q_OBJECT
private:
    ProcessRun tidings(QStringList args, const QByteArray &stdinData = {}) const
    {
        args.insert(2, QStringLiteral("--config-dir"));
        args.insert(3, m_profile.path());
        return runProcess(QStringLiteral(TIDINGS_BINARY), args, stdinData);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_keyring.start(), qPrintable(m_keyring.error()));
        const ProcessRun added =
            tidings({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--name"),
                     QStringLiteral("work"), QStringLiteral("--email"),
                     QStringLiteral("assistant@example.test"), QStringLiteral("--imap-host"),
                     QStringLiteral("127.0.0.1"), QStringLiteral("--imap-security"),
                     QStringLiteral("none"), QStringLiteral("--no-check")},
                    "pw\n");
        QVERIFY2(added.code == 0, qPrintable(added.err));
    }

    void identitiesAddListRemove()
    {
        ProcessRun r = tidings(
            {QStringLiteral("identity"), QStringLiteral("add"), QStringLiteral("--account"),
             QStringLiteral("work"), QStringLiteral("--email"), QStringLiteral("boss@example.test"),
             QStringLiteral("--display-name"), QStringLiteral("The Boss"), QStringLiteral("--mode"),
             QStringLiteral("on-behalf"), QStringLiteral("--sent-mailbox"),
             QStringLiteral("Shared/boss@example.test/Sent")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = tidings({QStringLiteral("identity"), QStringLiteral("add"), QStringLiteral("--account"),
                     QStringLiteral("work"), QStringLiteral("--email"),
                     QStringLiteral("help@example.test"), QStringLiteral("--signature"),
                     QStringLiteral("The help desk")});
        QVERIFY2(r.code == 0, qPrintable(r.err));

        r = tidings({QStringLiteral("identity"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith(QLatin1String("work:assistant@example.test\town")));
        QVERIFY2(lines.at(1).contains(QLatin1String("work:boss@example.test\tdelegated\tThe "
                                                    "Boss\ton-behalf\tsent: Shared/")),
                 qPrintable(lines.at(1)));
        QVERIFY(lines.at(2).startsWith(QLatin1String("work:help@example.test\talias")));

        // Bad input: one line, exit code 2, naming what is wrong.
        r = tidings({QStringLiteral("identity"), QStringLiteral("add"), QStringLiteral("--account"),
                     QStringLiteral("work"), QStringLiteral("--email"),
                     QStringLiteral("x@example.test"), QStringLiteral("--mode"),
                     QStringLiteral("sideways")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("sideways")), qPrintable(r.err));
        r = tidings({QStringLiteral("identity"), QStringLiteral("add"), QStringLiteral("--account"),
                     QStringLiteral("home"), QStringLiteral("--email"),
                     QStringLiteral("x@example.test")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("home")));
        r = tidings({QStringLiteral("identity"), QStringLiteral("add")});
        QCOMPARE(r.code, 1);

        r = tidings({QStringLiteral("identity"), QStringLiteral("remove"),
                     QStringLiteral("--identity"), QStringLiteral("work:help@example.test")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = tidings({QStringLiteral("identity"), QStringLiteral("list")});
        QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 2);
    }

    void profilesAddListRemove()
    {
        ProcessRun r =
            tidings({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--name"),
                     QStringLiteral("Boss"), QStringLiteral("--mailbox"),
                     QStringLiteral("work:Shared/boss@example.test/INBOX"),
                     QStringLiteral("--identity"), QStringLiteral("boss@example.test")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = tidings({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--name"),
                     QStringLiteral("Mine"), QStringLiteral("--account"), QStringLiteral("work")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = tidings({QStringLiteral("profile"), QStringLiteral("list")});
        QCOMPARE(r.out, QStringLiteral("Boss\twork:Shared/boss@example.test/INBOX\twork:boss@"
                                       "example.test\nMine\twork\t\n"));

        // Every name a profile uses must exist.
        r = tidings({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--name"),
                     QStringLiteral("X"), QStringLiteral("--account"), QStringLiteral("home")});
        QCOMPARE(r.code, 2);
        r = tidings({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--name"),
                     QStringLiteral("X"), QStringLiteral("--account"), QStringLiteral("work"),
                     QStringLiteral("--identity"), QStringLiteral("nobody@example.test")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("nobody@example.test")));
        r = tidings({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("--name"),
                     QStringLiteral("Mine"), QStringLiteral("--account"), QStringLiteral("work")});
        QCOMPARE(r.code, 2); // exists already

        // The GUI refuses an unknown profile before it needs a display.
        r = tidings({QStringLiteral("--profile"), QStringLiteral("Nope")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("no profile named 'Nope'")), qPrintable(r.err));

        r = tidings({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("--name"),
                     QStringLiteral("Mine")});
        QCOMPARE(r.code, 0);
        r = tidings({QStringLiteral("profile"), QStringLiteral("list")});
        QVERIFY(!r.out.contains(QLatin1String("Mine")));
    }

private:
    KeyringSession m_keyring;
    TempDir m_profile;
};

QTEST_GUILESS_MAIN(TestIdentityCli)
#include "test_identity_cli.moc"
