// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/accountstore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Tidings;

class TestAccountStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        QTemporaryDir dir;
        AccountStore store(dir.path() + QStringLiteral("/profile"));
        QVERIFY(store.accounts().isEmpty());
        Account a;
        a.name = QStringLiteral("Work Mail");
        a.email = QStringLiteral("me@example.com");
        a.displayName = QStringLiteral("Me Myself");
        a.imap = {QStringLiteral("imap.example.com"), 143, Security::StartTls};
        a.smtp = {QStringLiteral("smtp.example.com"), 465, Security::Tls};
        a.caFile = QStringLiteral("/etc/ca.pem");
        a.timeoutSeconds = 7;
        QVERIFY(!store.add(a).isError());

        const auto found = AccountStore(dir.path() + QStringLiteral("/profile")).find(a.name);
        QVERIFY(found.has_value());
        QCOMPARE(found->email, a.email);
        QCOMPARE(found->displayName, a.displayName);
        QCOMPARE(found->imap.host, a.imap.host);
        QCOMPARE(found->imap.port, a.imap.port);
        QCOMPARE(found->imap.security, Security::StartTls);
        QCOMPARE(found->smtp.security, Security::Tls);
        QCOMPARE(found->caFile, a.caFile);
        QCOMPARE(found->timeoutSeconds, 7);

        // Nothing secret is ever written to the configuration.
        const QByteArray ini = [&] {
            QFile f(store.filePath());
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(!ini.toLower().contains("password"));
    }

    void duplicateAndInvalidAreRejected()
    {
        QTemporaryDir dir;
        AccountStore store(dir.path());
        Account a;
        a.name = QStringLiteral("home");
        a.email = QStringLiteral("me@example.org");
        a.imap = {QStringLiteral("imap.example.org"), 993, Security::Tls};
        QVERIFY(!store.add(a).isError());
        const Error dup = store.add(a);
        QCOMPARE(dup.kind, ErrorKind::BadInput);
        QVERIFY(dup.message.contains(QLatin1String("home")));

        Account bad = a;
        bad.name = QStringLiteral("other");
        bad.imap.security = Security::None;
        QCOMPARE(store.add(bad).kind, ErrorKind::BadInput);
        QCOMPARE(store.accounts().size(), 1);
    }

    void remove()
    {
        QTemporaryDir dir;
        AccountStore store(dir.path());
        Account a;
        a.name = QStringLiteral("one");
        a.email = QStringLiteral("one@example.org");
        a.imap = {QStringLiteral("127.0.0.1"), 143, Security::None};
        Account b = a;
        b.name = QStringLiteral("two");
        QVERIFY(!store.add(a).isError());
        QVERIFY(!store.add(b).isError());
        QVERIFY(store.remove(QStringLiteral("one")));
        QVERIFY(!store.remove(QStringLiteral("one")));
        QCOMPARE(store.accounts().size(), 1);
        QCOMPARE(store.accounts().constFirst().name, QStringLiteral("two"));
    }
};

QTEST_GUILESS_MAIN(TestAccountStore)
#include "test_accountstore.moc"
