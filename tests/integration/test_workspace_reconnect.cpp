// SPDX-License-Identifier: GPL-3.0-or-later
// The workspace's main IMAP session after the server goes away and comes back: it connects
// again by itself, lists the mailboxes and syncs, without a restart of the client.
#include "fixtures/accountsetup.h"
#include "fixtures/dovecotserver.h"
#include "fixtures/keyringsession.h"
#include "fixtures/tempdir.h"
#include "fixtures/verify.h"
#include "models/workspace.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Password = QStringLiteral("alice-pw");
// The first reconnect comes after 2 s, the next after 10 s; room for a busy machine.
constexpr int WaitMs = 60000;
} // namespace

class TestWorkspaceReconnect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_keyring.start(), qPrintable(m_keyring.error()));
        m_dovecot.addUser(Alice, Password);
        QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"),
                                  "From: bob@example.test\r\nSubject: before\r\n\r\nhi\r\n"));
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
        Account a;
        a.name = QStringLiteral("work");
        a.email = Alice;
        a.imap = {QStringLiteral("127.0.0.1"), m_dovecot.imapPort(), Security::StartTls};
        a.caFile = m_dovecot.certificatePath();
        a.timeoutSeconds = 10;
        QVERIFY_OK(addAccountWithPassword(m_profile.path(), a, Password, WaitMs));
    }

    void serverOutageIsSurvived()
    {
        Workspace workspace(m_profile.path());
        QSignalSpy listed(&workspace, &Workspace::mailboxesListed);
        QSignalSpy failed(&workspace, &Workspace::accountFailed);
        QSignalSpy loaded(&workspace, &Workspace::messagesLoaded);
        workspace.connectAll();
        QVERIFY(listed.wait(WaitMs));
        workspace.selectMailbox(QStringLiteral("work"), QStringLiteral("INBOX"));
        QTRY_COMPARE_WITH_TIMEOUT(workspace.messages()->messageCount(), 1, WaitMs);

        QElapsedTimer clock;
        clock.start();
        m_dovecot.stop();
        QVERIFY(failed.wait(WaitMs));
        qInfo("failure seen after %lld ms", clock.restart());
        QCOMPARE(failed.constLast().at(1).value<Error>().kind, ErrorKind::Network);
        // Mail arrives while the client cannot see the server.
        QVERIFY(m_dovecot.deliver(Alice, QStringLiteral("INBOX"),
                                  "From: bob@example.test\r\nSubject: during\r\n\r\nhi\r\n"));
        listed.clear();
        QVERIFY2(m_dovecot.restart(), qPrintable(m_dovecot.error()));
        // Back by itself: listed again, and the open mailbox shows what arrived meanwhile.
        QVERIFY(listed.wait(WaitMs) || !listed.isEmpty());
        qInfo("listed again %lld ms after the restart", clock.elapsed());
        QTRY_COMPARE_WITH_TIMEOUT(workspace.messages()->messageCount(), 2, WaitMs);
    }

private:
    KeyringSession m_keyring;
    DovecotServer m_dovecot;
    TempDir m_profile;
};

QTEST_GUILESS_MAIN(TestWorkspaceReconnect)
#include "test_workspace_reconnect.moc"
