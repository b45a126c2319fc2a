// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWebEngineUrlSchemeHandler>
#include <memory>

namespace Tidings {

class MessageDocument;

// Serves one message to its page: the page itself at pageUrl() and its inline parts at
// cid: URLs (RFC 2392). Nothing else exists under these schemes.
class MessageSchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
public:
    explicit MessageSchemeHandler(QObject *parent = nullptr);

    // Must run before the QApplication is created (a Qt WebEngine rule).
    static void registerSchemes();
    static QString pageScheme();
    static QString partScheme();
    // A new URL per page load, so the engine never shows a stale page from its memory cache.
    QUrl nextPageUrl();

    void setPage(std::shared_ptr<const MessageDocument> document, const QString &html);
    void requestStarted(QWebEngineUrlRequestJob *job) override;

private:
    std::shared_ptr<const MessageDocument> m_document;
    QByteArray m_html;
    int m_generation = 0;
};

} // namespace Tidings
