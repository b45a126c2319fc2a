// SPDX-License-Identifier: GPL-3.0-or-later
// `tidings export-pdf` renders what the viewer shows, under the same blocking rules: the
// PDF's text (pdftotext) and a tracker that must not be contacted unless the sender is trusted.
#include "fixtures/tempdir.h"
#include "store/configdir.h"
#include "store/database.h"
#include "store/sendertrust.h"

#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Tidings;
using namespace TidingsTest;

namespace {
constexpr int WaitMs = 60000;

struct Run
{
    int code = -1;
    QString err;
};

QByteArray trackedMail(quint16 port)
{
    const QByteArray url = "http://127.0.0.1:" + QByteArray::number(port) + "/pixel.png";
    return "From: Offsite News <news@example.org>\r\nTo: alice@example.test\r\n"
           "Subject: Quarterly numbers\r\nDate: Fri, 04 Dec 2026 10:00:00 +0000\r\n"
           "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
           "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
           "<html><body><p>Revenue grew in every region.</p><img src=\"" +
           url +
           "\" alt=\"chart\"></body></html>\r\n--b\r\nContent-Type: text/csv\r\n"
           "Content-Disposition: attachment; filename=\"numbers.csv\"\r\n\r\na,b\r\n--b--\r\n";
}
} // namespace

class TestExportPdf : public QObject
{
    Q_OBJECT
private:
    Run exportPdf(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY")); // headless, as in a script
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TIDINGS_BINARY),
                QStringList{QStringLiteral("export-pdf"), QStringLiteral("--config-dir"),
                            m_profile.path()} +
                    args);
        // The event loop keeps running so the tracker can accept connections meanwhile.
        if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, WaitMs))
            p.kill();
        p.waitForFinished();
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardError())};
    }

    QString pdfText(const QString &pdf)
    {
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        p.waitForFinished(WaitMs);
        return QString::fromUtf8(p.readAllStandardOutput());
    }

    QString writeMail(const QString &name, const QByteArray &raw)
    {
        const QString path = m_files.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(raw) != raw.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tracker.listen(QHostAddress::LocalHost));
        connect(&m_tracker, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_tracker.nextPendingConnection()) {
                ++m_hits;
                s->close();
                s->deleteLater();
            }
        });
    }

    void rendersWithRemoteContentBlocked()
    {
        const QString eml =
            writeMail(QStringLiteral("tracked.eml"), trackedMail(m_tracker.serverPort()));
        const QString pdf = m_files.filePath(QStringLiteral("out.pdf"));
        const Run r = exportPdf({eml, pdf});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile out(pdf);
        QVERIFY(out.open(QIODevice::ReadOnly));
        QCOMPARE(out.read(5), QByteArray("%PDF-"));
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QLatin1String("Quarterly numbers")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("Revenue grew in every region.")));
        QVERIFY(text.contains(QLatin1String("news@example.org")));
        QVERIFY(text.contains(QLatin1String("numbers.csv")));
        QCOMPARE(m_hits, 0);
    }

    void trustedSenderLoadsRemoteContent()
    {
        {
            Database db(cacheDatabasePath(m_profile.path()));
            QVERIFY(!db.open().isError());
            QVERIFY(
                !SenderTrust(db).allowRemoteContent(QStringLiteral("NEWS@example.org")).isError());
        }
        const QString eml =
            writeMail(QStringLiteral("trusted.eml"), trackedMail(m_tracker.serverPort()));
        const Run r = exportPdf({eml, m_files.filePath(QStringLiteral("trusted.pdf"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QTRY_VERIFY(m_hits > 0);
        {
            Database db(cacheDatabasePath(m_profile.path()));
            QVERIFY(!db.open().isError());
            QVERIFY(
                !SenderTrust(db).revokeRemoteContent(QStringLiteral("news@example.org")).isError());
        }
    }

    void badInputIsNamed_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not mail") << QByteArray("just some words\n")
                                  << QStringLiteral("not a mail message");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    }
    void badInputIsNamed()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString eml = writeMail(QStringLiteral("bad.eml"), content);
        const QString pdf = m_files.filePath(QStringLiteral("bad.pdf"));
        const Run r = exportPdf({eml, pdf});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(expected) && r.err.contains(eml), qPrintable(r.err));
        QVERIFY(!QFile::exists(pdf));
    }

    void missingFileAndUnwritableOutput()
    {
        Run r = exportPdf({m_files.filePath(QStringLiteral("nothere.eml")),
                           m_files.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("cannot read")), qPrintable(r.err));

        const QString eml =
            writeMail(QStringLiteral("ok.eml"), trackedMail(m_tracker.serverPort()));
        r = exportPdf({eml, m_files.filePath(QStringLiteral("no/such/dir/out.pdf"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("cannot write")), qPrintable(r.err));

        r = exportPdf({eml});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("usage")), qPrintable(r.err));
    }

private:
    TempDir m_profile;
    TempDir m_files;
    QTcpServer m_tracker;
    int m_hits = 0;
};

QTEST_GUILESS_MAIN(TestExportPdf)
#include "test_export_pdf.moc"
