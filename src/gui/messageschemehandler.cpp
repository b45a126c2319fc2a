// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/messageschemehandler.h"

#include "models/messagedocument.h"

#include <QBuffer>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

namespace Tidings {

MessageSchemeHandler::MessageSchemeHandler(QObject *parent)
    : QWebEngineUrlSchemeHandler(parent)
{
}

QString MessageSchemeHandler::pageScheme()
{
    return QStringLiteral("tidings-message");
}

QString MessageSchemeHandler::partScheme()
{
    return QStringLiteral("cid");
}

void MessageSchemeHandler::registerSchemes()
{
    for (const QString &name : {pageScheme(), partScheme()}) {
        QWebEngineUrlScheme scheme(name.toLatin1());
        scheme.setSyntax(QWebEngineUrlScheme::Syntax::Path);
        // Not a local scheme: the engine would then refuse remote requests itself, before
        // RemoteContentBlocker sees them, and the viewer could not say what was blocked.
        // As a non-local origin the page cannot reach file: URLs either.
        scheme.setFlags(QWebEngineUrlScheme::SecureScheme);
        QWebEngineUrlScheme::registerScheme(scheme);
    }
}

QUrl MessageSchemeHandler::nextPageUrl()
{
    return QUrl(QStringLiteral("%1:/message/%2").arg(pageScheme()).arg(++m_generation));
}

void MessageSchemeHandler::setPage(std::shared_ptr<const MessageDocument> document,
                                   const QString &html)
{
    m_document = std::move(document);
    m_html = html.toUtf8();
}

void MessageSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    QByteArray data;
    QByteArray type;
    if (url.scheme() == pageScheme() && url.path().startsWith(QLatin1String("/message/"))) {
        data = m_html;
        type = "text/html;charset=utf-8";
    } else if (url.scheme() == partScheme() && m_document) {
        data = m_document->contentById(url.path(), &type);
    }
    if (type.isEmpty()) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    auto *buffer = new QBuffer(job);
    buffer->setData(data);
    job->reply(type, buffer);
}

} // namespace Tidings
