// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fixtures/xvfbserver.h"
#include "gui/messagepage.h"

#include <QApplication>
#include <QTest>
#include <cstdio>

namespace TidingsTest {

// The text a message page shows (as a reader sees it), once the page has it.
inline QString pageText(Tidings::MessagePage *page, int waitMs = 30000)
{
    QString text;
    bool done = false;
    page->toPlainText([&](const QString &t) {
        text = t;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, waitMs))
        qWarning("the page did not give its text");
    return text;
}

} // namespace TidingsTest

// main() of a GUI test: its own X server (Xvfb) for the test's lifetime, the web engine
// prepared before the application exists (the main window shows messages), then the test.
#define TIDINGS_GUI_TEST_MAIN(TestClass)                                                           \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        TidingsTest::XvfbServer xvfb;                                                              \
        if (!xvfb.start()) {                                                                       \
            std::fprintf(stderr, "%s: %s\n", argv[0], qPrintable(xvfb.error()));                   \
            return 1;                                                                              \
        }                                                                                          \
        qputenv("QT_QPA_PLATFORM", "xcb");                                                         \
        Tidings::MessagePage::prepareApplication();                                                \
        QApplication app(argc, argv);                                                              \
        TestClass test;                                                                            \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
