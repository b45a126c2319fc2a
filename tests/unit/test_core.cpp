// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/account.h"
#include "core/envelope.h"
#include "core/mailbox.h"

#include <QTest>

using namespace Tidings;

class TestCore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void securityParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected"); // -1: rejected
        QTest::newRow("tls") << QStringLiteral("tls") << int(Security::Tls);
        QTest::newRow("ssl alias") << QStringLiteral("SSL") << int(Security::Tls);
        QTest::newRow("starttls") << QStringLiteral(" StartTLS ") << int(Security::StartTls);
        QTest::newRow("none") << QStringLiteral("none") << int(Security::None);
        QTest::newRow("typo") << QStringLiteral("tsl") << -1;
        QTest::newRow("empty") << QString() << -1;
    }
    void securityParsing()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        const auto parsed = securityFromString(text);
        QCOMPARE(parsed.has_value(), expected >= 0);
        if (parsed)
            QCOMPARE(int(*parsed), expected);
    }

    void defaultPorts()
    {
        QCOMPARE(defaultImapPort(Security::Tls), quint16(993));
        QCOMPARE(defaultImapPort(Security::StartTls), quint16(143));
        QCOMPARE(defaultSmtpPort(Security::Tls), quint16(465));
        QCOMPARE(defaultSmtpPort(Security::StartTls), quint16(587));
    }

    void plainOnlyToLoopbackUnlessConfirmed_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("confirmed");
        QTest::addColumn<bool>("valid");
        QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << false << true;
        QTest::newRow("127.8.9.1") << QStringLiteral("127.8.9.1") << false << true;
        QTest::newRow("::1") << QStringLiteral("::1") << false << true;
        QTest::newRow("localhost") << QStringLiteral("localhost") << false << true;
        QTest::newRow("remote") << QStringLiteral("imap.example.com") << false << false;
        QTest::newRow("remote ip") << QStringLiteral("192.0.2.7") << false << false;
        QTest::newRow("remote confirmed") << QStringLiteral("imap.example.com") << true << true;
    }
    void plainOnlyToLoopbackUnlessConfirmed()
    {
        QFETCH(QString, host);
        QFETCH(bool, confirmed);
        QFETCH(bool, valid);
        Account a;
        a.name = QStringLiteral("work");
        a.email = QStringLiteral("me@example.com");
        a.imap = {host, 143, Security::None};
        a.plainConfirmed = confirmed;
        QCOMPARE(a.validate().isEmpty(), valid);
        if (!valid)
            QVERIFY(a.validate().contains(host));
    }

    void accountValidation()
    {
        Account a;
        a.name = QStringLiteral("work");
        a.email = QStringLiteral("me@example.com");
        a.imap = {QStringLiteral("imap.example.com"), 993, Security::Tls};
        QVERIFY(a.validate().isEmpty());
        QCOMPARE(a.loginName(), QStringLiteral("me@example.com"));
        a.username = QStringLiteral("me");
        QCOMPARE(a.loginName(), QStringLiteral("me"));
        Account noAt = a;
        noAt.email = QStringLiteral("me.example.com");
        QVERIFY(noAt.validate().contains(QLatin1String("me.example.com")));
        Account slash = a;
        slash.name = QStringLiteral("a/b");
        QVERIFY(!slash.validate().isEmpty());
        Account noHost = a;
        noHost.imap.host.clear();
        QVERIFY(!noHost.validate().isEmpty());
    }

    void mailboxAttributes()
    {
        Mailbox sent;
        sent.path = QStringLiteral("Sent Items");
        sent.applyAttributes({"\\HasNoChildren", "\\Sent"});
        QCOMPARE(sent.role, MailboxRole::Sent);
        QVERIFY(sent.selectable);

        Mailbox container;
        container.path = QStringLiteral("Shared");
        container.applyAttributes({"\\Noselect", "\\HasChildren"});
        QVERIFY(!container.selectable);
        QVERIFY(container.hasChildren);

        Mailbox inbox;
        inbox.path = QStringLiteral("inbox");
        inbox.applyAttributes({});
        QCOMPARE(inbox.role, MailboxRole::Inbox);

        // Another user's INBOX is not ours.
        Mailbox otherInbox;
        otherInbox.path = QStringLiteral("INBOX");
        otherInbox.namespaceKind = NamespaceKind::OtherUsers;
        otherInbox.applyAttributes({});
        QCOMPARE(otherInbox.role, MailboxRole::None);
    }

    void mailboxPaths()
    {
        Mailbox m;
        m.path = QStringLiteral("Shared/bob@example.test/Projects");
        QCOMPARE(m.name(), QStringLiteral("Projects"));
        QCOMPARE(m.parentPath(), QStringLiteral("Shared/bob@example.test"));
        QCOMPARE(m.components().size(), 3);
        Mailbox dotted;
        dotted.path = QStringLiteral("INBOX.Lists");
        dotted.separator = QLatin1Char('.');
        QCOMPARE(dotted.name(), QStringLiteral("Lists"));
    }

    void mailboxOrder()
    {
        auto make = [](const char *path, MailboxRole role,
                       NamespaceKind ns = NamespaceKind::Personal) {
            Mailbox m;
            m.path = QString::fromLatin1(path);
            m.role = role;
            m.namespaceKind = ns;
            return m;
        };
        QList<Mailbox> list = {make("Zeta", MailboxRole::None),
                               make("Shared/bob/X", MailboxRole::None, NamespaceKind::OtherUsers),
                               make("Trash", MailboxRole::Trash),
                               make("Alpha", MailboxRole::None),
                               make("Sent", MailboxRole::Sent),
                               make("INBOX", MailboxRole::Inbox)};
        std::sort(list.begin(), list.end(), mailboxDisplayLess);
        QStringList order;
        for (const Mailbox &m : list)
            order << m.path;
        QCOMPARE(order, (QStringList{QStringLiteral("INBOX"), QStringLiteral("Sent"),
                                     QStringLiteral("Trash"), QStringLiteral("Alpha"),
                                     QStringLiteral("Zeta"), QStringLiteral("Shared/bob/X")}));
    }

    void flags()
    {
        const MessageFlags f = flagsFromImap({"\\Seen", "\\FLAGGED", "$Junk", "\\Answered"});
        QVERIFY(f.testFlag(MessageFlag::Seen));
        QVERIFY(f.testFlag(MessageFlag::Flagged));
        QVERIFY(f.testFlag(MessageFlag::Answered));
        QVERIFY(!f.testFlag(MessageFlag::Deleted));
        Envelope e;
        e.flags = f;
        QVERIFY(!e.isUnread());
        QVERIFY(e.isFlagged());
        e.flags = flagsFromImap({});
        QVERIFY(e.isUnread());
    }
};

QTEST_GUILESS_MAIN(TestCore)
#include "test_core.moc"
