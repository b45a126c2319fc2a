// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QSet>
#include <QTemporaryDir>
#include <QWidget>
#include <functional>
#include <memory>

class QFrame;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QToolButton;
class QVBoxLayout;
class QWebEngineView;

namespace Tidings {

class MessageDocument;
class MessagePage;

// Reads one message: the page (see MessagePage), a bar when remote content was blocked
// ("load once" / "always for this sender"), all headers on request, attachments to open or
// save. Shows a line of text instead when there is no message or it could not be loaded.
class MessageViewer : public QWidget
{
    Q_OBJECT
public:
    explicit MessageViewer(QWidget *parent = nullptr);
    ~MessageViewer() override;

    // Whether a sender's remote content loads without asking.
    void setTrustCheck(std::function<bool(const QString &email)> check);
    // Downloads an attachment not in the document yet (Attachment::section); `done` gets its
    // decoded bytes or why not. Without a loader such attachments cannot be opened.
    using AttachmentDone = std::function<void(const QByteArray &data, const Tidings::Error &)>;
    using AttachmentLoader =
        std::function<void(const QByteArray &section, QObject *context, AttachmentDone done)>;
    void setAttachmentLoader(AttachmentLoader loader);
    // What Save As does once a file is chosen: the attachment's bytes (downloaded first if
    // need be) go to `path`, whole or not at all. Answers with attachmentSaved/Failed.
    void saveAttachmentTo(int index, const QString &path);
    void showMessage(std::shared_ptr<const MessageDocument> document);
    void showPlaceholder(const QString &text);
    std::shared_ptr<const MessageDocument> document() const;

    // Null until the first message is shown.
    MessagePage *page() const { return m_page; }

    // The raw header block shows a dozen lines; it scrolls beyond that.
    static constexpr int RawHeadersHeight = 200;

Q_SIGNALS:
    void trustSenderRequested(const QString &email);
    // The page finished rendering (tests and screenshots wait for it).
    void rendered();
    void attachmentSaved(const QString &path);
    void attachmentFailed(const QString &message);

private:
    void render(bool remoteAllowed);
    void ensurePage();
    void showHeaders(const MessageDocument *document);
    void onRemoteBlocked();
    void onAttachmentClicked(int index);
    void saveAttachment(int index);
    void openAttachment(int index);
    // Runs `use` with the attachment's bytes: at once when they are in the document, else
    // after downloading them, with the busy bar showing meanwhile. A failure is reported.
    void withAttachmentData(int index, const QString &action,
                            std::function<void(const QByteArray &)> use);
    void setDownloading(const QString &name, bool on);
    static void openLink(const QUrl &url);

    std::function<bool(const QString &)> m_trustCheck;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QFrame *m_remoteBar;
    QLabel *m_remoteLabel;
    QPushButton *m_loadOnce;
    QPushButton *m_alwaysLoad;
    QToolButton *m_allHeaders;
    QLabel *m_header;
    QPlainTextEdit *m_rawHeaders;
    AttachmentLoader m_loader;
    QFrame *m_downloadBar;
    QLabel *m_downloadLabel;
    QProgressBar *m_downloadProgress;
    int m_downloads = 0;
    // Attachments of the message on screen downloaded since it was shown (now in the cache).
    QSet<QByteArray> m_fetched;
    QWebEngineView *m_view = nullptr; // made by ensurePage()
    MessagePage *m_page = nullptr;
    QVBoxLayout *m_pageLayout = nullptr;
    std::unique_ptr<QTemporaryDir> m_openedFiles;
    int m_openCount = 0;
};

} // namespace Tidings
