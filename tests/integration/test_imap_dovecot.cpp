// SPDX-License-Identifier: GPL-3.0-or-later
// Login, LIST and header FETCH against a real Dovecot 2.4, and every way login can fail.
#include "fixtures/dovecotserver.h"
#include "fixtures/mailgenerator.h"
#include "imaptesthelpers.h"


using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Bob = QStringLiteral("bob@example.test");
const QString Password = QStringLiteral("correct horse");
constexpr int InboxMessages = 25;
constexpr int UnreadMessages = 5;
} // namespace

class TestImapDovecot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Tidings::Error>();
        m_dovecot.addUser(Alice, Password);
        m_dovecot.addUser(Bob, Password);
        MailGenerator gen(QStringLiteral("Alice"), Alice);
        const QDateTime base(QDate(2026, 11, 1), QTime(9, 0), QTimeZone::UTC);
        for (int i = 0; i < InboxMessages; ++i) {
            const QByteArray raw = gen.message(
                QStringLiteral("Sender %1").arg(i), QStringLiteral("sender%1@example.org").arg(i),
                Alice, QStringLiteral("Message number %1").arg(i), QStringLiteral("Body %1").arg(i),
                base.addSecs(i * 3600), "<m" + QByteArray::number(i) + "@example.org>");
            QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"), raw,
                                      i < InboxMessages - UnreadMessages ? QStringLiteral("S")
                                                                         : QString()));
        }
        QVERIFY(m_dovecot.deliver(Bob, QStringLiteral("Team"),
                                  gen.message(QStringLiteral("Bob"), Bob, Bob,
                                              QStringLiteral("Team notes"), QStringLiteral("x"),
                                              base, "<team@example.test>")));
        QVERIFY(m_dovecot.share(Bob, QStringLiteral("Team"), Alice, QStringLiteral("lrs")));
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
    }

    void loginEachSecurityMode_data()
    {
        QTest::addColumn<int>("security");
        QTest::newRow("starttls") << int(Security::StartTls);
        QTest::newRow("implicit tls") << int(Security::Tls);
        QTest::newRow("plain loopback") << int(Security::None);
    }
    void loginEachSecurityMode()
    {
        QFETCH(int, security);
        const auto s = Security(security);
        const quint16 port = s == Security::Tls ? m_dovecot.imapsPort() : m_dovecot.imapPort();
        ImapConnection c(loopbackAccount(port, s, Alice, m_dovecot.certificatePath()));
        const Error e = openSync(c, Password);
        QVERIFY2(!e.isError(), qPrintable(e.message));
        QCOMPARE(c.state(), ImapConnection::State::Ready);
    }

    void listsSpecialUseAndSharedMailboxes()
    {
        ImapConnection c(loopbackAccount(m_dovecot.imapPort(), Security::StartTls, Alice,
                                         m_dovecot.certificatePath()));
        QVERIFY(!openSync(c, Password).isError());
        QList<Mailbox> boxes;
        const Error e = listSync(c, boxes);
        QVERIFY2(!e.isError(), qPrintable(e.message));
        QHash<QString, Mailbox> byPath;
        for (const Mailbox &m : boxes)
            byPath.insert(m.path, m);
        QCOMPARE(byPath.value(QStringLiteral("INBOX")).role, MailboxRole::Inbox);
        QCOMPARE(byPath.value(QStringLiteral("Sent")).role, MailboxRole::Sent);
        QCOMPARE(byPath.value(QStringLiteral("Drafts")).role, MailboxRole::Drafts);
        QCOMPARE(byPath.value(QStringLiteral("Trash")).role, MailboxRole::Trash);
        QCOMPARE(byPath.value(QStringLiteral("Junk")).role, MailboxRole::Junk);
        QCOMPARE(byPath.value(QStringLiteral("Archive")).role, MailboxRole::Archive);
        const QString shared = QStringLiteral("Shared/") + Bob + QStringLiteral("/Team");
        QVERIFY2(byPath.contains(shared), qPrintable(byPath.keys().join(QLatin1Char(' '))));
        QCOMPARE(byPath.value(shared).namespaceKind, NamespaceKind::OtherUsers);
        QVERIFY(byPath.value(shared).selectable);
        // INBOX first, then the special-use folders, shared ones last.
        QCOMPARE(boxes.constFirst().path, QStringLiteral("INBOX"));
        QCOMPARE(boxes.constLast().namespaceKind, NamespaceKind::OtherUsers);
    }

    void fetchesEnvelopes()
    {
        ImapConnection c(loopbackAccount(m_dovecot.imapPort(), Security::StartTls, Alice,
                                         m_dovecot.certificatePath()));
        QVERIFY(!openSync(c, Password).isError());
        QList<Envelope> envelopes;
        const Error e = loadSync(c, QStringLiteral("INBOX"), envelopes);
        QVERIFY2(!e.isError(), qPrintable(e.message));
        QCOMPARE(envelopes.size(), InboxMessages);
        QSet<QString> subjects;
        int unread = 0;
        for (const Envelope &env : envelopes) {
            subjects.insert(env.subject);
            unread += env.isUnread() ? 1 : 0;
            QVERIFY(env.uid > 0);
            QVERIFY(env.date.isValid());
            QVERIFY(env.from.email.startsWith(QLatin1String("sender")));
        }
        QCOMPARE(unread, UnreadMessages);
        QVERIFY2(subjects.contains(QStringLiteral("Message number 0")),
                 qPrintable(QStringList(subjects.cbegin(), subjects.cend()).join(u'|')));
        QVERIFY(subjects.contains(QStringLiteral("Message number 24")));

        // The mailbox bob shares is readable too.
        QList<Envelope> team;
        QVERIFY(!loadSync(c, QStringLiteral("Shared/") + Bob + QStringLiteral("/Team"), team)
                     .isError());
        QCOMPARE(team.size(), 1);
        QCOMPARE(team.constFirst().subject, QStringLiteral("Team notes"));

        // An empty mailbox is an empty list, not an error.
        QList<Envelope> drafts;
        QVERIFY(!loadSync(c, QStringLiteral("Drafts"), drafts).isError());
        QVERIFY(drafts.isEmpty());
    }

    void missingMailboxIsRefusedWithCause()
    {
        ImapConnection c(loopbackAccount(m_dovecot.imapPort(), Security::StartTls, Alice,
                                         m_dovecot.certificatePath()));
        QVERIFY(!openSync(c, Password).isError());
        QList<Envelope> none;
        const Error e = loadSync(c, QStringLiteral("No Such Folder"), none);
        QCOMPARE(e.kind, ErrorKind::Refused);
        QVERIFY2(e.message.contains(QLatin1String("No Such Folder")), qPrintable(e.message));
        // The connection is still usable afterwards.
        QList<Envelope> inbox;
        QVERIFY(!loadSync(c, QStringLiteral("INBOX"), inbox).isError());
        QCOMPARE(inbox.size(), InboxMessages);
    }

    void wrongPassword()
    {
        ImapConnection c(loopbackAccount(m_dovecot.imapPort(), Security::StartTls, Alice,
                                         m_dovecot.certificatePath()));
        const Error e = openSync(c, QStringLiteral("wrong"));
        QCOMPARE(e.kind, ErrorKind::Authentication);
        QVERIFY2(e.message.contains(Alice), qPrintable(e.message));
        QCOMPARE(c.state(), ImapConnection::State::Failed);
        QVERIFY(!c.session());
    }

    void unreachableHost()
    {
        // A port that was free a moment ago: nothing listens there.
        const quint16 closed = freePort();
        ImapConnection c(loopbackAccount(closed, Security::Tls, Alice));
        const Error e = openSync(c, Password);
        QCOMPARE(e.kind, ErrorKind::Network);
        // The cause, not the test's own give-up ("test: no result"): the attempt ended by itself.
        QVERIFY2(e.message.contains(QString::number(closed)), qPrintable(e.message));
    }

    void unreadableCaFile()
    {
        ImapConnection c(loopbackAccount(m_dovecot.imapsPort(), Security::Tls, Alice,
                                         QStringLiteral("/nonexistent/ca.pem")));
        const Error e = openSync(c, Password);
        QCOMPARE(e.kind, ErrorKind::BadInput);
        QVERIFY(e.message.contains(QLatin1String("/nonexistent/ca.pem")));
    }

    void serverGoesAwayWhileConnected()
    {
        DovecotServer own;
        own.addUser(Alice, Password);
        QVERIFY2(own.start(), qPrintable(own.error()));
        ImapConnection c(
            loopbackAccount(own.imapPort(), Security::StartTls, Alice, own.certificatePath()));
        QVERIFY(!openSync(c, Password).isError());
        QSignalSpy failed(&c, &ImapConnection::failed);
        own.stop();
        QVERIFY(failed.wait(10000));
        const auto e = failed.constFirst().constFirst().value<Error>();
        QCOMPARE(e.kind, ErrorKind::Network);
        QVERIFY2(e.message.contains(QLatin1String("closed")), qPrintable(e.message));
    }

private:
    DovecotServer m_dovecot;
};

QTEST_GUILESS_MAIN(TestImapDovecot)
#include "test_imap_dovecot.moc"
