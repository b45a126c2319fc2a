// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The scene the composer GUI test plays in: Dovecot with an assistant, her boss (who shares
// INBOX and Sent with her) and Bob; Postfix letting the assistant send as herself and on
// the boss's behalf; a profile with identities and two profiles; the main window on it.
#include "fixtures/dovecotserver.h"
#include "fixtures/keyringsession.h"
#include "fixtures/postfixserver.h"
#include "fixtures/tempdir.h"
#include "gui/composerwindow.h"
#include "gui/mainwindow.h"
#include "models/workspace.h"

#include <QDir>
#include <QList>
#include <functional>
#include <memory>

class QAction;

namespace TidingsTest::Composer {

inline const QString Assistant = QStringLiteral("ann@example.test");
inline const QString Password = QStringLiteral("ann-pw");
inline const QString Boss = QStringLiteral("boss@example.test");
inline const QString Bob = QStringLiteral("bob@example.test");
inline const QString Sales = QStringLiteral("sales@example.test");
inline const QString Later = QStringLiteral("later@example.test");
// Generous for a busy two-core machine; a step that works finishes in well under a second.
constexpr int WaitMs = 60000;

inline void screenshot(QWidget *widget, const QString &name)
{
    QDir().mkpath(QStringLiteral(TIDINGS_BUILD_DIR "/screenshots"));
    widget->grab().save(QStringLiteral(TIDINGS_BUILD_DIR "/screenshots/") + name);
}

class ComposerScene
{
public:
    // Starts the servers, writes the profile, shows the main window and loads INBOX; an
    // empty string when all went well, else what did not.
    QString setUp();
    // A step that failed must not leave a composer (and its IMAP session) to the next one.
    void closeLeftovers();

    Tidings::Account account() const;
    // The messages in `user`'s `mailbox` whose text contains `needle`.
    QList<QByteArray> messagesWith(const QString &user, const QString &mailbox,
                                   const QByteArray &needle) const;
    static QList<Tidings::ComposerWindow *> openComposers();
    // The composer window that `open` brings up.
    static Tidings::ComposerWindow *composerAfter(const std::function<void()> &open);
    static Tidings::ComposerWindow *composerAfter(QAction *action);
    // Waits until the message with `subject` is sent and in Sent (or failed: a warning says).
    bool waitForSent(const QString &subject);

protected:
    KeyringSession m_keyring;
    DovecotServer m_dovecot;
    std::unique_ptr<PostfixServer> m_postfix;
    TempDir m_profile;
    std::unique_ptr<Tidings::Workspace> m_workspace;
    std::unique_ptr<Tidings::MainWindow> m_window;
};

} // namespace TidingsTest::Composer
