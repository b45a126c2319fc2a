// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/messagedocument.h"

#include <QWebEnginePage>
#include <memory>

namespace Tidings {

class MessageSchemeHandler;
class RemoteContentBlocker;

// A web page that can show one mail message and nothing else: its own off-the-record
// profile (no cookies, cache or storage on disk), JavaScript off, no file access, remote
// content blocked until allowed, and links opened outside. The viewer and `export-pdf`
// both render through this class, so they show the same thing.
class MessagePage : public QWebEnginePage
{
    Q_OBJECT
public:
    explicit MessagePage(QObject *parent = nullptr);
    ~MessagePage() override;

    // Once per process, before the QApplication exists (Qt WebEngine rules).
    static void prepareApplication();

    void showDocument(std::shared_ptr<const MessageDocument> document,
                      MessageDocument::Headers headers, bool remoteAllowed);
    std::shared_ptr<const MessageDocument> document() const { return m_document; }
    bool remoteAllowed() const;

Q_SIGNALS:
    // Emitted once per load when the message tried to fetch something remote.
    void remoteContentBlocked();
    void linkClicked(const QUrl &url);
    void attachmentClicked(int index);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;

private:
    MessageSchemeHandler *m_handler;
    RemoteContentBlocker *m_blocker;
    std::shared_ptr<const MessageDocument> m_document;
    QUrl m_pageUrl;
    bool m_blockReported = false;
};

} // namespace Tidings
