// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/outboxdialog.h"

#include "models/workspace.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Tidings {

namespace {
enum Column
{
    SubjectColumn,
    RecipientsColumn,
    StateColumn,
    ColumnCount
};
constexpr int IdRole = Qt::UserRole + 1;
// Room for a subject, a few recipients and the server's reply in two or three lines.
constexpr int DialogWidth = 760;
constexpr int DialogHeight = 360;
} // namespace

OutboxDialog::OutboxDialog(Workspace *workspace, std::function<void(const Draft &)> edit,
                           QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_edit(std::move(edit))
    , m_list(new QTreeWidget(this))
    , m_detail(new QLabel(this))
    , m_retry(new QPushButton(tr("Send &again"), this))
    , m_editButton(new QPushButton(tr("&Edit"), this))
    , m_discard(new QPushButton(tr("&Discard"), this))
{
    setObjectName(QStringLiteral("outboxDialog"));
    setWindowTitle(tr("Outbox"));
    resize(DialogWidth, DialogHeight);
    m_list->setObjectName(QStringLiteral("outboxList"));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Subject"), tr("To"), tr("State")});
    m_list->header()->setSectionResizeMode(SubjectColumn, QHeaderView::Stretch);
    m_detail->setObjectName(QStringLiteral("outboxDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_discard->setObjectName(QStringLiteral("discardButton"));
    // Enter must never throw a message away.
    for (QPushButton *b : {m_retry, m_editButton, m_discard})
        b->setAutoDefault(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    buttons->addButton(m_editButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_discard, QDialogButtonBox::DestructiveRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(m_detail);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &OutboxDialog::updateButtons);
    connect(workspace, &Workspace::outboxChanged, this, &OutboxDialog::refresh);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        // The one way to knowingly risk a second delivery: the user decides, told so.
        const std::optional<OutboxEntry> e = current();
        if (e && e->state == OutboxState::Interrupted &&
            QMessageBox::question(this, windowTitle(),
                                  tr("“%1” may already have reached its recipients. Send it "
                                     "again anyway?")
                                      .arg(e->subject)) != QMessageBox::Yes)
            return;
        if (const Error e = m_workspace->retrySend(currentId()); e.isError())
            m_detail->setText(e.message);
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        if (const Error e = m_workspace->discardSend(currentId()); e.isError())
            m_detail->setText(e.message);
        refresh();
    });
    connect(m_editButton, &QPushButton::clicked, this, [this] {
        Error error;
        const std::optional<Draft> draft = m_workspace->takeBackForEditing(currentId(), &error);
        if (!draft) {
            m_detail->setText(error.message);
            return;
        }
        refresh();
        m_edit(*draft);
    });
    refresh();
}

void OutboxDialog::refresh()
{
    const qint64 keep = currentId();
    m_list->clear();
    for (const OutboxEntry &e : m_workspace->outboxEntries()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(SubjectColumn, e.subject.isEmpty() ? tr("(no subject)") : e.subject);
        item->setText(RecipientsColumn, e.recipients.join(QStringLiteral(", ")));
        QString state = outboxStateName(e.state);
        if (e.state == OutboxState::Queued && e.retryAt.isValid() && !e.lastError.isEmpty())
            state =
                tr("waiting; next try at %1")
                    .arg(QLocale().toString(e.retryAt.toLocalTime().time(), QLocale::ShortFormat));
        item->setText(StateColumn, state);
        item->setToolTip(StateColumn, outboxStateName(e.state));
        item->setData(SubjectColumn, IdRole, e.id);
        if (e.needsUser())
            item->setForeground(StateColumn, QColor(0xb0, 0x00, 0x20));
        if (e.id == keep)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateButtons();
}

qint64 OutboxDialog::currentId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(SubjectColumn, IdRole).toLongLong() : 0;
}

std::optional<OutboxEntry> OutboxDialog::current() const
{
    const qint64 id = currentId();
    for (const OutboxEntry &e : m_workspace->outboxEntries()) {
        if (e.id == id)
            return e;
    }
    return std::nullopt;
}

void OutboxDialog::updateButtons()
{
    const std::optional<OutboxEntry> e = current();
    const bool stopped = e && (e->needsUser() || !e->lastError.isEmpty());
    m_retry->setEnabled(stopped && e->state != OutboxState::Sending);
    m_editButton->setEnabled(e && !e->isPastSmtp() && e->state != OutboxState::Sending &&
                             e->draftId > 0);
    m_discard->setEnabled(e && !e->isPastSmtp() && e->state != OutboxState::Sending);
    if (!e) {
        m_detail->setText(tr("Nothing is waiting to be sent."));
        return;
    }
    QString detail = outboxStateName(e->state);
    if (!e->lastError.isEmpty())
        detail += QStringLiteral("\n") + e->lastError;
    if (e->attempts > 0)
        detail += QStringLiteral("\n") + tr("%n attempt(s)", nullptr, e->attempts);
    m_detail->setText(detail);
}

} // namespace Tidings
