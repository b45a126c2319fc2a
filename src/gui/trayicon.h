// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QActionGroup;
class QMenu;
class QSystemTrayIcon;

namespace Tidings {

class MainWindow;
class Workspace;

// The notification-area icon: shows the window, switches profiles, quits. Its menu exists
// even where the desktop has no tray, so the same actions stay reachable and testable.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    TrayIcon(Workspace *workspace, MainWindow *window);
    ~TrayIcon() override;

    QMenu *menu() const { return m_menu; }

private:
    void showWindow();
    void markProfile(const QString &name);

    Workspace *m_workspace;
    MainWindow *m_window;
    QMenu *m_menu;
    QActionGroup *m_profiles;
    QSystemTrayIcon *m_icon = nullptr;
};

} // namespace Tidings
