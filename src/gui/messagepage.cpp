// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/messagepage.h"
#include "gui/messageschemehandler.h"
#include "gui/remotecontentblocker.h"

#include <QCoreApplication>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <unistd.h>

namespace Tidings {

namespace {
// The profile must outlive its page; it is handed over here and deleted after the page.
QWebEngineProfile *makeProfile()
{
    auto *profile = new QWebEngineProfile(); // no storage name: off the record
    profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    profile->setSpellCheckEnabled(false);
    return profile;
}

void lockDown(QWebEngineSettings *s)
{
    s->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    s->setAttribute(QWebEngineSettings::LocalStorageEnabled, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    s->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    s->setAttribute(QWebEngineSettings::HyperlinkAuditingEnabled, false);
    s->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    s->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    s->setAttribute(QWebEngineSettings::WebRTCPublicInterfacesOnly, true);
    s->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    s->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);
}
} // namespace

void MessagePage::prepareApplication()
{
    MessageSchemeHandler::registerSchemes();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    // Chromium's sandbox cannot work for root and refuses to start; a message page has no
    // JavaScript and no network access of its own, which is the isolation that matters here.
    if (::geteuid() == 0 && qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
}

MessagePage::MessagePage(QObject *parent)
    : QWebEnginePage(makeProfile(), parent)
    , m_handler(new MessageSchemeHandler(profile()))
    , m_blocker(new RemoteContentBlocker(profile()))
{
    profile()->installUrlSchemeHandler(MessageSchemeHandler::pageScheme().toLatin1(), m_handler);
    profile()->installUrlSchemeHandler(MessageSchemeHandler::partScheme().toLatin1(), m_handler);
    profile()->setUrlRequestInterceptor(m_blocker);
    lockDown(settings());
    connect(m_blocker, &RemoteContentBlocker::blocked, this, [this] {
        if (m_blockReported)
            return;
        m_blockReported = true;
        Q_EMIT remoteContentBlocked();
    });
}

MessagePage::~MessagePage()
{
    profile()->deleteLater();
}

bool MessagePage::remoteAllowed() const
{
    return m_blocker->remoteAllowed();
}

void MessagePage::showDocument(std::shared_ptr<const MessageDocument> document,
                               MessageDocument::Headers headers, bool remoteAllowed)
{
    m_document = std::move(document);
    m_blockReported = false;
    m_blocker->setRemoteAllowed(remoteAllowed);
    m_handler->setPage(m_document, m_document ? m_document->html(headers) : QString());
    m_pageUrl = m_handler->nextPageUrl();
    load(m_pageUrl);
}

bool MessagePage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (url == m_pageUrl && isMainFrame && type != NavigationTypeLinkClicked)
        return true;
    const QString prefix = MessageDocument::attachmentUrlPrefix();
    if (type == NavigationTypeLinkClicked && url.toString().startsWith(prefix)) {
        bool ok = false;
        const int index = url.toString().mid(prefix.size()).toInt(&ok);
        if (ok && index >= 0)
            Q_EMIT attachmentClicked(index);
        return false;
    }
    if (type == NavigationTypeLinkClicked) {
        Q_EMIT linkClicked(url);
        return false;
    }
    // Frames of a message are remote content: they load when remote content is allowed,
    // and count as blocked content otherwise (the request never reaches the blocker).
    if (!isMainFrame) {
        if (m_blocker->remoteAllowed())
            return true;
        if (!RemoteContentBlocker::isMessageScheme(url.scheme()) && !m_blockReported) {
            m_blockReported = true;
            Q_EMIT remoteContentBlocked();
        }
        return false;
    }
    // Anything else (meta refresh, a form, a frame while blocked) stays put.
    return false;
}

} // namespace Tidings
