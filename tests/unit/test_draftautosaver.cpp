// SPDX-License-Identifier: GPL-3.0-or-later
// Autosave as the composer uses it, with the server replaced by a fake the test answers:
// when it saves, what it keeps locally, one upload at a time, failures that keep the text.
#include "imap/draftuploader.h"
#include "models/draftautosaver.h"
#include "store/database.h"
#include "store/draftstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Tidings;

namespace {
// How long a test waits for something that should happen at once; never an assertion.
constexpr int WaitMs = 10000;
// Longer than any test runs: a timer that must not fire.
constexpr int NeverMs = 3600 * 1000;

// Records each upload; the test decides how it ends.
class FakeUploader : public DraftUploader
{
public:
    FakeUploader()
        : DraftUploader(nullptr)
    {
    }
    struct Call
    {
        QString mailbox;
        QByteArray mime;
        QByteArray messageId;
        qint64 previousUid = 0;
    };
    void upload(const QString &mailbox, const QByteArray &mime, const QByteArray &messageId,
                qint64 previousUid) override
    {
        QVERIFY(!m_busy); // one at a time
        m_busy = true;
        calls.append({mailbox, mime, messageId, previousUid});
    }
    void discard(const QString &mailbox, const QByteArray &messageId, qint64 knownUid) override
    {
        QVERIFY(!m_busy);
        m_busy = true;
        discards.append({mailbox, {}, messageId, knownUid});
    }
    bool isRunning() const override { return m_busy; }
    void answer(const DraftUpload &result)
    {
        m_busy = false;
        Q_EMIT finished(result);
    }
    void answerDiscard(const Error &error)
    {
        m_busy = false;
        Q_EMIT discarded(error);
    }
    QList<Call> calls;
    QList<Call> discards;

private:
    bool m_busy = false;
};

QByteArray mimeOf(const Draft &d)
{
    return "Message-ID: <" + d.messageId + ">\r\nSubject: " + d.subject.toUtf8() + "\r\n\r\n" +
           d.plainBody.toUtf8();
}
} // namespace

class TestDraftAutosaver : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<DraftStore> m_store;
    Draft m_editing; // what the composer shows

    std::unique_ptr<DraftAutosaver> makeSaver()
    {
        return std::make_unique<DraftAutosaver>(
            m_store.get(), [this] { return m_editing; }, mimeOf);
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Database>(m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
        QVERIFY(!m_db->open().isError());
        m_store = std::make_unique<DraftStore>(*m_db);
        m_editing = {};
        m_editing.identity = QStringLiteral("work:me@work.test");
        m_editing.subject = QStringLiteral("Plans");
        m_editing.plainBody = QStringLiteral("first");
    }

    void aPauseInTypingSavesOnce()
    {
        auto saver = makeSaver();
        saver->setDelaysForTest(50, NeverMs);
        QSignalSpy saved(saver.get(), &DraftAutosaver::savedLocally);
        saver->changed();
        saver->changed();
        m_editing.plainBody = QStringLiteral("first words");
        saver->changed();
        QCOMPARE(saved.size(), 0); // not on every keystroke
        QVERIFY(saver->hasUnsavedChanges());
        QVERIFY(saved.wait(WaitMs));
        QCOMPARE(saved.size(), 1);
        QVERIFY(!saver->hasUnsavedChanges());
        const std::optional<Draft> stored = m_store->load(saver->draftId());
        QVERIFY(stored);
        QCOMPARE(stored->plainBody, QStringLiteral("first words"));
        QVERIFY(stored->messageId.endsWith("@work.test"));
        QCOMPARE(stored->messageId, saver->messageId());
    }

    void continuousTypingIsSavedAnyway()
    {
        auto saver = makeSaver();
        saver->setDelaysForTest(NeverMs, 100); // the pause never comes
        QSignalSpy saved(saver.get(), &DraftAutosaver::savedLocally);
        QVERIFY(QTest::qWaitFor(
            [&] {
                saver->changed();
                return !saved.isEmpty();
            },
            WaitMs));
        QCOMPARE(m_store->list().size(), 1);
    }

    void laterSavesReplaceTheSameDraft()
    {
        auto saver = makeSaver();
        QVERIFY(!saver->saveNow().isError());
        const qint64 id = saver->draftId();
        const QByteArray messageId = saver->messageId();
        m_editing.plainBody = QStringLiteral("second");
        QVERIFY(!saver->saveNow().isError());
        QCOMPARE(saver->draftId(), id);
        QCOMPARE(saver->messageId(), messageId); // every version is the same message
        QCOMPARE(m_store->list().size(), 1);
        QCOMPARE(m_store->load(id)->plainBody, QStringLiteral("second"));
    }

    void uploadsOneAtATimeAndTheNewestLast()
    {
        auto saver = makeSaver();
        FakeUploader server;
        saver->setServerTarget(&server, QStringLiteral("work"), QStringLiteral("Drafts"));
        QSignalSpy toServer(saver.get(), &DraftAutosaver::savedToServer);

        QVERIFY(!saver->saveNow().isError());
        QCOMPARE(server.calls.size(), 1);
        QCOMPARE(server.calls.at(0).mailbox, QStringLiteral("Drafts"));
        QCOMPARE(server.calls.at(0).previousUid, 0);
        QCOMPARE(server.calls.at(0).messageId, saver->messageId());
        QVERIFY(server.calls.at(0).mime.endsWith("first"));

        // Two more versions while the first is on its way: only the newest goes up next.
        m_editing.plainBody = QStringLiteral("second");
        QVERIFY(!saver->saveNow().isError());
        m_editing.plainBody = QStringLiteral("third");
        QVERIFY(!saver->saveNow().isError());
        QCOMPARE(server.calls.size(), 1);
        QCOMPARE(m_store->load(saver->draftId())->plainBody, QStringLiteral("third"));

        server.answer({true, 5, {}});
        QCOMPARE(toServer.size(), 1);
        QCOMPARE(server.calls.size(), 2);
        QVERIFY(server.calls.at(1).mime.endsWith("third"));
        QCOMPARE(server.calls.at(1).previousUid, 5); // replaces the copy just made
        server.answer({true, 6, {}});
        QCOMPARE(server.calls.size(), 2);
        QCOMPARE(saver->serverUid(), 6);
        QCOMPARE(m_store->serverCopy(saver->draftId()).uid, 6);
        QCOMPARE(m_store->serverCopy(saver->draftId()).mailbox, QStringLiteral("Drafts"));
        QCOMPARE(m_store->serverCopy(saver->draftId()).account, QStringLiteral("work"));
    }

    void bigAttachmentsAreComposedOffTheGuiThread()
    {
        QThread *composedOn = nullptr;
        auto saver = std::make_unique<DraftAutosaver>(
            m_store.get(), [this] { return m_editing; },
            [&composedOn](const Draft &d) {
                composedOn = QThread::currentThread();
                return mimeOf(d);
            });
        FakeUploader server;
        saver->setServerTarget(&server, QStringLiteral("work"), QStringLiteral("Drafts"));
        m_editing.attachments = {{QStringLiteral("scan.pdf"), "application/pdf",
                                  QByteArray(DraftAutosaver::WorkerComposeBytes, 'x')}};
        QVERIFY(!saver->saveNow().isError());
        QTRY_COMPARE(server.calls.size(), 1); // after the worker, not at once
        QVERIFY(composedOn && composedOn != QThread::currentThread());
        QVERIFY(server.calls.constFirst().mime.endsWith("first"));
        server.answer({true, 3, {}});
        QCOMPARE(saver->serverUid(), 3);

        // A small draft is composed at once, here.
        m_editing.attachments.clear();
        QVERIFY(!saver->saveNow().isError());
        QCOMPARE(server.calls.size(), 2);
        QCOMPARE(composedOn, QThread::currentThread());
        server.answer({true, 4, {}});
    }

    void aFailedUploadKeepsTheLocalDraftAndSaysWhy()
    {
        auto saver = makeSaver();
        FakeUploader server;
        saver->setServerTarget(&server, QStringLiteral("work"), QStringLiteral("Drafts"));
        QVERIFY(!saver->saveNow().isError());
        server.answer({true, 5, {}});

        QSignalSpy failed(saver.get(), &DraftAutosaver::serverSaveFailed);
        m_editing.plainBody = QStringLiteral("kept locally");
        QVERIFY(!saver->saveNow().isError());
        server.answer({false, 0, {ErrorKind::Network, QStringLiteral("connection lost")}});
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.constFirst().constFirst().value<Error>().message,
                 QStringLiteral("connection lost"));
        QCOMPARE(m_store->load(saver->draftId())->plainBody, QStringLiteral("kept locally"));
        // The server still has version 5; the next save replaces that one.
        QCOMPARE(m_store->serverCopy(saver->draftId()).uid, 5);
        QVERIFY(!saver->saveNow().isError());
        QCOMPARE(server.calls.constLast().previousUid, 5);
        QVERIFY(server.calls.constLast().mime.endsWith("kept locally"));
    }

    void discardRemovesLocalNowAndServerAfterTheUpload()
    {
        auto saver = makeSaver();
        FakeUploader server;
        saver->setServerTarget(&server, QStringLiteral("work"), QStringLiteral("Drafts"));
        QSignalSpy removed(saver.get(), &DraftAutosaver::removedFromServer);
        QVERIFY(!saver->saveNow().isError());
        const QByteArray messageId = saver->messageId();
        saver->changed(); // a pending autosave must not bring it back
        QVERIFY(!saver->discard().isError());
        QVERIFY(m_store->list().isEmpty());
        QVERIFY(server.discards.isEmpty()); // the upload is still on its way
        server.answer({true, 5, {}});
        QCOMPARE(server.discards.size(), 1);
        QCOMPARE(server.discards.constFirst().messageId, messageId);
        QCOMPARE(server.discards.constFirst().previousUid, 5);
        QCOMPARE(server.discards.constFirst().mailbox, QStringLiteral("Drafts"));
        server.answerDiscard({});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(server.calls.size(), 1); // nothing uploaded after the discard
        QVERIFY(m_store->list().isEmpty());
    }

    void reopenedDraftContinues()
    {
        qint64 id = 0;
        QByteArray messageId;
        {
            auto saver = makeSaver();
            FakeUploader server;
            saver->setServerTarget(&server, QStringLiteral("work"), QStringLiteral("Drafts"));
            QVERIFY(!saver->saveNow().isError());
            server.answer({true, 9, {}});
            id = saver->draftId();
            messageId = saver->messageId();
        }
        auto saver = makeSaver();
        FakeUploader server;
        saver->setServerTarget(&server, QStringLiteral("work"), QStringLiteral("Drafts"));
        QVERIFY(!saver->continueDraft(id).isError());
        m_editing.plainBody = QStringLiteral("continued");
        QVERIFY(!saver->saveNow().isError());
        QCOMPARE(saver->draftId(), id);
        QCOMPARE(m_store->list().size(), 1);
        QCOMPARE(server.calls.constLast().messageId, messageId);
        QCOMPARE(server.calls.constLast().previousUid, 9);
        QCOMPARE(saver->continueDraft(id + 100).kind, ErrorKind::BadInput);
    }
};

QTEST_GUILESS_MAIN(TestDraftAutosaver)
#include "test_draftautosaver.moc"
