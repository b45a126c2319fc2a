// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <memory>

namespace Ui {
class MainWindow;
}
class QComboBox;
class QLabel;
class QToolBar;

namespace Tidings {

class Workspace;

// Mailbox tree on the left, message list of the selected mailbox on the right, connection
// state and every failure's cause in the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Workspace *workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    void onMailboxActivated();
    void onMessageActivated(const QModelIndex &current);
    void selectDefaultMailbox(const QString &account);
    void setUpProfiles();
    void onProfileChanged(const QString &name);

    std::unique_ptr<Ui::MainWindow> m_ui;
    Workspace *m_workspace;
    QLabel *m_statusLabel;
    QToolBar *m_toolBar = nullptr;
    QComboBox *m_profileSelector = nullptr;
    qint64 m_shownUid = 0; // the message in the viewer
};

} // namespace Tidings
