// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/draft.h"
#include "core/messagekey.h"

#include <QMainWindow>
#include <memory>

namespace Ui {
class MainWindow;
}
class QAction;
class QComboBox;
class QLabel;
class QToolBar;

namespace Tidings {

class ComposerWindow;
class OutboxDialog;
class Workspace;

// Mailbox tree on the left, message list of the selected mailbox on the right, connection
// state and every failure's cause in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Workspace *workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a composer window on `draft`; what it sends goes to the workspace's outbox.
    ComposerWindow *openComposer(const Draft &draft);

private:
    void onMailboxActivated();
    void onMessageActivated(const QModelIndex &current);
    void selectDefaultMailbox(const QString &account);
    void setUpComposeActions();
    void updateOutboxAction();
    void showOutbox();
    void setUpProfiles();
    void onProfileChanged(const QString &name);

    std::unique_ptr<Ui::MainWindow> m_ui;
    Workspace *m_workspace;
    QLabel *m_statusLabel;
    QToolBar *m_toolBar = nullptr;
    QComboBox *m_profileSelector = nullptr;
    QList<QAction *> m_replyActions; // enabled while a message is shown
    QAction *m_outboxAction = nullptr;
    OutboxDialog *m_outbox = nullptr;
    MessageKey m_shownKey; // the message in the viewer
};

} // namespace Tidings
