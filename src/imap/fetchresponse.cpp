// SPDX-License-Identifier: GPL-3.0-or-later
#include "imap/fetchresponse.h"
#include "imap/envelopeconverter.h"

#include <KIMAP/FetchJob>
#include <KMime/Message>

namespace Tidings {

bool parseFetchResponse(const QByteArray &response, FetchResponse *out)
{
    const qsizetype open = response.indexOf(" FETCH (");
    if (open < 0)
        return false;
    KIMAP::Message m;
    qsizetype i = open + 8;
    QByteArray header;
    QByteArray internalDate;
    while (i < response.size()) {
        while (i < response.size() && response.at(i) == ' ')
            ++i;
        if (response.at(i) == ')')
            break;
        qsizetype nameEnd = response.indexOf(' ', i);
        const qsizetype bracket = response.indexOf('[', i);
        if (bracket >= 0 && bracket < nameEnd)
            nameEnd = response.indexOf(' ', response.indexOf(']', bracket));
        const QByteArray name = response.mid(i, nameEnd - i);
        i = nameEnd + 1;
        if (name == "UID" || name == "RFC822.SIZE") {
            qsizetype end = i;
            while (end < response.size() && response.at(end) != ' ' && response.at(end) != ')')
                ++end;
            if (name == "UID")
                m.uid = response.mid(i, end - i).toLongLong();
            else if (name == "RFC822.SIZE")
                m.size = response.mid(i, end - i).toLongLong();
            i = end;
        } else if (name == "FLAGS" || name == "MODSEQ") {
            const qsizetype end = response.indexOf(')', i);
            m.flags = response.mid(i + 1, end - i - 1).split(' ');
            i = end + 1;
        } else if (name == "INTERNALDATE") {
            const qsizetype end = response.indexOf('"', i + 1);
            internalDate = response.mid(i + 1, end - i - 1);
            i = end + 1;
        } else if (name.startsWith("BODY[")) {
            if (response.at(i) == '{') {
                const qsizetype close = response.indexOf('}', i);
                const qsizetype size = response.mid(i + 1, close - i - 1).toLongLong();
                header = response.mid(close + 3, size);
                i = close + 3 + size;
                out->hasHeaders = true;
            } else {
                i = response.indexOf(' ', i);
                if (i < 0)
                    break;
            }
        } else {
            return false;
        }
    }
    auto message = KIMAP::MessagePtr(new KMime::Message);
    message->setHead(KMime::CRLFtoLF(header));
    message->parse();
    if (!message->date(false) || !message->date(false)->dateTime().isValid())
        message->date()->setDateTime(QDateTime::fromString(
            QString::fromLatin1(internalDate), QStringLiteral("dd-MMM-yyyy hh:mm:ss t")));
    m.message = message;
    out->envelope = envelopeFromFetch(m, Recipients::Skip);
    return true;
}

} // namespace Tidings
