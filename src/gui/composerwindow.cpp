// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/composerwindow.h"
#include "ui_composerwindow.h"

#include "models/addresslist.h"
#include "models/attachmentreminder.h"
#include "models/draftautosaver.h"
#include "models/workspace.h"

#include <QAbstractItemView>
#include <QCloseEvent>
#include <QCompleter>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QMimeDatabase>
#include <QShortcut>
#include <QStringListModel>
#include <QTextList>
#include <QTime>

namespace Tidings {

namespace {
// RFC 3676 4.3: a signature starts after a line of dash, dash, space.
const QString SignatureSeparator = QStringLiteral("-- \n");

QList<QString> localFiles(const QMimeData *mime)
{
    QList<QString> files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            files.append(url.toLocalFile());
    }
    return files;
}
} // namespace

ComposerWindow::ComposerWindow(Workspace *workspace, const Draft &draft, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_ui(std::make_unique<Ui::ComposerWindow>())
    , m_workspace(workspace)
    , m_base(draft)
    , m_attachments(draft.attachments)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("composer"));
    setAttribute(Qt::WA_DeleteOnClose);

    const std::optional<Identity> preferred = workspace->defaultIdentity();
    const QString wanted = !draft.identity.isEmpty() ? draft.identity
                           : preferred               ? preferred->key()
                                                     : QString();
    for (const Identity &i : workspace->identities()) {
        m_ui->fromField->addItem(i.label(), i.key());
        if (i.key() == wanted)
            m_ui->fromField->setCurrentIndex(m_ui->fromField->count() - 1);
    }
    m_ui->toField->setText(formatAddressList(draft.to));
    m_ui->ccField->setText(formatAddressList(draft.cc));
    m_ui->bccField->setText(formatAddressList(draft.bcc));
    m_ui->subjectField->setText(draft.subject);
    if (!draft.htmlBody.isEmpty()) {
        setFormatting(true);
        m_ui->htmlToggle->setChecked(true);
        m_ui->bodyField->setHtml(draft.htmlBody);
    } else {
        setFormatting(false);
        // A new reply or forward opens with room to write above the quoted text.
        const bool startsAbove = draft.id == 0 && !draft.plainBody.isEmpty();
        m_ui->bodyField->setPlainText(startsAbove ? QStringLiteral("\n\n") + draft.plainBody
                                                  : draft.plainBody);
    }
    // A new message or reply gets the identity's signature; a reopened draft has its own.
    const qsizetype separator = draft.plainBody.lastIndexOf(SignatureSeparator);
    if (separator >= 0)
        m_signature = draft.plainBody.mid(separator + SignatureSeparator.size()).trimmed();
    else if (draft.id == 0 && currentIdentity())
        setSignature(workspace->signatureFor(*currentIdentity()));
    showAttachments();
    setWindowTitle(draft.subject.isEmpty() ? tr("New message") : draft.subject);

    connect(m_ui->sendButton, &QPushButton::clicked, this, &ComposerWindow::send);
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this), &QShortcut::activated,
            this, &ComposerWindow::send);
    connect(m_ui->attachButton, &QPushButton::clicked, this, &ComposerWindow::chooseAttachments);
    connect(m_ui->fromField, &QComboBox::currentIndexChanged, this,
            &ComposerWindow::onIdentityChanged);
    connect(m_ui->htmlToggle, &QCheckBox::toggled, this, &ComposerWindow::setFormatting);
    connect(m_ui->boldButton, &QToolButton::toggled, this,
            [this](bool on) { m_ui->bodyField->setFontWeight(on ? QFont::Bold : QFont::Normal); });
    connect(m_ui->italicButton, &QToolButton::toggled, m_ui->bodyField, &QTextEdit::setFontItalic);
    connect(m_ui->listButton, &QToolButton::clicked, this,
            [this] { m_ui->bodyField->textCursor().createList(QTextListFormat::ListDisc); });
    connect(m_ui->subjectField, &QLineEdit::textChanged, this, [this](const QString &subject) {
        setWindowTitle(subject.isEmpty() ? tr("New message") : subject);
    });
    for (QLineEdit *field : {m_ui->toField, m_ui->ccField, m_ui->bccField, m_ui->subjectField})
        connect(field, &QLineEdit::textEdited, this, &ComposerWindow::edited);
    connect(m_ui->bodyField, &QTextEdit::textChanged, this, &ComposerWindow::edited);
    auto *remove = new QShortcut(QKeySequence::Delete, m_ui->attachmentList);
    remove->setContext(Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &ComposerWindow::removeSelectedAttachment);
    // A file dropped on the text is attached, not pasted as its path.
    m_ui->bodyField->viewport()->installEventFilter(this);
    for (QLineEdit *field : {m_ui->toField, m_ui->ccField, m_ui->bccField})
        setUpCompletion(field);
    setUpAutosave(draft);
    m_ui->bodyField->moveCursor(QTextCursor::Start);
    (draft.to.isEmpty() ? static_cast<QWidget *>(m_ui->toField) : m_ui->bodyField)->setFocus();
}

ComposerWindow::~ComposerWindow() = default;

std::optional<Identity> ComposerWindow::currentIdentity() const
{
    return findIdentity(m_workspace->identities(), m_ui->fromField->currentData().toString());
}

Draft ComposerWindow::draft(QString *error) const
{
    Draft d = m_base;
    d.identity = m_ui->fromField->currentData().toString();
    QString why;
    d.to = parseAddressList(m_ui->toField->text(), &why);
    if (why.isEmpty())
        d.cc = parseAddressList(m_ui->ccField->text(), &why);
    if (why.isEmpty())
        d.bcc = parseAddressList(m_ui->bccField->text(), &why);
    if (error)
        *error = why;
    d.subject = m_ui->subjectField->text();
    d.plainBody = m_ui->bodyField->toPlainText();
    d.htmlBody = m_ui->htmlToggle->isChecked() ? m_ui->bodyField->toHtml() : QString();
    d.attachments = m_attachments;
    return d;
}

void ComposerWindow::setUpAutosave(const Draft &draft)
{
    m_autosaver = m_workspace->createAutosaver([this] { return this->draft(); }, this);
    m_ui->saveDraftButton->setEnabled(m_autosaver != nullptr);
    if (!m_autosaver) {
        m_ui->draftStatus->setText(tr("Drafts cannot be kept (no cache)"));
        return;
    }
    if (draft.id > 0) {
        if (const Error e = m_autosaver->continueDraft(draft.id); e.isError())
            m_ui->draftStatus->setText(e.message);
    }
    m_workspace->setDraftTarget(m_autosaver, m_ui->fromField->currentData().toString());
    connect(this, &ComposerWindow::edited, m_autosaver, &DraftAutosaver::changed);
    auto save = [this] {
        if (const Error e = m_autosaver->saveNow(); e.isError())
            m_ui->draftStatus->setText(tr("Draft not saved: %1").arg(e.message));
    };
    connect(m_ui->saveDraftButton, &QPushButton::clicked, this, save);
    connect(new QShortcut(QKeySequence::Save, this), &QShortcut::activated, this, save);
    const QString now = QStringLiteral("HH:mm");
    connect(m_autosaver, &DraftAutosaver::savedLocally, this, [this, now] {
        m_ui->draftStatus->setText(
            tr("Draft saved on this computer at %1").arg(QTime::currentTime().toString(now)));
    });
    connect(m_autosaver, &DraftAutosaver::savedToServer, this, [this, now] {
        m_ui->draftStatus->setText(tr("Draft saved at %1").arg(QTime::currentTime().toString(now)));
    });
    connect(m_autosaver, &DraftAutosaver::localSaveFailed, this, [this](const Error &e) {
        m_ui->draftStatus->setText(tr("Draft not saved: %1").arg(e.message));
    });
    connect(m_autosaver, &DraftAutosaver::serverSaveFailed, this, [this](const Error &e) {
        m_ui->draftStatus->setText(
            tr("Draft saved on this computer only (Drafts: %1)").arg(e.message));
    });
}

void ComposerWindow::setUpCompletion(QLineEdit *field)
{
    // The field holds a list; only the entry after the last comma is completed.
    auto *model = new QStringListModel(field);
    auto *completer = new QCompleter(model, field);
    completer->setWidget(field);
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer->popup()->setObjectName(field->objectName() + QStringLiteral("Completions"));
    auto fragmentStart = [](const QString &text) {
        const qsizetype comma =
            std::max(text.lastIndexOf(QLatin1Char(',')), text.lastIndexOf(QLatin1Char(';')));
        return comma + 1;
    };
    connect(field, &QLineEdit::textEdited, completer,
            [this, field, model, completer, fragmentStart](const QString &text) {
                const QString fragment = text.mid(fragmentStart(text)).trimmed();
                const QStringList candidates = m_workspace->completeAddress(fragment);
                model->setStringList(candidates);
                if (candidates.isEmpty())
                    completer->popup()->hide();
                else
                    completer->complete(field->rect());
            });
    connect(completer, qOverload<const QString &>(&QCompleter::activated), field,
            [this, field, fragmentStart](const QString &chosen) {
                const QString text = field->text();
                const qsizetype start = fragmentStart(text);
                field->setText(text.left(start) + (start > 0 ? QStringLiteral(" ") : QString()) +
                               chosen + QStringLiteral(", "));
                Q_EMIT edited();
            });
}

void ComposerWindow::setQuestionHandler(std::function<bool(const QString &)> ask)
{
    m_ask = std::move(ask);
}

bool ComposerWindow::ask(const QString &question)
{
    if (m_ask)
        return m_ask(question);
    return QMessageBox::question(this, windowTitle(), question,
                                 QMessageBox::Yes | QMessageBox::No) == QMessageBox::Yes;
}

void ComposerWindow::warn(const QString &text)
{
    if (m_ask) {
        m_ask(text); // tests see every warning through the same hook
        return;
    }
    QMessageBox::warning(this, windowTitle(), text);
}

void ComposerWindow::send()
{
    QString error;
    const Draft d = draft(&error);
    if (!error.isEmpty()) {
        warn(error);
        return;
    }
    if (d.to.isEmpty() && d.cc.isEmpty() && d.bcc.isEmpty()) {
        warn(tr("Add at least one recipient."));
        m_ui->toField->setFocus();
        return;
    }
    if (!currentIdentity()) {
        warn(tr("There is no account to send from: add one with \"tidings account add\"."));
        return;
    }
    if (d.subject.trimmed().isEmpty() && !ask(tr("Send this message without a subject?")))
        return;
    if (d.attachments.isEmpty() && mentionsAttachment(d.plainBody) &&
        !ask(tr("The text mentions an attachment, but nothing is attached. Send anyway?")))
        return;
    Draft outgoing = d;
    if (m_autosaver) {
        // The draft stays (locally and in Drafts) until the server has the message, so a
        // refused one can be taken back and edited; it keeps the draft's Message-ID.
        if (const Error e = m_autosaver->saveNow(); e.isError()) {
            warn(tr("Not sent: the draft could not be saved first (%1).").arg(e.message));
            return;
        }
        outgoing.id = m_autosaver->draftId();
        outgoing.messageId = m_autosaver->messageId();
    }
    // Only a message the outbox took closes the window; otherwise everything stays here.
    if (const Error e = m_workspace->send(outgoing); e.isError()) {
        warn(tr("Not sent: %1").arg(e.message));
        return;
    }
    m_sent = true;
    close();
}

void ComposerWindow::chooseAttachments()
{
    addAttachmentFiles(QFileDialog::getOpenFileNames(this, tr("Attach files")));
}

void ComposerWindow::addAttachmentFiles(const QStringList &paths)
{
    static const QMimeDatabase mimeTypes;
    QStringList refused;
    for (const QString &path : paths) {
        QFile file(path);
        const QFileInfo info(path);
        if (!info.isFile()) {
            refused.append(tr("%1: not a file").arg(info.fileName()));
            continue;
        }
        if (info.size() > MaxAttachmentBytes) {
            refused.append(tr("%1: %2 is more than mail servers accept (%3)")
                               .arg(info.fileName(), QLocale().formattedDataSize(info.size()),
                                    QLocale().formattedDataSize(MaxAttachmentBytes)));
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            refused.append(tr("%1: %2").arg(info.fileName(), file.errorString()));
            continue;
        }
        DraftAttachment a;
        a.fileName = info.fileName();
        a.mimeType = mimeTypes.mimeTypeForFile(info).name().toUtf8();
        a.data = file.readAll();
        m_attachments.append(a);
    }
    showAttachments();
    if (!paths.isEmpty())
        Q_EMIT edited();
    if (!refused.isEmpty())
        warn(tr("Not attached:\n%1").arg(refused.join(QLatin1Char('\n'))));
}

void ComposerWindow::removeSelectedAttachment()
{
    const int row = m_ui->attachmentList->currentRow();
    if (row < 0 || row >= m_attachments.size())
        return;
    m_attachments.removeAt(row);
    showAttachments();
    Q_EMIT edited();
}

void ComposerWindow::showAttachments()
{
    m_ui->attachmentList->clear();
    qint64 total = 0;
    for (const DraftAttachment &a : std::as_const(m_attachments)) {
        m_ui->attachmentList->addItem(
            tr("%1 (%2)").arg(a.fileName, QLocale().formattedDataSize(a.data.size())));
        total += a.data.size();
    }
    m_ui->attachmentList->setVisible(!m_attachments.isEmpty());
    m_ui->attachmentList->setToolTip(
        tr("%n attachment(s), %1 in all (Delete removes the selected one)", nullptr,
           int(m_attachments.size()))
            .arg(QLocale().formattedDataSize(total)));
}

void ComposerWindow::onIdentityChanged()
{
    if (const std::optional<Identity> identity = currentIdentity())
        setSignature(m_workspace->signatureFor(*identity));
    if (m_autosaver)
        m_workspace->setDraftTarget(m_autosaver, m_ui->fromField->currentData().toString());
    Q_EMIT edited();
}

void ComposerWindow::setSignature(const QString &signature)
{
    // Only the block this window put there is swapped; text the user wrote stays.
    QString body = m_ui->bodyField->toPlainText();
    const QString oldBlock = SignatureSeparator + m_signature;
    const qsizetype at = m_signature.isEmpty() ? -1 : body.lastIndexOf(oldBlock);
    const QString newBlock = signature.isEmpty() ? QString() : SignatureSeparator + signature;
    if (at >= 0) {
        body.replace(at, oldBlock.size(), newBlock);
        while (newBlock.isEmpty() && body.endsWith(QLatin1Char('\n')))
            body.chop(1);
    } else if (!newBlock.isEmpty()) {
        body += (body.isEmpty() ? QStringLiteral("\n\n") : QStringLiteral("\n\n")) + newBlock;
    }
    m_signature = signature;
    if (body == m_ui->bodyField->toPlainText())
        return;
    if (m_ui->htmlToggle->isChecked()) {
        // Formatted text keeps its formatting: the signature goes in as plain lines.
        QTextCursor cursor(m_ui->bodyField->document());
        cursor.movePosition(QTextCursor::End);
        if (at < 0)
            cursor.insertText(QStringLiteral("\n\n") + newBlock);
        else
            m_ui->bodyField->setPlainText(body);
        return;
    }
    const QTextCursor keep = m_ui->bodyField->textCursor();
    const int position = keep.position();
    m_ui->bodyField->setPlainText(body);
    QTextCursor cursor = m_ui->bodyField->textCursor();
    cursor.setPosition(std::min(position, int(body.size())));
    m_ui->bodyField->setTextCursor(cursor);
}

void ComposerWindow::setFormatting(bool on)
{
    m_ui->bodyField->setAcceptRichText(on);
    for (QToolButton *button : {m_ui->boldButton, m_ui->italicButton, m_ui->listButton})
        button->setEnabled(on);
    if (!on) {
        // Back to plain text: what the words say stays, the formatting goes.
        const QString text = m_ui->bodyField->toPlainText();
        m_ui->bodyField->setPlainText(text);
    }
}

void ComposerWindow::closeEvent(QCloseEvent *event)
{
    // Sent, or nothing written: nothing to keep. Otherwise the draft is kept (saved while
    // typing) unless the user says to discard it.
    QString ignored;
    const Draft d = draft(&ignored);
    const bool empty = d.recipients().isEmpty() && d.subject.isEmpty() && d.attachments.isEmpty() &&
                       (d.plainBody.trimmed().isEmpty() ||
                        d.plainBody.trimmed() == (SignatureSeparator + m_signature).trimmed());
    // Closing keeps what was written: saved now on this computer, then in Drafts.
    if (!m_sent && !empty && m_autosaver && m_autosaver->hasUnsavedChanges())
        m_autosaver->saveNow();
    if (!m_sent && !empty && m_autosaver) {
        // The upload of what was just saved outlives the window.
        m_autosaver->setParent(m_workspace);
        m_autosaver->finishInBackground();
        m_autosaver = nullptr;
    }
    event->accept();
}

void ComposerWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ComposerWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    addAttachmentFiles(files);
}

bool ComposerWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->bodyField->viewport()) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto *drag = static_cast<QDropEvent *>(event);
            if (!localFiles(drag->mimeData()).isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            const QStringList files = localFiles(drop->mimeData());
            if (!files.isEmpty()) {
                drop->acceptProposedAction();
                addAttachmentFiles(files);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Tidings
