// SPDX-License-Identifier: GPL-3.0-or-later
// Certificate trust, in a process of its own: trusting a CA lasts for the whole process.
#include "fixtures/dovecotserver.h"
#include "imap/imapclient.h"
#include "imaptesthelpers.h"

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Password = QStringLiteral("pw");
} // namespace

class TestImapTls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Tidings::Error>();
        m_dovecot.addUser(Alice, Password);
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
    }

    void selfSignedIsRefusedWithoutCaFile_data()
    {
        QTest::addColumn<int>("security");
        QTest::newRow("starttls") << int(Security::StartTls);
        QTest::newRow("implicit tls") << int(Security::Tls);
    }
    void selfSignedIsRefusedWithoutCaFile()
    {
        QFETCH(int, security);
        const auto s = Security(security);
        const quint16 port = s == Security::Tls ? m_dovecot.imapsPort() : m_dovecot.imapPort();
        ImapConnection c(loopbackAccount(port, s, Alice));
        const Error e = openSync(c, Password);
        QCOMPARE(e.kind, ErrorKind::Network);
        QVERIFY2(e.message.contains(QLatin1String("not trusted")), qPrintable(e.message));
        QVERIFY(!c.session());
        // The password never reached the server.
        QVERIFY(!m_dovecot.log().contains(QLatin1String("Logged in: user=<alice")));
    }

    // Our own client (IDLE, bulk header fetch) trusts an account's CA on that account's
    // socket alone: another account without it is still refused. (Before the test below,
    // which makes KIMAP trust the CA for the whole process.)
    void ownClientTrustsTheAccountsCaAlone_data()
    {
        QTest::addColumn<int>("security");
        QTest::newRow("starttls") << int(Security::StartTls);
        QTest::newRow("implicit tls") << int(Security::Tls);
    }
    void ownClientTrustsTheAccountsCaAlone()
    {
        QFETCH(int, security);
        const auto s = Security(security);
        const quint16 port = s == Security::Tls ? m_dovecot.imapsPort() : m_dovecot.imapPort();
        const auto open = [](ImapClient &client) {
            Error error;
            bool ready = false;
            QObject::connect(&client, &ImapClient::ready, &client, [&] { ready = true; });
            QObject::connect(&client, &ImapClient::failed, &client,
                             [&](const Error &e) { error = e; });
            client.open();
            (void)QTest::qWaitFor([&] { return ready || error.isError(); }, ResultTimeoutMs);
            return ready ? Error{} : error;
        };
        ImapClient trusting(loopbackAccount(port, s, Alice, m_dovecot.certificatePath()), Password);
        const Error ok = open(trusting);
        QVERIFY2(!ok.isError(), qPrintable(ok.message));
        ImapClient other(loopbackAccount(port, s, Alice), Password);
        const Error refused = open(other);
        QCOMPARE(refused.kind, ErrorKind::Network);
        QVERIFY2(refused.message.contains(QLatin1String("not trusted")),
                 qPrintable(refused.message));
    }

    void acceptedOnceTheAccountTrustsIt()
    {
        ImapConnection c(loopbackAccount(m_dovecot.imapsPort(), Security::Tls, Alice,
                                         m_dovecot.certificatePath()));
        const Error e = openSync(c, Password);
        QVERIFY2(!e.isError(), qPrintable(e.message));
        QTRY_VERIFY(m_dovecot.log().contains(QLatin1String("Logged in: user=<alice")));
    }

private:
    DovecotServer m_dovecot;
};

QTEST_GUILESS_MAIN(TestImapTls)
#include "test_imap_tls.moc"
