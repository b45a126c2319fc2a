// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/draft.h"
#include "core/identity.h"

#include <QWidget>

class QLineEdit;
#include <functional>
#include <memory>

namespace Ui {
class ComposerWindow;
}

namespace Tidings {

class DraftAutosaver;
class Workspace;

// Writes one message: identity, recipients with completion, subject, text (plain, or with
// formatting sent as HTML too), attachments (button or drop), the identity's signature.
// It saves itself as a draft while the user types and hands the finished Draft to the
// outbox; nothing typed is lost when the window closes.
class ComposerWindow : public QWidget
{
    Q_OBJECT
public:
    ComposerWindow(Workspace *workspace, const Draft &draft, QWidget *parent = nullptr);
    ~ComposerWindow() override;

    // What the fields hold now; `error` is set when a recipient field cannot be read.
    Draft draft(QString *error = nullptr) const;
    // Asks the user a yes/no question; tests answer it without a dialog.
    void setQuestionHandler(std::function<bool(const QString &question)> ask);
    void addAttachmentFiles(const QStringList &paths);
    // Null without a cache (the draft is then not kept).
    DraftAutosaver *autosaver() const { return m_autosaver; }

    // Larger files are refused with the reason: most servers refuse a message over 25 MB,
    // and base64 makes a file a third larger on the wire.
    static constexpr qint64 MaxAttachmentBytes = 18 * 1024 * 1024;

Q_SIGNALS:
    // The fields changed (the draft autosaver listens).
    void edited();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void send();
    void chooseAttachments();
    void removeSelectedAttachment();
    void showAttachments();
    void onIdentityChanged();
    void setSignature(const QString &signature);
    void setFormatting(bool on);
    std::optional<Identity> currentIdentity() const;
    bool ask(const QString &question);
    void warn(const QString &text);
    void setUpAutosave(const Draft &draft);
    void setUpCompletion(QLineEdit *field);

    std::unique_ptr<Ui::ComposerWindow> m_ui;
    Workspace *m_workspace;
    Draft m_base; // ids, threading and answered-ref the fields do not show
    QList<DraftAttachment> m_attachments;
    QString m_signature; // the signature block now in the text, without "-- \n"
    std::function<bool(const QString &)> m_ask;
    bool m_sent = false;
    DraftAutosaver *m_autosaver = nullptr;
};

} // namespace Tidings
