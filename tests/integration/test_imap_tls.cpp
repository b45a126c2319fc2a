// SPDX-License-Identifier: GPL-3.0-or-later
// Certificate trust, in a process of its own: trusting a CA lasts for the whole process.
#include "fixtures/dovecotserver.h"
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
