// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commandline.h"

#include "app/accountcommand.h"
#include "app/display.h"
#include "app/identitycommand.h"
#include "app/messagefilecommand.h"
#include "app/sendcommand.h"
#include "app/synccommand.h"
#include "core/error.h"
#include "gui/mainwindow.h"
#include "gui/messagepage.h"
#include "models/workspace.h"
#include "store/configdir.h"
#include "store/profilestore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTranslator>
#include <cstdio>

namespace Tidings {

namespace {
const QStringList OptionsWithValue = {QStringLiteral("--config-dir"), QStringLiteral("--profile")};

// The first argument that is neither an option nor an option's value.
QString findSubcommand(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (OptionsWithValue.contains(arg)) {
            ++i;
            continue;
        }
        if (!arg.startsWith(QLatin1Char('-')))
            return arg;
    }
    return {};
}

// The value of `--name VALUE` or `--name=VALUE`, before any application object exists.
QString optionValue(int argc, char **argv, const QString &name)
{
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == name && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (arg.startsWith(name + QLatin1Char('=')))
            return arg.mid(name.size() + 1);
    }
    return {};
}

bool wantsHelpOrVersion(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--help" || a == "-h" || a == "--version" || a == "-v")
            return true;
    }
    return false;
}

int runGui(int argc, char **argv)
{
    // A mistyped profile is told at once, with or without a display.
    const QString profile = optionValue(argc, argv, QStringLiteral("--profile"));
    if (!profile.isEmpty() &&
        !ProfileStore(resolveConfigDir(optionValue(argc, argv, QStringLiteral("--config-dir"))))
             .find(profile)) {
        std::fprintf(stderr, "tidings: no profile named '%s'; see tidings profile list\n",
                     qPrintable(profile));
        return static_cast<int>(ErrorKind::BadInput);
    }
    if (const QString why = missingDisplayReason(); !why.isEmpty()) {
        std::fprintf(stderr, "tidings: %s\n", qPrintable(why));
        return static_cast<int>(ErrorKind::Usage);
    }
    MessagePage::prepareApplication();
    QApplication app(argc, argv);
    setApplicationInfo();
    loadTranslations(app);
    QApplication::setApplicationDisplayName(QStringLiteral("Tidings"));
    QApplication::setDesktopFileName(QStringLiteral("org.tidings.Tidings"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Tidings mail client"));
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("profile"),
                      QCoreApplication::translate("main", "Start in this profile."),
                      QStringLiteral("NAME")});
    parser.process(app);

    Workspace workspace(resolveConfigDir(parser.value(QStringLiteral("config-dir"))));
    if (const Error e = workspace.setProfile(parser.value(QStringLiteral("profile")));
        e.isError()) {
        std::fprintf(stderr, "tidings: %s\n", qPrintable(e.message));
        return e.exitCode();
    }
    MainWindow window(&workspace);
    window.show();
    workspace.connectAll();
    return QApplication::exec();
}
} // namespace

void setApplicationInfo()
{
    QCoreApplication::setApplicationName(QStringLiteral("tidings"));
    QCoreApplication::setOrganizationName(QStringLiteral("Tidings"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TIDINGS_VERSION));
}

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("config-dir"),
                      QCoreApplication::translate("main", "Profile directory (default: "
                                                          "$TIDINGS_CONFIG_DIR or the user's)."),
                      QStringLiteral("DIR")});
}

// English is the source language; its catalogue still supplies the plural forms.
void loadTranslations(QCoreApplication &app)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("tidings"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")) ||
        translator->load(QStringLiteral(":/i18n/tidings_en.qm")))
        QCoreApplication::installTranslator(translator);
}

int runCommandLine(int argc, char **argv)
{
    // Library chatter (KIMAP's "Connection to server lost", WebEngine's probing for a GPU)
    // would make more lines next to our own one-line cause; QT_LOGGING_RULES brings it back
    // when debugging.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("org.kde.pim.*=false\n"
                                                        "qt.webenginecontext=false\n"
                                                        "qt.rhi.*=false\n"
                                                        "qt.vulkan=false"));
    const QString command = findSubcommand(argc, argv);
    if (command.isEmpty() && !wantsHelpOrVersion(argc, argv))
        return runGui(argc, argv);
    // These two render with Qt WebEngine, which needs its own kind of application object.
    if (command == QLatin1String("export-pdf"))
        return runExportPdf(argc, argv);
    if (isMessageFileArgument(command))
        return runOpenMessageFile(argc, argv, command);

    QCoreApplication app(argc, argv);
    setApplicationInfo();
    loadTranslations(app);
    QCommandLineParser parser;
    addCommonOptions(parser);
    if (command.isEmpty()) {
        parser.addPositionalArgument(
            QStringLiteral("command"),
            QCoreApplication::translate("main",
                                        "account add|list|remove|check, identity, profile, sync, "
                                        "send, export-pdf, "
                                        "FILE.eml; nothing to start the GUI"));
        parser.process(app); // prints help or version and exits
        return 0;
    }
    if (command == QLatin1String("account"))
        return runAccountCommand(parser, app);
    if (command == QLatin1String("sync"))
        return runSyncCommand(parser, app);
    if (command == QLatin1String("identity"))
        return runIdentityCommand(parser, app);
    if (command == QLatin1String("profile"))
        return runProfileCommand(parser, app);
    if (command == QLatin1String("send"))
        return runSendCommand(parser, app);

    std::fprintf(stderr, "tidings: unknown command '%s'; try tidings --help\n",
                 qPrintable(command));
    return static_cast<int>(ErrorKind::Usage);
}

} // namespace Tidings
