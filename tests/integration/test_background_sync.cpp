// SPDX-License-Identifier: GPL-3.0-or-later
// Every mailbox of two accounts synced in the background against real Dovecot: bounded
// concurrency, the open mailbox left to its own sync, and a mailbox that cannot be read
// (no permission, missing) reported without stopping the others.
#include "imaptesthelpers.h"

#include "fixtures/dovecotserver.h"
#include "fixtures/mailgenerator.h"
#include "fixtures/tempdir.h"
#include "imap/backgroundsync.h"
#include "store/database.h"
#include "store/messagecache.h"

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Bob = QStringLiteral("bob@example.test");
constexpr int WaitMs = 60000;
} // namespace

class TestBackgroundSync : public QObject
{
    Q_OBJECT
private:
    Account account(const QString &name, const QString &user) const
    {
        Account a = loopbackAccount(m_dovecot.imapPort(), Security::StartTls, user,
                                    m_dovecot.certificatePath());
        a.name = name;
        return a;
    }

    bool fill(const QString &user, const QString &mailbox, int count)
    {
        MailGenerator gen(QStringLiteral("Owner"), user);
        for (int i = 0; i < count; ++i) {
            const QByteArray id = "<" + mailbox.toUtf8() + QByteArray::number(i) + "@x>";
            if (!m_dovecot.deliver(
                    user, mailbox,
                    gen.message(QStringLiteral("Sender"), QStringLiteral("s@example.org"), user,
                                QStringLiteral("%1 %2").arg(mailbox).arg(i), QStringLiteral("body"),
                                QDateTime::currentDateTimeUtc(), id)))
                return false;
        }
        m_counts[user + QLatin1Char('/') + mailbox] = count;
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<Tidings::Error>();
        qRegisterMetaType<Tidings::SyncResult>();
        m_dovecot.addUser(Alice, QStringLiteral("alice-pw"));
        m_dovecot.addUser(Bob, QStringLiteral("bob-pw"));
        QVERIFY(fill(Alice, QStringLiteral("INBOX"), 30));
        QVERIFY(fill(Alice, QStringLiteral("Archive"), 20));
        QVERIFY(fill(Alice, QStringLiteral("Projects"), 10));
        QVERIFY(fill(Bob, QStringLiteral("INBOX"), 15));
        QVERIFY(fill(Bob, QStringLiteral("Team"), 5));
        QVERIFY(fill(Bob, QStringLiteral("Secret"), 3));
        // Alice may see that Secret exists, not read it (RFC 4314 "l" without "r").
        QVERIFY(m_dovecot.share(Bob, QStringLiteral("Secret"), Alice, QStringLiteral("l")));
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
    }

    void syncsEveryMailboxButTheOpenOne()
    {
        Database db(m_dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(!db.open().isError());
        MessageCache cache(db);
        BackgroundSync background(&cache);
        QSignalSpy synced(&background, &BackgroundSync::mailboxSynced);
        QSignalSpy failed(&background, &BackgroundSync::mailboxFailed);
        QSignalSpy round(&background, &BackgroundSync::roundFinished);
        int mostAtOnce = 0;
        connect(&background, &BackgroundSync::mailboxStarted, this,
                [&] { mostAtOnce = qMax(mostAtOnce, background.running()); });

        background.setSelected(QStringLiteral("alice"), QStringLiteral("INBOX"));
        background.setMailboxes(account(QStringLiteral("alice"), Alice), QStringLiteral("alice-pw"),
                                {QStringLiteral("INBOX"), QStringLiteral("Archive"),
                                 QStringLiteral("Shared/bob@example.test/Secret"),
                                 QStringLiteral("Projects"), QStringLiteral("Gone")});
        background.setMailboxes(account(QStringLiteral("bob"), Bob), QStringLiteral("bob-pw"),
                                {QStringLiteral("INBOX"), QStringLiteral("Team")});
        QVERIFY(round.wait(WaitMs));

        // Never more than the limit at once (how many ran side by side depends on how fast
        // each account logs in).
        qInfo("at most %d mailboxes synced at once", mostAtOnce);
        QVERIFY(mostAtOnce >= 1 && mostAtOnce <= BackgroundSync::MaxConcurrent);
        QCOMPARE(synced.size(), 4);
        auto cached = [&](const QString &account, const QString &mailbox) {
            return cache.count(cache.state(account, mailbox).id);
        };
        QCOMPARE(cached(QStringLiteral("alice"), QStringLiteral("Archive")), 20);
        QCOMPARE(cached(QStringLiteral("alice"), QStringLiteral("Projects")), 10);
        QCOMPARE(cached(QStringLiteral("bob"), QStringLiteral("INBOX")), 15);
        QCOMPARE(cached(QStringLiteral("bob"), QStringLiteral("Team")), 5);
        QCOMPARE(cached(QStringLiteral("alice"), QStringLiteral("INBOX")), 0); // the open one

        // The two that cannot be read are named, with the server's reason.
        QStringList failures;
        for (const QList<QVariant> &f : std::as_const(failed)) {
            QCOMPARE(f.at(0).toString(), QStringLiteral("alice"));
            failures << f.at(1).toString();
            QCOMPARE(f.at(2).value<Error>().kind, ErrorKind::Refused);
        }
        failures.sort();
        QCOMPARE(failures, (QStringList{QStringLiteral("Gone"),
                                        QStringLiteral("Shared/bob@example.test/Secret")}));

        // A second round finds nothing new and costs little.
        synced.clear();
        background.setMailboxes(account(QStringLiteral("bob"), Bob), QStringLiteral("bob-pw"),
                                {QStringLiteral("INBOX"), QStringLiteral("Team")});
        QVERIFY(round.wait(WaitMs));
        QCOMPARE(synced.size(), 2);
        for (const QList<QVariant> &s : std::as_const(synced)) {
            const auto r = s.at(1).value<SyncResult>();
            QCOMPARE(r.added + r.changed + r.removed, 0);
        }
    }

    void mailboxesWithQueuedChangesWait()
    {
        Database db(m_dir.filePath(QStringLiteral("cache3.sqlite")));
        QVERIFY(!db.open().isError());
        MessageCache cache(db);
        BackgroundSync background(&cache);
        QSignalSpy round(&background, &BackgroundSync::roundFinished);
        background.setSkip([](const QString &, const QString &mailbox) {
            return mailbox == QLatin1String("Archive");
        });
        background.setMailboxes(account(QStringLiteral("alice"), Alice), QStringLiteral("alice-pw"),
                                {QStringLiteral("Archive"), QStringLiteral("Projects")});
        QVERIFY(round.wait(WaitMs));
        QCOMPARE(cache.count(cache.state(QStringLiteral("alice"), QStringLiteral("Projects")).id),
                 10);
        QCOMPARE(cache.count(cache.state(QStringLiteral("alice"), QStringLiteral("Archive")).id),
                 0);
    }

    void wrongPasswordStopsOnlyThatAccount()
    {
        Database db(m_dir.filePath(QStringLiteral("cache2.sqlite")));
        QVERIFY(!db.open().isError());
        MessageCache cache(db);
        BackgroundSync background(&cache);
        QSignalSpy synced(&background, &BackgroundSync::mailboxSynced);
        QSignalSpy failed(&background, &BackgroundSync::mailboxFailed);
        background.setMailboxes(account(QStringLiteral("alice"), Alice), QStringLiteral("wrong"),
                                {QStringLiteral("Archive")});
        background.setMailboxes(account(QStringLiteral("bob"), Bob), QStringLiteral("bob-pw"),
                                {QStringLiteral("Team")});
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() && synced.size() == 1, WaitMs);
        QCOMPARE(failed.constFirst().at(0).toString(), QStringLiteral("alice"));
        QCOMPARE(failed.constFirst().at(2).value<Error>().kind, ErrorKind::Authentication);
        QCOMPARE(cache.count(cache.state(QStringLiteral("bob"), QStringLiteral("Team")).id), 5);
    }

private:
    DovecotServer m_dovecot;
    TempDir m_dir;
    QHash<QString, int> m_counts;
};

QTEST_GUILESS_MAIN(TestBackgroundSync)
#include "test_background_sync.moc"
