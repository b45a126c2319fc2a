// SPDX-License-Identifier: GPL-3.0-or-later
// Big messages open part by part on a real Dovecot: the text shows and is cached, the 5 MB
// attachment stays on the server until saved (then byte for byte the original), the text
// opens again offline, and an attachment expunged meanwhile is a clear error.
#include "fixtures/accountsetup.h"
#include "fixtures/dovecotserver.h"
#include "fixtures/droppingproxy.h"
#include "fixtures/keyringsession.h"
#include "fixtures/tempdir.h"
#include "fixtures/verify.h"
#include "imap/partfetcher.h"
#include "models/workspace.h"
#include "store/bodycache.h"
#include "store/configdir.h"
#include "store/database.h"
#include "store/messagecache.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Tidings;
using namespace TidingsTest;

namespace {
const QString Alice = QStringLiteral("alice@example.test");
const QString Password = QStringLiteral("alice-pw");
const QString AccountName = QStringLiteral("work");
const QString Inbox = QStringLiteral("INBOX");
constexpr int WaitMs = 60000;
constexpr qint64 AttachmentBytes = 5 * 1024 * 1024;
// What opening the big message may leave in the cache: header, structure and the text.
constexpr qint64 CacheBound = 64 * 1024;

QByteArray randomBytes(qint64 size)
{
    QByteArray out(size, Qt::Uninitialized);
    QRandomGenerator generator(20261204); // the same bytes every run
    for (qint64 i = 0; i < size; ++i)
        out[i] = char(generator.bounded(256));
    return out;
}

// A text body and a 5 MB binary attachment, base64 in 76-character lines (RFC 2045 6.8).
QByteArray bigMessage(const QByteArray &subject, const QByteArray &attachment)
{
    QByteArray base64 = attachment.toBase64();
    QByteArray lines;
    for (qsizetype i = 0; i < base64.size(); i += 76)
        lines += base64.mid(i, 76) + "\r\n";
    return "From: Bob <bob@example.test>\r\nTo: " + Alice.toLatin1() + "\r\nSubject: " + subject +
           "\r\nDate: Fri, 04 Dec 2026 10:00:00 +0000\r\nMessage-ID: <" + subject +
           "@example.test>\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
           "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
           "The survey results are attached. Caf\xc3\xa9 at ten?\r\n"
           "--b\r\nContent-Type: application/octet-stream; name=\"survey.bin\"\r\n"
           "Content-Disposition: attachment; filename=\"survey.bin\"\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\n" +
           lines + "--b--\r\n";
}

MessageKey keyOf(Workspace &workspace, const QString &subject)
{
    const QAbstractItemModel *model = workspace.messages();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex row = model->index(r, 0);
        if (model->index(r, 1).data().toString() == subject)
            return {row.data(MessageListModel::MailboxIdRole).toLongLong(),
                    row.data(MessageListModel::UidRole).toLongLong()};
    }
    return {};
}

std::shared_ptr<const MessageDocument> open(Workspace &workspace, const MessageKey &key,
                                            Error *error)
{
    QSignalSpy opened(&workspace, &Workspace::messageOpened);
    QSignalSpy failed(&workspace, &Workspace::messageFailed);
    workspace.openMessage(key);
    if (!QTest::qWaitFor([&] { return !opened.isEmpty() || !failed.isEmpty(); }, WaitMs))
        return {};
    if (!failed.isEmpty()) {
        *error = failed.constFirst().at(1).value<Error>();
        return {};
    }
    return opened.constFirst().at(1).value<std::shared_ptr<const MessageDocument>>();
}

QByteArray fetchAttachment(Workspace &workspace, const QByteArray &section, Error *error)
{
    bool done = false;
    QByteArray data;
    QObject context;
    workspace.fetchAttachment(section, &context, [&](const QByteArray &bytes, const Error &e) {
        data = bytes;
        *error = e;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, WaitMs))
        *error = {ErrorKind::Network, QStringLiteral("timed out")};
    return data;
}
} // namespace

class TestLazyPartsDovecot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<std::shared_ptr<const MessageDocument>>();
        QVERIFY2(m_keyring.start(), qPrintable(m_keyring.error()));
        m_dovecot.addUser(Alice, Password);
        m_attachment = randomBytes(AttachmentBytes);
        QVERIFY(m_dovecot.deliver(Alice, Inbox, bigMessage("survey", m_attachment)));
        QVERIFY(m_dovecot.deliver(Alice, Inbox, bigMessage("doomed", m_attachment)));
        QVERIFY(m_dovecot.deliver(
            Alice, Inbox,
            "From: bob@example.test\r\nSubject: short\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=\"s\"\r\n\r\n--s\r\n"
            "Content-Type: text/plain\r\n\r\nsmall one\r\n--s\r\n"
            "Content-Type: text/csv; name=\"a.csv\"\r\n"
            "Content-Disposition: attachment; filename=\"a.csv\"\r\n\r\nx,y\r\n--s--\r\n"));
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.error()));
        Account &a = m_account;
        a.name = AccountName;
        a.email = Alice;
        a.imap = {QStringLiteral("127.0.0.1"), m_dovecot.imapPort(), Security::StartTls};
        a.caFile = m_dovecot.certificatePath();
        a.timeoutSeconds = 20;
        QVERIFY_OK(addAccountWithPassword(m_profile.path(), a, Password, WaitMs));
    }

    void bigMessageOpensWithoutItsAttachment()
    {
        Workspace workspace(m_profile.path());
        QVERIFY(connectInbox(workspace));
        const MessageKey key = keyOf(workspace, QStringLiteral("survey"));
        QVERIFY(key.isValid());
        const qint64 uid = key.uid;
        m_surveyUid = uid;
        Error error;
        const auto document = open(workspace, key, &error);
        QVERIFY2(document, qPrintable(error.message));
        QVERIFY(document->isPartial());
        QCOMPARE(document->plainText().trimmed(),
                 QStringLiteral("The survey results are attached. Café at ten?"));
        // Listed with name and decoded size before any of it is here.
        const QList<Attachment> files = document->attachments();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0).name, QStringLiteral("survey.bin"));
        QCOMPARE(files.at(0).mimeType, QStringLiteral("application/octet-stream"));
        QVERIFY(!files.at(0).isDownloaded());
        QVERIFY2(qAbs(files.at(0).size - AttachmentBytes) < AttachmentBytes / 100,
                 qPrintable(QString::number(files.at(0).size)));
        const qint64 cached = storedBytes(uid);
        qInfo("cache after opening: %lld bytes for a %lld byte attachment", cached,
              AttachmentBytes);
        QVERIFY2(cached > 0 && cached < CacheBound, qPrintable(QString::number(cached)));

        // Saving downloads it: the original bytes, and now cached.
        const QByteArray saved = fetchAttachment(workspace, files.at(0).section, &error);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QCOMPARE(saved.size(), m_attachment.size());
        QVERIFY(saved == m_attachment);
        QVERIFY(storedBytes(uid) > AttachmentBytes);

        // A second open needs no server: stop it and ask again.
        m_dovecot.stop();
        const QByteArray again = fetchAttachment(workspace, files.at(0).section, &error);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QVERIFY(again == m_attachment);
        QVERIFY2(m_dovecot.restart(), qPrintable(m_dovecot.error()));
    }

    void droppedConnectionIsAnErrorAndTheNextFetchReconnects()
    {
        QVERIFY(m_surveyUid > 0);
        DroppingProxy proxy(m_dovecot.imapPort());
        QVERIFY(proxy.start());
        // Cut a megabyte into the attachment's 7 MB of base64.
        proxy.dropNextAfter(1024 * 1024);
        Account viaProxy = m_account;
        viaProxy.imap.port = proxy.port();
        PartFetcher fetcher(viaProxy, Password);
        auto fetch = [&](PartsResponse *response) {
            Error result{ErrorKind::Network, QStringLiteral("timed out")};
            bool done = false;
            fetcher.fetch(Inbox, m_surveyUid, "BODY.PEEK[2]", this,
                          [&](const PartsResponse &r, const Error &e) {
                              *response = r;
                              result = e;
                              done = true;
                          });
            if (!QTest::qWaitFor([&] { return done; }, WaitMs))
                qWarning("no answer from the part fetcher");
            return result;
        };
        PartsResponse response;
        const Error dropped = fetch(&response);
        qInfo("dropped: %s", qPrintable(dropped.message));
        QCOMPARE(dropped.kind, ErrorKind::Network);
        QCOMPARE(proxy.drops(), 1);
        // The next request opens a new connection and gets the whole part.
        const Error again = fetch(&response);
        QVERIFY2(!again.isError(), qPrintable(again.message));
        QVERIFY(response.sections.value("2").size() > AttachmentBytes);
    }

    // An expired OAuth token or a changed password: refused, and the renewed secret is
    // used by the next request's login.
    void aRenewedSecretLogsInAgain()
    {
        QVERIFY(m_surveyUid > 0);
        PartFetcher fetcher(m_account, QStringLiteral("expired"));
        auto fetch = [&]() {
            Error result{ErrorKind::Network, QStringLiteral("timed out")};
            bool done = false;
            fetcher.fetch(Inbox, m_surveyUid, "BODY.PEEK[HEADER]", this,
                          [&](const PartsResponse &, const Error &e) {
                              result = e;
                              done = true;
                          });
            if (!QTest::qWaitFor([&] { return done; }, WaitMs))
                qWarning("no answer from the part fetcher");
            return result;
        };
        QCOMPARE(fetch().kind, ErrorKind::Authentication);
        fetcher.setPassword(Password);
        const Error again = fetch();
        QVERIFY2(!again.isError(), qPrintable(again.message));
    }

    void smallMessageComesWhole()
    {
        Workspace workspace(m_profile.path());
        QVERIFY(connectInbox(workspace));
        Error error;
        const auto document = open(workspace, keyOf(workspace, QStringLiteral("short")), &error);
        QVERIFY2(document, qPrintable(error.message));
        QVERIFY(!document->isPartial());
        QCOMPARE(document->attachments().size(), 1);
        QVERIFY(document->attachments().at(0).isDownloaded());
        QCOMPARE(document->attachmentData(0), QByteArray("x,y"));
    }

    void attachmentExpungedMeanwhileIsAClearError()
    {
        Workspace workspace(m_profile.path());
        QVERIFY(connectInbox(workspace));
        const MessageKey key = keyOf(workspace, QStringLiteral("doomed"));
        QVERIFY(key.isValid());
        const qint64 uid = key.uid;
        Error error;
        const auto document = open(workspace, key, &error);
        QVERIFY2(document, qPrintable(error.message));
        const QByteArray section = document->attachments().value(0).section;
        QVERIFY(!section.isEmpty());
        // Another client deletes it for good.
        QString out;
        QVERIFY2(m_dovecot.doveadm({QStringLiteral("expunge"), QStringLiteral("-u"), Alice,
                                    QStringLiteral("mailbox"), Inbox, QStringLiteral("uid"),
                                    QString::number(uid)},
                                   &out),
                 qPrintable(out));
        const QByteArray data = fetchAttachment(workspace, section, &error);
        QVERIFY(error.isError());
        QVERIFY(data.isEmpty());
        qInfo("expunged: %s", qPrintable(error.message));
        QVERIFY2(error.message.contains(QLatin1String("no longer on the server")),
                 qPrintable(error.message));
    }

    // Last: the server goes away for good.
    void textOpensOfflineFromTheCache()
    {
        m_dovecot.stop();
        Workspace workspace(m_profile.path());
        QSignalSpy loaded(&workspace, &Workspace::messagesLoaded);
        workspace.selectMailbox(AccountName, Inbox);
        QTRY_VERIFY_WITH_TIMEOUT(keyOf(workspace, QStringLiteral("survey")).isValid(), WaitMs);
        Error error;
        const auto document = open(workspace, keyOf(workspace, QStringLiteral("survey")), &error);
        QVERIFY2(document, qPrintable(error.message));
        QVERIFY2(document->plainText().contains(QStringLiteral("Café at ten?")),
                 qPrintable(document->plainText()));
        QCOMPARE(document->attachments().value(0).name, QStringLiteral("survey.bin"));
    }

private:
    bool connectInbox(Workspace &workspace)
    {
        QSignalSpy listed(&workspace, &Workspace::mailboxesListed);
        workspace.connectAll();
        if (!listed.wait(WaitMs))
            return false;
        QSignalSpy loaded(&workspace, &Workspace::messagesLoaded);
        workspace.selectMailbox(AccountName, Inbox);
        return loaded.wait(WaitMs) && keyOf(workspace, QStringLiteral("survey")).isValid();
    }

    qint64 storedBytes(qint64 uid)
    {
        Database db(cacheDatabasePath(m_profile.path()));
        if (db.open().isError())
            return -1;
        const qint64 mailboxId = MessageCache(db).state(AccountName, Inbox).id;
        return BodyCache(db).storedBytes(mailboxId, uid);
    }

    KeyringSession m_keyring;
    DovecotServer m_dovecot;
    TempDir m_profile;
    QByteArray m_attachment;
    Account m_account;
    qint64 m_surveyUid = 0;
};

QTEST_GUILESS_MAIN(TestLazyPartsDovecot)
#include "test_lazyparts_dovecot.moc"
