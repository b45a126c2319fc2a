// SPDX-License-Identifier: GPL-3.0-or-later
// Telling 4xx from 5xx in KSMTP's error texts, which carry the server's reply but not its code.
#include "smtp/smtpresult.h"

#include <QTest>

using namespace Tidings;

class TestSmtpResult : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("reply");
        QTest::newRow("sender refused")
            << QStringLiteral("Server error: 5.7.1 <boss@example.test>: Sender address rejected: "
                              "not owned by user alice@example.test")
            << int(SmtpOutcome::Permanent)
            << QStringLiteral("5.7.1 <boss@example.test>: Sender address rejected: not owned by "
                              "user alice@example.test");
        QTest::newRow("greylisted")
            << QStringLiteral("Mailbox unavailable. The server said: 4.2.1 Try again later")
            << int(SmtpOutcome::Transient) << QStringLiteral("4.2.1 Try again later");
        QTest::newRow("no such user")
            << QStringLiteral("Mailbox unavailable. The server said: 5.1.1 <x@example.test>: "
                              "Recipient address rejected")
            << int(SmtpOutcome::Permanent)
            << QStringLiteral("5.1.1 <x@example.test>: Recipient address rejected");
        QTest::newRow("421") << QStringLiteral("Service not available")
                             << int(SmtpOutcome::Transient) << QString();
        QTest::newRow("no enhanced code")
            << QStringLiteral("Server error: go away") << int(SmtpOutcome::Permanent) << QString();
        QTest::newRow("a version number is no code")
            << QStringLiteral("Server error: Postfix 3.10.1 says no") << int(SmtpOutcome::Permanent)
            << QString();
    }
    void classify()
    {
        QFETCH(QString, text);
        QFETCH(int, outcome);
        QFETCH(QString, reply);
        QCOMPARE(int(classifyReply(text)), outcome);
        QCOMPARE(serverReplyOf(text), reply);
    }
};

QTEST_GUILESS_MAIN(TestSmtpResult)
#include "test_smtpresult.moc"
