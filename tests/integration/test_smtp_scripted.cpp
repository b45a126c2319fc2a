// SPDX-License-Identifier: GPL-3.0-or-later
// SmtpSender against a scripted server, for what a real Postfix will not do: a STARTTLS
// that is not offered (no password may be sent), a connection dropped after the message
// was sent (the outcome is unknown), nothing listening.
#include "fixtures/tempdir.h"
#include "smtp/smtpsender.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Tidings;
using namespace TidingsTest;

namespace {
constexpr int ResultTimeoutMs = 30000;

// Answers like a minimal ESMTP server without STARTTLS; records every line the client sent.
// With `dropAfterData`, it closes the connection instead of answering the final ".".
class ScriptedSmtp : public QObject
{
public:
    explicit ScriptedSmtp(bool dropAfterData)
        : m_dropAfterData(dropAfterData)
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *s = m_server.nextPendingConnection();
            s->write("220 scripted ESMTP\r\n");
            connect(s, &QTcpSocket::readyRead, this, [this, s] { read(s); });
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QByteArrayList lines;

private:
    void read(QTcpSocket *s)
    {
        m_buffer += s->readAll();
        qsizetype end;
        while ((end = m_buffer.indexOf("\r\n")) >= 0) {
            const QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, end + 2);
            lines.append(line);
            answer(s, line);
        }
    }
    void answer(QTcpSocket *s, const QByteArray &line)
    {
        if (m_inData) {
            if (line == ".") {
                m_inData = false;
                if (m_dropAfterData)
                    s->abort();
                else
                    s->write("250 2.0.0 queued\r\n");
            }
            return;
        }
        const QByteArray verb = line.left(4).toUpper();
        if (verb == "EHLO")
            s->write("250-scripted\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n");
        else if (verb == "AUTH")
            s->write("235 2.7.0 ok\r\n");
        else if (verb == "DATA") {
            m_inData = true;
            s->write("354 go ahead\r\n");
        } else if (verb == "QUIT")
            s->write("221 bye\r\n");
        else
            s->write("250 2.0.0 ok\r\n");
    }

    QTcpServer m_server;
    QByteArray m_buffer;
    bool m_inData = false;
    bool m_dropAfterData;
};

Account account(quint16 port, Security security)
{
    Account a;
    a.name = QStringLiteral("scripted");
    a.email = QStringLiteral("alice@example.test");
    a.imap = {QStringLiteral("127.0.0.1"), 1, Security::None};
    a.smtp = {QStringLiteral("127.0.0.1"), port, security};
    a.timeoutSeconds = 10;
    return a;
}

OutgoingMessage message()
{
    return {QStringLiteral("alice@example.test"),
            {QStringLiteral("bob@example.test")},
            "From: alice@example.test\r\nSubject: hi\r\n\r\nhello\r\n",
            QStringLiteral("scripted:alice@example.test"),
            QStringLiteral("alice@example.test")};
}

SmtpResult sendSync(const Account &a)
{
    SmtpSender sender(a);
    QSignalSpy done(&sender, &SmtpSender::finished);
    sender.send(QStringLiteral("secret"), message());
    if (!done.wait(ResultTimeoutMs))
        return {SmtpOutcome::Accepted, {ErrorKind::None, QStringLiteral("no result")}, {}};
    return done.constFirst().constFirst().value<SmtpResult>();
}
} // namespace

class TestSmtpScripted : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainServerIsAccepted()
    {
        ScriptedSmtp server(false);
        const SmtpResult r = sendSync(account(server.port(), Security::None));
        QVERIFY2(r.outcome == SmtpOutcome::Accepted, qPrintable(r.error.message));
        QVERIFY(server.lines.contains("MAIL FROM:<alice@example.test>"));
        QVERIFY(server.lines.contains("RCPT TO:<bob@example.test>"));
    }

    void missingStartTlsSendsNoPassword()
    {
        ScriptedSmtp server(false);
        const SmtpResult r = sendSync(account(server.port(), Security::StartTls));
        QVERIFY(r.outcome != SmtpOutcome::Accepted);
        QCOMPARE(r.error.kind, ErrorKind::Network);
        QVERIFY2(r.error.message.contains(QLatin1String("does not offer STARTTLS")),
                 qPrintable(r.error.message));
        for (const QByteArray &line : std::as_const(server.lines))
            QVERIFY2(!line.toUpper().startsWith("AUTH"), line.constData());
        QVERIFY(!server.lines.contains("MAIL FROM:<alice@example.test>"));
    }

    void droppedAfterDataIsUncertain()
    {
        ScriptedSmtp server(true);
        const SmtpResult r = sendSync(account(server.port(), Security::None));
        QCOMPARE(r.outcome, SmtpOutcome::Uncertain);
        QVERIFY2(r.error.message.contains(QLatin1String("may or may not")),
                 qPrintable(r.error.message));
    }

    void nothingListeningIsTransient()
    {
        const SmtpResult r = sendSync(account(freePort(), Security::None));
        QCOMPARE(r.outcome, SmtpOutcome::Transient);
        QCOMPARE(r.error.kind, ErrorKind::Network);
        QVERIFY2(r.error.message.contains(QLatin1String("refused")), qPrintable(r.error.message));
    }
};

QTEST_GUILESS_MAIN(TestSmtpScripted)
#include "test_smtp_scripted.moc"
