// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tidings {

// The values are the command line's exit codes (DESIGN.md, "Command line").
enum class ErrorKind
{
    None = 0,
    Usage = 1,
    BadInput = 2,
    Network = 3,
    Authentication = 4,
    Refused = 5,
};

// A failure with its cause in one line, carried up to where a user can see it.
struct Error
{
    ErrorKind kind = ErrorKind::None;
    QString message;

    bool isError() const { return kind != ErrorKind::None; }
    int exitCode() const { return static_cast<int>(kind); }
    static Error none() { return {}; }
};

QString errorKindName(ErrorKind kind);

} // namespace Tidings
