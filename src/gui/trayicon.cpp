// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/trayicon.h"
#include "gui/mainwindow.h"

#include "models/workspace.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSystemTrayIcon>

namespace Tidings {

namespace {
// Drawn rather than shipped: an envelope reads as "mail" at any tray size.
QIcon envelopeIcon()
{
    constexpr int Size = 64;
    QPixmap pixmap(Size, Size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF body(6, 14, Size - 12, Size - 28);
    p.setPen(QPen(QColor(0x1f, 0x4e, 0x8c), 4));
    p.setBrush(QColor(0xe8, 0xf0, 0xfb));
    p.drawRoundedRect(body, 5, 5);
    QPainterPath flap;
    flap.moveTo(body.topLeft() + QPointF(3, 3));
    flap.lineTo(body.center().x(), body.center().y() + 4);
    flap.lineTo(body.topRight() + QPointF(-3, 3));
    p.setBrush(Qt::NoBrush);
    p.drawPath(flap);
    return QIcon(pixmap);
}
} // namespace

TrayIcon::TrayIcon(Workspace *workspace, MainWindow *window)
    : QObject(window)
    , m_workspace(workspace)
    , m_window(window)
    , m_menu(new QMenu(window))
    , m_profiles(new QActionGroup(this))
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    connect(m_menu->addAction(tr("Show Tidings")), &QAction::triggered, this,
            &TrayIcon::showWindow);
    const QList<Profile> profiles = workspace->profiles();
    if (!profiles.isEmpty()) {
        m_menu->addSection(tr("Profile"));
        auto addProfile = [this](const QString &label, const QString &name) {
            QAction *action = m_menu->addAction(label);
            action->setCheckable(true);
            action->setData(name);
            m_profiles->addAction(action);
            connect(action, &QAction::triggered, this, [this, name] {
                m_workspace->setProfile(name);
                showWindow();
            });
        };
        addProfile(tr("All accounts"), QString());
        for (const Profile &p : profiles)
            addProfile(p.name, p.name);
        m_menu->addSeparator();
    }
    connect(m_menu->addAction(tr("Quit")), &QAction::triggered, qApp, &QApplication::quit);
    connect(workspace, &Workspace::profileChanged, this, &TrayIcon::markProfile);
    markProfile(workspace->profileName());

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_icon = new QSystemTrayIcon(envelopeIcon(), this);
        m_icon->setToolTip(QStringLiteral("Tidings"));
        m_icon->setContextMenu(m_menu);
        connect(m_icon, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger)
                        showWindow();
                });
        m_icon->show();
    }
    window->setWindowIcon(envelopeIcon());
}

TrayIcon::~TrayIcon() = default;

void TrayIcon::showWindow()
{
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

void TrayIcon::markProfile(const QString &name)
{
    for (QAction *a : m_profiles->actions())
        a->setChecked(a->data().toString() == name);
}

} // namespace Tidings
