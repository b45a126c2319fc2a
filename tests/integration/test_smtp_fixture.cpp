// SPDX-License-Identifier: GPL-3.0-or-later
// The SMTP fixture itself: Postfix authenticates against Dovecot, enforces sender-login maps
// like a production server, answers as configured, and delivers into Dovecot over LMTP.
#include "fixtures/dovecotserver.h"
#include "fixtures/postfixserver.h"

#include <QDir>
#include <QTcpSocket>
#include <QTest>

using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Bob = QStringLiteral("bob@example.test");

class SmtpClient
{
public:
    bool connect(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return m_socket.waitForConnected(5000) && reply().startsWith("220");
    }
    // Sends one line and returns the final line of the (possibly multi-line) reply.
    QByteArray command(const QByteArray &line)
    {
        m_socket.write(line + "\r\n");
        return reply();
    }
    QByteArray reply()
    {
        while (true) {
            qsizetype end;
            while ((end = m_buffer.indexOf("\r\n")) >= 0) {
                const QByteArray line = m_buffer.left(end);
                m_buffer.remove(0, end + 2);
                if (line.size() >= 4 && line.at(3) == ' ')
                    return line;
            }
            if (!m_socket.waitForReadyRead(10000))
                return "timeout";
            m_buffer += m_socket.readAll();
        }
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray plain(const QString &user, const QString &password)
{
    const QByteArray nul(1, '\0');
    return (nul + user.toUtf8() + nul + password.toUtf8()).toBase64();
}

int inboxFiles(const DovecotServer &dovecot, const QString &user)
{
    const QString root =
        dovecot.dir() + QStringLiteral("/home/") + user + QStringLiteral("/Maildir/");
    return int(QDir(root + QStringLiteral("new")).entryList(QDir::Files).size() +
               QDir(root + QStringLiteral("cur")).entryList(QDir::Files).size());
}
} // namespace

class TestSmtpFixture : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_dovecot.addUser(Alice, QStringLiteral("a"));
        m_dovecot.addUser(Bob, QStringLiteral("b"));
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
        m_postfix = std::make_unique<PostfixServer>(m_dovecot);
        m_postfix->allowSender(Alice, {Alice});
        m_postfix->allowSender(Bob, {Bob});
        m_postfix->allowSender(Alice, {Bob}); // bob lets alice send as him
        m_postfix->setRecipientAnswer(QStringLiteral("later@example.test"),
                                      QStringLiteral("450 4.2.1 Try again later"));
        QVERIFY2(m_postfix->start(), qPrintable(m_postfix->error()));
    }

    void authenticationIsRequired()
    {
        SmtpClient c;
        QVERIFY(c.connect(m_postfix->smtpPort()));
        QVERIFY(c.command("EHLO client.test").startsWith("250"));
        QVERIFY(c.command("MAIL FROM:<" + Alice.toUtf8() + ">").startsWith("5"));
        QVERIFY(c.command("AUTH PLAIN " + plain(Alice, QStringLiteral("wrong"))).startsWith("535"));
    }

    void senderLoginMapsAreEnforcedAndMailIsDelivered()
    {
        SmtpClient c;
        QVERIFY(c.connect(m_postfix->smtpPort()));
        QVERIFY(c.command("EHLO client.test").startsWith("250"));
        QVERIFY(c.command("AUTH PLAIN " + plain(Alice, QStringLiteral("a"))).startsWith("235"));
        const QByteArray refused = c.command("MAIL FROM:<mallory@example.test>");
        QVERIFY2(refused.startsWith("553") && refused.contains("not owned by user"),
                 refused.constData());
        QVERIFY(c.command("MAIL FROM:<" + Bob.toUtf8() + ">").startsWith("250")); // delegated
        QVERIFY(c.command("RSET").startsWith("250"));
        QVERIFY(c.command("MAIL FROM:<" + Alice.toUtf8() + ">").startsWith("250"));
        QVERIFY(c.command("RCPT TO:<later@example.test>").startsWith("450"));
        QVERIFY(c.command("RCPT TO:<" + Bob.toUtf8() + ">").startsWith("250"));
        QVERIFY(c.command("DATA").startsWith("354"));
        const int before = inboxFiles(m_dovecot, Bob);
        QVERIFY(c.command("From: <alice@example.test>\r\nTo: <bob@example.test>\r\n"
                          "Subject: through postfix\r\n\r\nhello bob\r\n.")
                    .startsWith("250"));
        c.command("QUIT");
        QTRY_VERIFY2_WITH_TIMEOUT(inboxFiles(m_dovecot, Bob) == before + 1,
                                  qPrintable(m_postfix->log()), 15000);
    }

private:
    DovecotServer m_dovecot;
    std::unique_ptr<PostfixServer> m_postfix;
};

QTEST_GUILESS_MAIN(TestSmtpFixture)
#include "test_smtp_fixture.moc"
