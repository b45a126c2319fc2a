// SPDX-License-Identifier: GPL-3.0-or-later
// Drafts saved to a real Dovecot 2.4, with UIDPLUS (APPENDUID) and without it: however many
// versions are saved, the Drafts mailbox holds one, the newest; a refused or dropped save
// leaves the previous server copy and the local draft as they were.
#include "fixtures/dovecotserver.h"
#include "fixtures/droppingproxy.h"
#include "imap/draftuploader.h"
#include "imaptesthelpers.h"
#include "models/draftautosaver.h"
#include "store/database.h"
#include "store/draftstore.h"

#include <KMime/Message>
#include <QTemporaryDir>

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Password = QStringLiteral("pw");
const QString Drafts = QStringLiteral("Drafts");
// A STARTTLS login on a 2-core machine busy with builds can take longer than 5 s.
constexpr int LoadedTimeoutSeconds = 30;

// A draft as the composer would make it, built with KMime directly.
QByteArray mimeOf(const Draft &d)
{
    KMime::Message m;
    m.from()->fromUnicodeString(Alice);
    m.to()->fromUnicodeString(QStringLiteral("bob@example.test"));
    m.subject()->fromUnicodeString(d.subject);
    m.date()->setDateTime(QDateTime::currentDateTimeUtc());
    m.messageID()->setIdentifier(d.messageId);
    m.contentType()->setMimeType("text/plain");
    m.contentType()->setCharset("utf-8");
    m.setBody(d.plainBody.toUtf8() + '\n');
    m.assemble();
    return m.encodedContent(true);
}

Draft version(const QByteArray &messageId, int n)
{
    Draft d;
    d.identity = QStringLiteral("test:") + Alice;
    d.messageId = messageId;
    d.subject = QStringLiteral("Plan, version %1").arg(n);
    d.plainBody = QStringLiteral("text of version %1").arg(n);
    return d;
}
} // namespace

class TestDraftsDovecot : public QObject
{
    Q_OBJECT
private:
    struct Server
    {
        DovecotServer dovecot;
        std::unique_ptr<ImapConnection> connection;
    };
    Server m_uidplus;
    Server m_noUidplus;
    QTemporaryDir m_dir;

    Account account(Server &s, quint16 port) const
    {
        Account a = loopbackAccount(port, Security::StartTls, Alice, s.dovecot.certificatePath());
        a.timeoutSeconds = LoadedTimeoutSeconds;
        return a;
    }

    bool startServer(Server &s, const QByteArray &extraConfig)
    {
        s.dovecot.addUser(Alice, Password);
        s.dovecot.setExtraConfig(extraConfig);
        if (!s.dovecot.createMailbox(Alice, Drafts) || !s.dovecot.start())
            return false;
        s.connection = std::make_unique<ImapConnection>(account(s, s.dovecot.imapPort()));
        return !openSync(*s.connection, Password).isError();
    }

    DraftUpload upload(ImapConnection *c, const QString &mailbox, const Draft &d,
                       qint64 previousUid = 0)
    {
        DraftUploader uploader(c);
        DraftUpload result{false, 0, {ErrorKind::Network, QStringLiteral("test: no result")}};
        bool done = false;
        connect(&uploader, &DraftUploader::finished, this, [&](const DraftUpload &r) {
            result = r;
            done = true;
        });
        uploader.upload(mailbox, mimeOf(d), d.messageId, previousUid);
        if (!QTest::qWaitFor([&] { return done; }, ResultTimeoutMs))
            qWarning("upload timed out");
        return result;
    }

    // What the Drafts mailbox holds, read by a session of its own.
    QList<Envelope> serverDrafts(Server &s)
    {
        ImapConnection check(account(s, s.dovecot.imapPort()));
        QList<Envelope> out;
        if (Error e = openSync(check, Password); e.isError()) {
            qWarning() << e.message;
            return out;
        }
        if (Error e = loadSync(check, Drafts, out); e.isError())
            qWarning() << e.message;
        return out;
    }

    void threeVersionsLeaveOne(Server &s, const QByteArray &messageId)
    {
        qint64 previous = 0;
        for (int n = 1; n <= 3; ++n) {
            const DraftUpload r =
                upload(s.connection.get(), Drafts, version(messageId, n), previous);
            QVERIFY2(r.stored && !r.error.isError(), qPrintable(r.error.message));
            QVERIFY(r.uid > previous);
            previous = r.uid;
        }
        const QList<Envelope> onServer = serverDrafts(s);
        QCOMPARE(onServer.size(), 1);
        QCOMPARE(onServer.constFirst().subject, QStringLiteral("Plan, version 3"));
        QCOMPARE(onServer.constFirst().uid, previous);
        QVERIFY(onServer.constFirst().flags.testFlag(MessageFlag::Draft));
        QVERIFY(onServer.constFirst().flags.testFlag(MessageFlag::Seen));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(startServer(m_uidplus, {}), qPrintable(m_uidplus.dovecot.error()));
        QVERIFY2(startServer(m_noUidplus, "imap_capability {\n  UIDPLUS = no\n}\n"),
                 qPrintable(m_noUidplus.dovecot.error()));
        QVERIFY(!m_noUidplus.connection->hasCapability(QStringLiteral("UIDPLUS")));
        QVERIFY(m_uidplus.connection->hasCapability(QStringLiteral("UIDPLUS")));
    }

    void threeSavesLeaveTheNewestOnly() { threeVersionsLeaveOne(m_uidplus, "three@tidings.test"); }

    void withoutUidplusTheVersionIsFoundByMessageId()
    {
        threeVersionsLeaveOne(m_noUidplus, "three-no-uidplus@tidings.test");
    }

    void otherDeletedMailIsNotExpunged()
    {
        // Someone marked a message \Deleted in Drafts; saving a draft must not expunge it.
        Server &s = m_noUidplus;
        const DraftUpload other = upload(s.connection.get(), Drafts, version("other@x.test", 1));
        QVERIFY(other.stored);
        QVERIFY(
            s.dovecot.doveadm({QStringLiteral("flags"), QStringLiteral("add"), QStringLiteral("-u"),
                               Alice, QStringLiteral("\\Deleted"), QStringLiteral("mailbox"),
                               Drafts, QStringLiteral("uid"), QString::number(other.uid)}));
        const QByteArray id = "beside-deleted@tidings.test";
        const DraftUpload v1 = upload(s.connection.get(), Drafts, version(id, 1));
        const DraftUpload v2 = upload(s.connection.get(), Drafts, version(id, 2), v1.uid);
        QVERIFY2(v2.stored && !v2.error.isError(), qPrintable(v2.error.message));
        const QList<Envelope> onServer = serverDrafts(s);
        QList<qint64> uids;
        for (const Envelope &e : onServer)
            uids.append(e.uid);
        QVERIFY(uids.contains(other.uid));
        QVERIFY(uids.contains(v2.uid));
        // v1 is marked \Deleted, waiting for a moment when expunging takes nothing else.
        for (const Envelope &e : onServer) {
            if (e.uid == v1.uid)
                QVERIFY(e.flags.testFlag(MessageFlag::Deleted));
        }
    }

    void discardRemovesEveryVersion()
    {
        Server &s = m_uidplus;
        const QByteArray id = "discarded@tidings.test";
        // Two versions, as a crash between APPEND and the removal of the older one leaves.
        QVERIFY(upload(s.connection.get(), Drafts, version(id, 1)).stored);
        QVERIFY(s.dovecot.deliver(Alice, Drafts, mimeOf(version(id, 2)), QStringLiteral("DS")));
        DraftUploader uploader(s.connection.get());
        QSignalSpy discarded(&uploader, &DraftUploader::discarded);
        uploader.discard(Drafts, id);
        QVERIFY(discarded.wait(ResultTimeoutMs));
        const Error e = discarded.constFirst().constFirst().value<Error>();
        QVERIFY2(!e.isError(), qPrintable(e.message));
        for (const Envelope &env : serverDrafts(s))
            QVERIFY(env.messageId != id);
    }

    void refusedSaveKeepsThePreviousVersion()
    {
        Server &s = m_uidplus;
        const QByteArray id = "refused@tidings.test";
        const DraftUpload v1 = upload(s.connection.get(), Drafts, version(id, 1));
        QVERIFY(v1.stored);
        const DraftUpload v2 =
            upload(s.connection.get(), QStringLiteral("No such mailbox"), version(id, 2), v1.uid);
        QVERIFY(!v2.stored);
        QCOMPARE(v2.error.kind, ErrorKind::Refused);
        QVERIFY(v2.error.message.contains(QStringLiteral("No such mailbox")));
        bool found = false;
        for (const Envelope &e : serverDrafts(s))
            found = found || (e.uid == v1.uid && e.subject == QStringLiteral("Plan, version 1"));
        QVERIFY(found);
    }

    // Through the autosaver: the composer's view of a dropped connection.
    void droppedSaveKeepsServerCopyAndLocalDraft()
    {
        Server &s = m_uidplus;
        DroppingProxy proxy(s.dovecot.imapPort());
        QVERIFY(proxy.start());
        ImapConnection flaky(account(s, proxy.port()));
        QVERIFY(!openSync(flaky, Password).isError());

        Database db(m_dir.filePath(QStringLiteral("drafts.sqlite")));
        QVERIFY(!db.open().isError());
        DraftStore store(db);
        Draft editing = version({}, 1);
        DraftAutosaver saver(
            &store, [&] { return editing; }, mimeOf);
        DraftUploader uploader(&flaky);
        saver.setServerTarget(&uploader, QStringLiteral("test"), Drafts);
        QSignalSpy toServer(&saver, &DraftAutosaver::savedToServer);
        QSignalSpy failed(&saver, &DraftAutosaver::serverSaveFailed);

        QVERIFY(!saver.saveNow().isError());
        QVERIFY(QTest::qWaitFor([&] { return !toServer.isEmpty() || !failed.isEmpty(); },
                                ResultTimeoutMs));
        QCOMPARE(toServer.size(), 1);
        const qint64 firstUid = saver.serverUid();
        QVERIFY(firstUid > 0);

        editing = version({}, 2);
        QVERIFY(!saver.saveNow().isError());
        proxy.cutAll(); // before the APPEND reaches the server
        QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty(); }, ResultTimeoutMs));
        QCOMPARE(failed.constFirst().constFirst().value<Error>().kind, ErrorKind::Network);
        QCOMPARE(toServer.size(), 1);

        QCOMPARE(store.load(saver.draftId())->subject, QStringLiteral("Plan, version 2"));
        QCOMPARE(store.serverCopy(saver.draftId()).uid, firstUid);
        int copies = 0;
        for (const Envelope &e : serverDrafts(s)) {
            if (e.messageId == saver.messageId()) {
                ++copies;
                QCOMPARE(e.subject, QStringLiteral("Plan, version 1"));
            }
        }
        QCOMPARE(copies, 1);
    }
};

QTEST_GUILESS_MAIN(TestDraftsDovecot)
#include "test_drafts_dovecot.moc"
