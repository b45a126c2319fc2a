// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace TidingsTest {

struct HeaderCase
{
    const char *name;
    QByteArray block; // CRLF line ends, ending in the blank line a server sends
};

// Hand-written header blocks for the shapes mail really has and the ones that trip parsers:
// encoded words, 8-bit bytes, comments, groups, folding, every Date form, odd message ids.
QList<HeaderCase> trickyHeaderBlocks();

// What BODY[HEADER.FIELDS (TO FROM MESSAGE-ID REFERENCES IN-REPLY-TO SUBJECT DATE)] gives
// for a raw message: those fields in message order, continuation lines kept, a blank line.
QByteArray headerFieldsBlock(const QByteArray &rawMessage);

} // namespace TidingsTest
