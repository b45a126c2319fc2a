// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/account.h"
#include "core/error.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace KIMAP {
class IdleJob;
}

namespace Tidings {

class ImapConnection;

// A second session per account that sits in IDLE (RFC 2177) on the selected mailbox and
// says when the server reports new mail or changed flags, so the list updates without
// polling. KIMAP does not report EXPUNGE during IDLE; expunges arrive with the next sync.
class IdleWatcher : public QObject
{
    Q_OBJECT
public:
    IdleWatcher(const Account &account, const QString &password, QObject *parent = nullptr);
    ~IdleWatcher() override;

    void watch(const QString &mailbox);
    QString mailbox() const { return m_mailbox; }

    // Several notifications in a burst (EXISTS, RECENT, FETCH) make one changed().
    static constexpr int DebounceMs = 150;
    // Pause before re-entering IDLE after the server ended it, so a refusing server is not
    // hammered in a tight loop.
    static constexpr int ResumeDelayMs = 1000;

Q_SIGNALS:
    void changed(const QString &mailbox);
    void failed(const Tidings::Error &error);

private:
    void startIdle();

    ImapConnection *m_connection;
    QPointer<KIMAP::IdleJob> m_idle;
    QString m_mailbox;
    QTimer m_debounce;
    bool m_restartPending = false;
};

} // namespace Tidings
