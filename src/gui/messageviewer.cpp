// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/messageviewer.h"
#include "gui/messagepage.h"

#include "models/messagedocument.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QToolButton>
#include <QUrlQuery>
#include <QWebEngineView>

namespace Tidings {

namespace {
// A file name from a mail is the sender's choice: keep only its last path component so
// "../../.bashrc" cannot leave the folder the user picked.
QString safeFileName(const QString &name)
{
    QString base = name.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    // Control and format characters (a right-to-left override makes "invoice\u202Efdp.jar"
    // look like "invoicerajpdf.") and leading dots (hidden files) go.
    base.removeIf([](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
    while (base.startsWith(QLatin1Char('.')))
        base.remove(0, 1);
    if (base.trimmed().isEmpty())
        base = QStringLiteral("attachment");
    return base;
}

// Types a desktop may run rather than show. Opening one asks first; so does a type nobody
// recognises, since the desktop then guesses.
bool mayRunCode(const QString &path)
{
    static const QStringList risky = {
        QStringLiteral("application/x-executable"),
        QStringLiteral("application/x-sharedlib"),
        QStringLiteral("application/x-shellscript"),
        QStringLiteral("application/x-desktop"),
        QStringLiteral("application/java-archive"),
        QStringLiteral("application/x-msdownload"),
        QStringLiteral("application/vnd.microsoft.portable-executable"),
        QStringLiteral("application/x-ms-dos-executable"),
        QStringLiteral("application/x-perl"),
        QStringLiteral("text/x-python"),
        QStringLiteral("application/octet-stream"),
    };
    const QMimeType type = QMimeDatabase().mimeTypeForFile(path);
    for (const QString &name : risky) {
        if (type.inherits(name))
            return true;
    }
    return false;
}
} // namespace

MessageViewer::MessageViewer(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_remoteBar(new QFrame(this))
    , m_remoteLabel(new QLabel(m_remoteBar))
    , m_loadOnce(new QPushButton(tr("Load once"), m_remoteBar))
    , m_alwaysLoad(new QPushButton(m_remoteBar))
    , m_allHeaders(new QToolButton(this))
    , m_header(new QLabel(this))
    , m_rawHeaders(new QPlainTextEdit(this))
    , m_downloadBar(new QFrame(this))
    , m_downloadLabel(new QLabel(m_downloadBar))
    , m_downloadProgress(new QProgressBar(m_downloadBar))
{
    setObjectName(QStringLiteral("messageViewer"));

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setObjectName(QStringLiteral("viewerPlaceholder"));
    m_placeholder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    m_remoteBar->setObjectName(QStringLiteral("remoteContentBar"));
    m_remoteBar->setAutoFillBackground(true);
    QPalette warn = m_remoteBar->palette();
    warn.setColor(QPalette::Window, QColor(0xfd, 0xf3, 0xd0));
    warn.setColor(QPalette::WindowText, QColor(0x3d, 0x33, 0x00));
    m_remoteBar->setPalette(warn);
    m_remoteLabel->setText(tr("Remote content blocked. Loading it tells the sender you read "
                              "this message."));
    m_remoteLabel->setWordWrap(true);
    m_loadOnce->setObjectName(QStringLiteral("loadOnceButton"));
    m_alwaysLoad->setObjectName(QStringLiteral("alwaysLoadButton"));
    auto *barLayout = new QHBoxLayout(m_remoteBar);
    barLayout->setContentsMargins(10, 4, 6, 4);
    barLayout->addWidget(m_remoteLabel, 1);
    barLayout->addWidget(m_loadOnce);
    barLayout->addWidget(m_alwaysLoad);
    m_remoteBar->hide();

    m_allHeaders->setText(tr("All headers"));
    m_allHeaders->setCheckable(true);
    m_allHeaders->setAutoRaise(true);
    m_allHeaders->setObjectName(QStringLiteral("allHeadersButton"));
    m_allHeaders->setToolTip(tr("Show every header field as the message was sent"));

    // The headers are ours, not part of the sender's page: nothing in the mail can hide,
    // restyle or imitate them.
    m_header->setObjectName(QStringLiteral("messageHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_header->setOpenExternalLinks(false);
    m_header->setContentsMargins(12, 8, 12, 8);
    m_header->setAutoFillBackground(true);
    QPalette headerPalette = m_header->palette();
    headerPalette.setColor(QPalette::Window, headerPalette.color(QPalette::AlternateBase));
    m_header->setPalette(headerPalette);
    m_rawHeaders->setObjectName(QStringLiteral("rawHeaders"));
    m_rawHeaders->setReadOnly(true);
    m_rawHeaders->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rawHeaders->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_rawHeaders->setMaximumHeight(RawHeadersHeight);
    m_rawHeaders->hide();

    // The server sends a part in one piece with no running count: busy, not a percentage.
    m_downloadBar->setObjectName(QStringLiteral("downloadBar"));
    m_downloadLabel->setObjectName(QStringLiteral("downloadLabel"));
    m_downloadProgress->setRange(0, 0);
    m_downloadProgress->setMaximumWidth(160);
    m_downloadProgress->setTextVisible(false);
    auto *downloadLayout = new QHBoxLayout(m_downloadBar);
    downloadLayout->setContentsMargins(12, 2, 12, 2);
    downloadLayout->addWidget(m_downloadLabel, 1);
    downloadLayout->addWidget(m_downloadProgress);
    m_downloadBar->hide();

    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);
    auto *headerRow = new QHBoxLayout;
    headerRow->setContentsMargins(0, 0, 4, 0);
    headerRow->setSpacing(0);
    headerRow->addWidget(m_header, 1);
    headerRow->addWidget(m_allHeaders, 0, Qt::AlignTop);
    pageLayout->addWidget(m_remoteBar);
    pageLayout->addLayout(headerRow);
    pageLayout->addWidget(m_rawHeaders);
    pageLayout->addWidget(m_downloadBar);
    m_pageLayout = pageLayout;

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    showPlaceholder(tr("Select a message to read it."));

    connect(m_loadOnce, &QPushButton::clicked, this, [this] { render(true); });
    connect(m_alwaysLoad, &QPushButton::clicked, this, [this] {
        if (const auto doc = document())
            Q_EMIT trustSenderRequested(doc->senderEmail());
        render(true);
    });
    connect(m_allHeaders, &QToolButton::toggled, m_rawHeaders, &QWidget::setVisible);
    connect(m_header, &QLabel::linkActivated, this, [this](const QString &link) {
        const QString prefix = MessageDocument::attachmentUrlPrefix();
        bool ok = false;
        const int index = link.startsWith(prefix) ? link.mid(prefix.size()).toInt(&ok) : -1;
        if (ok)
            onAttachmentClicked(index);
    });
}

MessageViewer::~MessageViewer()
{
    // The page's profile must outlive it: pages go first.
    delete m_view;
}

void MessageViewer::ensurePage()
{
    if (m_page)
        return;
    // Made when the first message is shown: Chromium costs tens of MB and a start-up that a
    // window showing only the list does not need.
    m_view = new QWebEngineView(this);
    m_page = new MessagePage(m_view);
    m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_pageLayout->addWidget(m_view, 1);
    connect(m_page, &MessagePage::remoteContentBlocked, this, &MessageViewer::onRemoteBlocked);
    connect(m_page, &MessagePage::attachmentClicked, this, &MessageViewer::onAttachmentClicked);
    connect(m_page, &MessagePage::linkClicked, this, &MessageViewer::openLink);
    connect(m_page, &QWebEnginePage::loadFinished, this, &MessageViewer::rendered);
}

void MessageViewer::setTrustCheck(std::function<bool(const QString &)> check)
{
    m_trustCheck = std::move(check);
}

void MessageViewer::setAttachmentLoader(AttachmentLoader loader)
{
    m_loader = std::move(loader);
}

std::shared_ptr<const MessageDocument> MessageViewer::document() const
{
    return m_page ? m_page->document() : nullptr;
}

void MessageViewer::showMessage(std::shared_ptr<const MessageDocument> document)
{
    const QString sender = document ? document->senderEmail() : QString();
    const bool trusted = m_trustCheck && !sender.isEmpty() && m_trustCheck(sender);
    m_fetched.clear();
    showHeaders(document.get());
    ensurePage();
    m_page->showDocument(std::move(document), MessageDocument::Headers::None, trusted);
    m_remoteBar->hide();
    m_stack->setCurrentIndex(1);
}

void MessageViewer::showPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_remoteBar->hide();
    m_stack->setCurrentIndex(0);
}

void MessageViewer::render(bool remoteAllowed)
{
    if (!document())
        return;
    m_remoteBar->setVisible(false);
    m_page->showDocument(document(), MessageDocument::Headers::None, remoteAllowed);
}

void MessageViewer::showHeaders(const MessageDocument *doc)
{
    if (!doc) {
        m_header->clear();
        m_rawHeaders->clear();
        return;
    }
    QString rows;
    const QString keyColor = palette().color(QPalette::PlaceholderText).name();
    auto addRow = [&rows, &keyColor](const QString &key, const QString &valueHtml) {
        if (!valueHtml.isEmpty())
            rows += QStringLiteral("<tr><td style=\"color: %1; padding-right: 12px;\">%2</td>"
                                   "<td>%3</td></tr>")
                        .arg(keyColor, key.toHtmlEscaped(), valueHtml);
    };
    addRow(tr("From"), doc->senderDisplay().toHtmlEscaped());
    addRow(tr("To"), doc->to().toHtmlEscaped());
    addRow(tr("Cc"), doc->cc().toHtmlEscaped());
    if (const QDateTime when = doc->date(); when.isValid())
        addRow(tr("Date"),
               QLocale().toString(when.toLocalTime(), QLocale::LongFormat).toHtmlEscaped());
    QStringList links;
    const QList<Attachment> files = doc->attachments();
    for (int i = 0; i < files.size(); ++i) {
        const Attachment &file = files.at(i);
        const QString size =
            QLocale().formattedDataSize(file.size, 0, QLocale::DataSizeTraditionalFormat);
        // Not downloaded yet: the size is the server's (decoded estimate), and opening it
        // takes a download.
        const bool here = file.isDownloaded() || m_fetched.contains(file.section);
        const QString note = here ? size : tr("%1, on the server").arg(size);
        links.append(QStringLiteral("<a href=\"%1%2\" title=\"%3\">%4</a> (%5)")
                         .arg(MessageDocument::attachmentUrlPrefix())
                         .arg(i)
                         .arg(file.mimeType.toHtmlEscaped(),
                              safeFileName(file.name).toHtmlEscaped(), note.toHtmlEscaped()));
    }
    addRow(tr("Attachments"), links.join(QStringLiteral(", ")));
    const QString subject = doc->subject().isEmpty() ? tr("(no subject)") : doc->subject();
    m_header->setText(QStringLiteral("<div style=\"font-size: large; font-weight: bold;\">%1"
                                     "</div><table cellspacing=\"0\" style=\"margin-top: 4px;\">"
                                     "%2</table>")
                          .arg(subject.toHtmlEscaped(), rows));
    m_rawHeaders->setPlainText(doc->rawHeaders());
}

void MessageViewer::onRemoteBlocked()
{
    const QString sender = document() ? document()->senderEmail() : QString();
    m_alwaysLoad->setText(tr("Always for %1").arg(sender));
    m_alwaysLoad->setVisible(!sender.isEmpty());
    m_remoteBar->show();
}

void MessageViewer::onAttachmentClicked(int index)
{
    QMenu menu(this);
    menu.addAction(tr("Open"), this, [this, index] { openAttachment(index); });
    menu.addAction(tr("Save As…"), this, [this, index] { saveAttachment(index); });
    menu.exec(QCursor::pos());
}

void MessageViewer::saveAttachment(int index)
{
    const auto doc = document();
    if (!doc || index < 0 || index >= doc->attachments().size())
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString name = safeFileName(doc->attachments().at(index).name);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Attachment"), QDir(dir).filePath(name));
    if (!path.isEmpty())
        saveAttachmentTo(index, path);
}

void MessageViewer::saveAttachmentTo(int index, const QString &path)
{
    withAttachmentData(index, tr("Save Attachment"), [this, path](const QByteArray &data) {
        // QSaveFile: the file appears complete or not at all, never half written.
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) < 0 || !file.commit()) {
            const QString message = tr("Could not save %1: %2").arg(path, file.errorString());
            Q_EMIT attachmentFailed(message);
            QMessageBox::warning(this, tr("Save Attachment"), message);
            return;
        }
        Q_EMIT attachmentSaved(path);
    });
}

void MessageViewer::withAttachmentData(int index, const QString &action,
                                       std::function<void(const QByteArray &)> use)
{
    const auto doc = document();
    if (!doc || index < 0 || index >= doc->attachments().size())
        return;
    const Attachment file = doc->attachments().at(index);
    if (file.isDownloaded()) {
        use(doc->attachmentData(index));
        return;
    }
    auto fail = [this, action, file](const QString &why) {
        const QString message = tr("Could not download %1: %2").arg(safeFileName(file.name), why);
        Q_EMIT attachmentFailed(message);
        QMessageBox::warning(this, action, message);
    };
    if (!m_loader) {
        fail(tr("this attachment is not in the message"));
        return;
    }
    const QString name = safeFileName(file.name);
    setDownloading(name, true);
    m_loader(file.section, this,
             [this, doc, section = file.section, name, use, fail](const QByteArray &data,
                                                                  const Error &error) {
                 setDownloading(name, false);
                 if (error.isError()) {
                     fail(error.message);
                     return;
                 }
                 if (document() == doc) {
                     m_fetched.insert(section);
                     showHeaders(doc.get());
                 }
                 use(data);
             });
}

void MessageViewer::setDownloading(const QString &name, bool on)
{
    m_downloads += on ? 1 : -1;
    if (on)
        m_downloadLabel->setText(tr("Downloading %1…").arg(name));
    m_downloadBar->setVisible(m_downloads > 0);
    if (m_downloads > 0)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void MessageViewer::openAttachment(int index)
{
    const auto doc = document();
    if (!doc || index < 0 || index >= doc->attachments().size())
        return;
    if (!m_openedFiles)
        m_openedFiles = std::make_unique<QTemporaryDir>();
    // A folder per opening: two attachments of the same name never overwrite each other,
    // nor one an application still has open.
    const QString folder = m_openedFiles->filePath(QString::number(++m_openCount));
    const QString path = QDir(folder).filePath(safeFileName(doc->attachments().at(index).name));
    // Asked before anything is downloaded: no point fetching what will not be opened.
    if (mayRunCode(path) &&
        QMessageBox::warning(this, tr("Open Attachment"),
                             tr("%1 may be a program. Opening it can run it with your rights. "
                                "Open it anyway?")
                                 .arg(QFileInfo(path).fileName()),
                             QMessageBox::Open | QMessageBox::Cancel,
                             QMessageBox::Cancel) != QMessageBox::Open)
        return;
    withAttachmentData(index, tr("Open Attachment"), [this, folder, path](const QByteArray &data) {
        QDir().mkpath(folder);
        QSaveFile file(path);
        if (!m_openedFiles->isValid() || !file.open(QIODevice::WriteOnly) || file.write(data) < 0 ||
            !file.commit()) {
            QMessageBox::warning(this, tr("Open Attachment"),
                                 tr("Could not write %1: %2").arg(path, file.errorString()));
            return;
        }
        // Read-only: an opened attachment is a copy; edits would silently go nowhere.
        QFile::setPermissions(path, QFile::ReadOwner);
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            QMessageBox::warning(this, tr("Open Attachment"),
                                 tr("No application is set up to open %1.").arg(path));
    });
}

void MessageViewer::openLink(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        QDesktopServices::openUrl(url);
    } else if (scheme == QLatin1String("mailto")) {
        // Only what a mailto link is for (RFC 6068); "attach=" and the like, which some
        // mail programs honour, would send the reader's files.
        QUrl safe(url);
        QUrlQuery kept;
        for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyEncoded)) {
            const QString k = key.toLower();
            if (k == QLatin1String("to") || k == QLatin1String("cc") ||
                k == QLatin1String("subject") || k == QLatin1String("body"))
                kept.addQueryItem(key, value);
        }
        safe.setQuery(kept);
        QDesktopServices::openUrl(safe);
    }
}

} // namespace Tidings
