// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/secretstore.h"
#include "fixtures/keyringsession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tidings;

namespace {
struct ReadResult
{
    QString secret;
    Error error;
};

ReadResult readSync(SecretStore &store, const QString &key)
{
    ReadResult r;
    bool done = false;
    QObject context;
    store.read(key, &context, [&](const QString &s, const Error &e) {
        r = {s, e};
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 15000))
        r.error = {ErrorKind::Authentication, QStringLiteral("timed out")};
    return r;
}

Error writeSync(SecretStore &store, const QString &key, const QString &secret)
{
    Error result{ErrorKind::Authentication, QStringLiteral("timed out")};
    bool done = false;
    QObject context;
    store.write(key, secret, &context, [&](const Error &e) {
        result = e;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 15000))
        qWarning("timed out waiting for a result");
    return result;
}
} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_keyring.start(), qPrintable(m_keyring.error())); }

    void roundTripThroughTheRealKeyring()
    {
        QTemporaryDir profile;
        SecretStore store(profile.path());
        QVERIFY(store.serviceName().startsWith(QLatin1String("Tidings:")));
        QCOMPARE(writeSync(store, QStringLiteral("work/password"), QStringLiteral("s3cret ü")).kind,
                 ErrorKind::None);
        const ReadResult back = readSync(store, QStringLiteral("work/password"));
        QCOMPARE(back.error.kind, ErrorKind::None);
        QCOMPARE(back.secret, QStringLiteral("s3cret ü"));

        // Another profile never sees this profile's secrets.
        QTemporaryDir other;
        SecretStore otherStore(other.path());
        QCOMPARE(readSync(otherStore, QStringLiteral("work/password")).error.kind,
                 ErrorKind::Authentication);

        bool removed = false;
        QObject context;
        store.remove(QStringLiteral("work/password"), &context, [&](const Error &e) {
            QVERIFY(!e.isError());
            removed = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(removed, 15000);
        const ReadResult gone = readSync(store, QStringLiteral("work/password"));
        QCOMPARE(gone.error.kind, ErrorKind::Authentication);
        QVERIFY(gone.error.message.contains(QLatin1String("work/password")));
    }

private:
    TidingsTest::KeyringSession m_keyring;
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "test_keychain.moc"
