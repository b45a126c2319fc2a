// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWebEngineUrlRequestInterceptor>

namespace Tidings {

// Every request a message page makes passes here. Only the message itself and its own parts
// (cid:, data:) load; anything else (images, style sheets, fonts, frames, prefetches: every
// request that would tell a sender the mail was read) is blocked and reported, unless the
// user allowed remote content for this message. file: never loads.
class RemoteContentBlocker : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    explicit RemoteContentBlocker(QObject *parent = nullptr);

    void setRemoteAllowed(bool allowed) { m_remoteAllowed = allowed; }
    bool remoteAllowed() const { return m_remoteAllowed; }
    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

    static bool isMessageScheme(const QString &scheme);

Q_SIGNALS:
    void blocked(const QUrl &url);

private:
    bool m_remoteAllowed = false;
};

} // namespace Tidings
