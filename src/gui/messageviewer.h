// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTemporaryDir>
#include <QWidget>
#include <functional>
#include <memory>

class QFrame;
class QLabel;
class QPlainTextEdit;
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

private:
    void render(bool remoteAllowed);
    void ensurePage();
    void showHeaders(const MessageDocument *document);
    void onRemoteBlocked();
    void onAttachmentClicked(int index);
    void saveAttachment(int index);
    void openAttachment(int index);
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
    QWebEngineView *m_view = nullptr; // made by ensurePage()
    MessagePage *m_page = nullptr;
    QVBoxLayout *m_pageLayout = nullptr;
    std::unique_ptr<QTemporaryDir> m_openedFiles;
    int m_openCount = 0;
};

} // namespace Tidings
