// SPDX-License-Identifier: GPL-3.0-or-later
// Local drafts: what was typed comes back field for field, the Drafts list, the server copy.
#include "store/database.h"
#include "store/draftstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Tidings;

namespace {
Draft fullDraft()
{
    Draft d;
    d.identity = QStringLiteral("work:boss@work.test");
    d.messageId = "draft-1@tidings.test";
    d.to = {{QStringLiteral("Ann Ä"), QStringLiteral("ann@example.org")}};
    d.cc = {{QString(), QStringLiteral("bob@example.org")},
            {QStringLiteral("Carl"), QStringLiteral("carl@example.org")}};
    d.bcc = {{QStringLiteral("Dora"), QStringLiteral("dora@example.org")}};
    d.subject = QStringLiteral("Re: Plans — 2027");
    d.plainBody = QStringLiteral("Hi Ann,\n\n> quoted\n");
    d.htmlBody = QStringLiteral("<p>Hi Ann,</p>");
    d.attachments = {
        {QStringLiteral("r.csv"), "text/csv", "x,y\n1,2\n"},
        {QStringLiteral("bin.dat"), "application/octet-stream", QByteArray("\0\1\2\xff", 4)}};
    d.inReplyTo = "orig@example.org";
    d.references = {"root@example.org", "orig@example.org"};
    d.answers = {QStringLiteral("work"), QStringLiteral("INBOX"), 42};
    return d;
}

void compareDrafts(const Draft &a, const Draft &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.identity, b.identity);
    QCOMPARE(a.messageId, b.messageId);
    auto same = [](const QList<Address> &x, const QList<Address> &y) {
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (x.at(i).name != y.at(i).name || x.at(i).email != y.at(i).email)
                return false;
        }
        return true;
    };
    QVERIFY(same(a.to, b.to));
    QVERIFY(same(a.cc, b.cc));
    QVERIFY(same(a.bcc, b.bcc));
    QCOMPARE(a.subject, b.subject);
    QCOMPARE(a.plainBody, b.plainBody);
    QCOMPARE(a.htmlBody, b.htmlBody);
    QCOMPARE(a.attachments.size(), b.attachments.size());
    for (qsizetype i = 0; i < a.attachments.size(); ++i) {
        QCOMPARE(a.attachments.at(i).fileName, b.attachments.at(i).fileName);
        QCOMPARE(a.attachments.at(i).mimeType, b.attachments.at(i).mimeType);
        QCOMPARE(a.attachments.at(i).data, b.attachments.at(i).data);
    }
    QCOMPARE(a.inReplyTo, b.inReplyTo);
    QCOMPARE(a.references, b.references);
    QCOMPARE(a.answers.account, b.answers.account);
    QCOMPARE(a.answers.mailbox, b.answers.mailbox);
    QCOMPARE(a.answers.uid, b.answers.uid);
}
} // namespace

class TestDraftStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Database>(m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
        QVERIFY(!m_db->open().isError());
    }

    void everyFieldRoundTrips()
    {
        DraftStore store(*m_db);
        Draft d = fullDraft();
        QVERIFY(!store.save(d).isError());
        QVERIFY(d.id > 0);
        const std::optional<Draft> loaded = store.load(d.id);
        QVERIFY(loaded);
        compareDrafts(*loaded, d);
    }

    void survivesReopening()
    {
        Draft d = fullDraft();
        const QString path = m_db->path();
        {
            DraftStore store(*m_db);
            QVERIFY(!store.save(d).isError());
        }
        m_db.reset();
        Database again(path);
        QVERIFY(!again.open().isError());
        const std::optional<Draft> loaded = DraftStore(again).load(d.id);
        QVERIFY(loaded);
        compareDrafts(*loaded, d);
    }

    void saveAgainReplacesTheDraft()
    {
        DraftStore store(*m_db);
        Draft d = fullDraft();
        QVERIFY(!store.save(d).isError());
        const qint64 id = d.id;
        d.subject = QStringLiteral("second version");
        d.attachments.removeFirst();
        d.cc.clear();
        QVERIFY(!store.save(d).isError());
        QCOMPARE(d.id, id);
        QCOMPARE(store.list().size(), 1);
        compareDrafts(*store.load(id), d);
    }

    void listShowsNewestFirstWithRecipients()
    {
        DraftStore store(*m_db);
        Draft first = fullDraft();
        Draft second;
        second.subject = QStringLiteral("Two");
        second.to = {{QString(), QStringLiteral("x@example.org")}};
        QVERIFY(!store.save(first).isError());
        QVERIFY(!store.save(second).isError());
        QList<DraftSummary> list = store.list();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).id, second.id);
        QCOMPARE(list.at(0).subject, QStringLiteral("Two"));
        QCOMPARE(list.at(0).recipients, QStringLiteral("x@example.org"));
        QCOMPARE(list.at(1).recipients, QStringLiteral("Ann Ä, bob@example.org, Carl, Dora"));
        QCOMPARE(list.at(1).identity, first.identity);
        QVERIFY(list.at(1).updated.isValid());

        // Editing the older one brings it to the top.
        QTest::qWait(2); // the clock must move for "updated" to differ
        first.subject = QStringLiteral("One, edited");
        QVERIFY(!store.save(first).isError());
        list = store.list();
        QCOMPARE(list.at(0).id, first.id);
    }

    void removeForgetsTheDraft()
    {
        DraftStore store(*m_db);
        Draft d = fullDraft();
        QVERIFY(!store.save(d).isError());
        QVERIFY(!store.remove(d.id).isError());
        QVERIFY(!store.load(d.id));
        QVERIFY(store.list().isEmpty());
        // An autosave racing the removal does not bring the draft back.
        const Error e = store.save(d);
        QCOMPARE(e.kind, ErrorKind::BadInput);
        QVERIFY(store.list().isEmpty());
    }

    void serverCopyIsRemembered()
    {
        DraftStore store(*m_db);
        Draft d = fullDraft();
        QVERIFY(!store.save(d).isError());
        QVERIFY(!store.serverCopy(d.id).isValid());
        QVERIFY(!store.setServerCopy(d.id, {QStringLiteral("work"), QStringLiteral("Drafts"), 17})
                     .isError());
        const DraftServerCopy copy = store.serverCopy(d.id);
        QCOMPARE(copy.account, QStringLiteral("work"));
        QCOMPARE(copy.mailbox, QStringLiteral("Drafts"));
        QCOMPARE(copy.uid, 17);
        // A local save does not forget the server copy (its UID is what gets replaced).
        d.subject = QStringLiteral("later");
        QVERIFY(!store.save(d).isError());
        QCOMPARE(store.serverCopy(d.id).uid, 17);
        QCOMPARE(store.list().constFirst().serverCopy.uid, 17);
    }
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "test_draftstore.moc"
