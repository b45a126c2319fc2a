// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/outboxentry.h"

#include <QDialog>
#include <functional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Tidings {

class Workspace;

// The messages on their way out and those that stopped: what state each is in and why,
// with "Send again", "Edit" (takes a refused or interrupted message back into a composer)
// and "Discard". A message the server accepted can only be retried for its Sent copy.
class OutboxDialog : public QDialog
{
    Q_OBJECT
public:
    OutboxDialog(Workspace *workspace, std::function<void(const Draft &)> edit,
                 QWidget *parent = nullptr);

    void refresh();

private:
    void updateButtons();
    qint64 currentId() const;
    std::optional<OutboxEntry> current() const;

    Workspace *m_workspace;
    std::function<void(const Draft &)> m_edit;
    QTreeWidget *m_list;
    QLabel *m_detail;
    QPushButton *m_retry;
    QPushButton *m_editButton;
    QPushButton *m_discard;
};

} // namespace Tidings
