// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/remotecontentblocker.h"
#include "gui/messageschemehandler.h"

#include <QWebEngineUrlRequestInfo>

namespace Tidings {

RemoteContentBlocker::RemoteContentBlocker(QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
{
}

bool RemoteContentBlocker::isMessageScheme(const QString &scheme)
{
    return scheme == MessageSchemeHandler::pageScheme() ||
           scheme == MessageSchemeHandler::partScheme() || scheme == QLatin1String("data");
}

void RemoteContentBlocker::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QString scheme = info.requestUrl().scheme();
    if (isMessageScheme(scheme))
        return;
    const bool remote = scheme == QLatin1String("http") || scheme == QLatin1String("https");
    if (remote && m_remoteAllowed)
        return;
    info.block(true);
    if (remote)
        Q_EMIT blocked(info.requestUrl());
}

} // namespace Tidings
