// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/messagefilecommand.h"

#include "app/commandline.h"
#include "app/display.h"
#include "core/error.h"
#include "gui/messagepage.h"
#include "gui/messageviewer.h"
#include "models/messagedocument.h"
#include "store/configdir.h"
#include "store/database.h"
#include "store/sendertrust.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QMainWindow>
#include <QMessageBox>
#include <QPageLayout>
#include <QPageSize>
#include <QTimer>
#include <cstdio>
#include <memory>

namespace Tidings {

namespace {
struct MessageFileText
{
    Q_DECLARE_TR_FUNCTIONS(Tidings::MessageFile)
};

// A page that never finishes loading (it cannot: nothing remote loads) would hang a script.
constexpr int RenderTimeoutMs = 60'000;
// ISO 216 A4 with 15 mm margins: what a mail printed from a desktop client usually gets.
constexpr qreal PdfMarginMm = 15;

int fail(const Error &error)
{
    std::fprintf(stderr, "tidings: %s\n", qPrintable(error.message));
    return static_cast<int>(error.kind);
}

std::shared_ptr<const MessageDocument> readMessageFile(const QString &path, Error *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = {ErrorKind::BadInput,
                  MessageFileText::tr("cannot read %1: %2").arg(path, file.errorString())};
        return {};
    }
    Error parseError;
    auto document = MessageDocument::parse(file.readAll(), &parseError);
    if (!document)
        *error = {ErrorKind::BadInput, QStringLiteral("%1: %2").arg(path, parseError.message)};
    return document;
}

// The profile's "always load remote content from this sender" list; none without a profile.
class TrustList
{
public:
    explicit TrustList(const QString &configDir)
        : m_db(cacheDatabasePath(configDir))
    {
        if (!m_db.open().isError())
            m_trust = std::make_unique<SenderTrust>(m_db);
    }
    bool allows(const QString &email) const
    {
        return m_trust && m_trust->allowsRemoteContent(email);
    }
    void allow(const QString &email)
    {
        if (m_trust)
            m_trust->allowRemoteContent(email);
    }

private:
    Database m_db;
    std::unique_ptr<SenderTrust> m_trust;
};

void setUpParser(QCommandLineParser &parser, QApplication &app, const QString &syntax)
{
    setApplicationInfo();
    loadTranslations(app);
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("args"), syntax);
    parser.process(app);
}
} // namespace

bool isMessageFileArgument(const QString &argument)
{
    // Not any existing path: a file named like a subcommand ("account") must not win.
    return argument.endsWith(QLatin1String(".eml"), Qt::CaseInsensitive) ||
           (argument.contains(QLatin1Char('/')) && QFile::exists(argument));
}

int runOpenMessageFile(int argc, char **argv, const QString &file)
{
    if (const QString why = missingDisplayReason(); !why.isEmpty())
        return fail({ErrorKind::Usage, why});
    MessagePage::prepareApplication();
    QApplication app(argc, argv);
    QCommandLineParser parser;
    setUpParser(parser, app, QStringLiteral("FILE.eml"));
    Error error;
    const auto document = readMessageFile(file, &error);
    if (!document) {
        QMessageBox::critical(nullptr, MessageFileText::tr("Tidings"), error.message);
        return fail(error);
    }
    TrustList trust(resolveConfigDir(parser.value(QStringLiteral("config-dir"))));
    QMainWindow window;
    auto *viewer = new MessageViewer(&window);
    viewer->setTrustCheck([&trust](const QString &email) { return trust.allows(email); });
    QObject::connect(viewer, &MessageViewer::trustSenderRequested, &window,
                     [&trust](const QString &email) { trust.allow(email); });
    window.setCentralWidget(viewer);
    window.setWindowTitle(MessageFileText::tr("%1 — Tidings")
                              .arg(document->subject().isEmpty()
                                       ? MessageFileText::tr("(no subject)")
                                       : document->subject()));
    window.resize(900, 720);
    viewer->showMessage(document);
    window.show();
    return QApplication::exec();
}

int runExportPdf(int argc, char **argv)
{
    // Printing needs no screen: without a display, render off screen.
    if (!missingDisplayReason().isEmpty() && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // A printed page needs no GPU; probing for one only prints warnings. Chromium's own
    // log lines ("Sandboxing disabled") are not a user's business either.
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --log-level=3");
    MessagePage::prepareApplication();
    QApplication app(argc, argv);
    QCommandLineParser parser;
    setUpParser(parser, app, QStringLiteral("export-pdf FILE.eml OUT.pdf"));
    const QStringList args = parser.positionalArguments();
    if (args.size() != 3)
        return fail({ErrorKind::Usage, MessageFileText::tr("usage: tidings export-pdf FILE.eml "
                                                           "OUT.pdf")});
    const QString out = args.at(2);
    Error error;
    const auto document = readMessageFile(args.at(1), &error);
    if (!document)
        return fail(error);
    TrustList trust(resolveConfigDir(parser.value(QStringLiteral("config-dir"))));

    MessagePage page;
    int exitCode = 0;
    QObject::connect(&page, &QWebEnginePage::loadFinished, &app, [&](bool ok) {
        if (!ok) {
            exitCode = fail({ErrorKind::BadInput, MessageFileText::tr("%1: the message could "
                                                                      "not be rendered")
                                                      .arg(args.at(1))});
            QApplication::quit();
            return;
        }
        page.printToPdf(out,
                        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                    QMarginsF(PdfMarginMm, PdfMarginMm, PdfMarginMm, PdfMarginMm),
                                    QPageLayout::Millimeter));
    });
    QObject::connect(
        &page, &QWebEnginePage::pdfPrintingFinished, &app, [&](const QString &, bool success) {
            if (!success)
                exitCode =
                    fail({ErrorKind::BadInput, MessageFileText::tr("cannot write %1").arg(out)});
            QApplication::quit();
        });
    QTimer::singleShot(RenderTimeoutMs, &app, [&] {
        exitCode = fail({ErrorKind::BadInput,
                         MessageFileText::tr("%1: rendering took too long").arg(args.at(1))});
        QApplication::quit();
    });
    page.showDocument(document, MessageDocument::Headers::Summary,
                      trust.allows(document->senderEmail()));
    QApplication::exec();
    return exitCode;
}

} // namespace Tidings
