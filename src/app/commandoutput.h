// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QString>
#include <cstdio>

namespace Tidings {

// A headless command's failure: its cause in one line on stderr; returns the exit code.
inline int reportError(const Error &error)
{
    if (error.isError())
        std::fprintf(stderr, "tidings: %s\n", qPrintable(error.message));
    return error.exitCode();
}

// One line of a headless command's result on stdout, flushed so a pipe sees it at once.
inline void printLine(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace Tidings
