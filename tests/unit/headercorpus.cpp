// SPDX-License-Identifier: GPL-3.0-or-later
#include "headercorpus.h"

namespace TidingsTest {

namespace {
// Lines as written here end in LF; a server sends CRLF and a blank line after the fields.
QByteArray block(const char *text)
{
    QByteArray b(text);
    b.replace("\n", "\r\n");
    return b + "\r\n";
}

const char *const Ids = "Message-ID: <m1@example.org>\n"
                        "In-Reply-To: <p1@example.org>\n"
                        "References: <r1@example.org> <p1@example.org>\n";
} // namespace

QList<HeaderCase> trickyHeaderBlocks()
{
    const auto withIds = [](const char *text) { return block(text).chopped(2) + block(Ids); };
    QList<HeaderCase> cases = {
        {"plain", block("From: Maria Jensen <maria.jensen@northwind.example>\n"
                        "To: Bob Fischer <bob@example.test>\n"
                        "Subject: Quarterly report draft\n"
                        "Date: Tue, 01 Dec 2026 09:30:00 +0100\n"
                        "Message-ID: <2026.1.0@tidings.example>\n"
                        "In-Reply-To: <2026.0.9@tidings.example>\n"
                        "References: <2026.0.1@tidings.example> <2026.0.9@tidings.example>\n")},
        {"quoted name with comma", withIds("From: \"Jensen, Maria\" <maria@x.example>\n"
                                           "To: \"Fischer, Bob\" <bob@x.example>, c@x.example\n"
                                           "Subject: Hi\nDate: 1 Dec 2026 09:30:00 +0000\n")},
        {"quoted name with escapes", block("From: \"Maria \\\"MJ\\\" Jensen\" <m@x.example>\n")},
        {"quoted name all escaped quotes", block("From: \"\\\"Bob\\\"\" <b@x.example>\n")},
        {"quoted name with backslash", block("From: \"C:\\\\Users\\\\bob\" <b@x.example>\n")},
        {"empty quoted name", block("From: \"\" <b@x.example>\nTo: \" \" <c@x.example>\n")},
        {"bare address", block("From: bob@example.com\nTo: a@x.example,b@x.example\n")},
        {"angle address only", block("From: <bob@example.com>\nTo: <a@x.example>\n")},
        {"comment as name", block("From: bob@example.com (Bob Smith)\n")},
        {"comment in phrase", block("From: Bob (the builder) <bob@x.example>\n")},
        {"comment after angle", block("From: <bob@x.example> (Bob)\n")},
        {"encoded word name B",
         block("From: =?UTF-8?B?Q2hsb8OpIE1hcnRpbg==?= <chloe@example.fr>\n")},
        {"encoded word name Q latin1",
         block("From: =?iso-8859-1?q?J=F6rg_M=FCller?= <j@x.example>\n")},
        {"encoded word in quotes", block("From: \"=?utf-8?Q?J=C3=B6rg?=\" <j@x.example>\n")},
        {"adjacent encoded words",
         block("Subject: =?UTF-8?Q?R=C3=A9union?= =?UTF-8?Q?_demain?=\n")},
        {"encoded word among text", block("Subject: Re: =?utf-8?b?w4ljb2xl?= news\n")},
        {"encoded word unknown charset", block("Subject: =?x-unknown?Q?abc?= tail\n")},
        {"encoded word broken", block("Subject: =?utf-8?B?###?= and =?utf-8?Q?open\n")},
        {"encoded word windows-1252", block("Subject: =?windows-1252?Q?=93quoted=94?=\n")},
        {"raw utf8 subject", block("Subject: R\xC3\xA9union \xE2\x80\x94 demain\n")},
        {"raw utf8 name", block("From: Zo\xC3\xAB \xC3\x85lund <zoe@x.example>\n")},
        {"raw utf8 quoted name", block("From: \"Zo\xC3\xAB\" <zoe@x.example>\n")},
        {"raw latin1 subject", block("Subject: caf\xE9"
                                     " au lait\n")},
        {"folded subject", block("Subject: A long subject line that\n  goes on and on\n")},
        {"folded subject tab", block("Subject: first\n\tsecond\n")},
        {"folded subject trailing space", block("Subject: first   \n   second\n")},
        {"folded references",
         block("References: <a1@x.example>\n <a2@x.example>\n\t<a3@x.example>\n")},
        {"folded from", block("From: Maria\n Jensen <m@x.example>\n")},
        {"folded quoted name", block("From: \"Maria\n Jensen\" <m@x.example>\n")},
        {"fold quirk =20", block("Subject: quirk\n=20continued\n")},
        {"first line empty", block("Subject:\n folded only\nFrom:\n\tbob@x.example\n")},
        {"group empty", block("To: undisclosed-recipients:;\n")},
        {"group with members", block("To: Friends: a@x.example, \"C\" <c@x.example>;, "
                                     "e@x.example\n")},
        {"to list", block("To: a@x.example, B <b@x.example>, \"C, D\" <c@x.example>\n")},
        {"to empty entries", block("To: a@x.example,, b@x.example,\n")},
        {"to semicolons", block("To: a@x.example; b@x.example\n")},
        {"to malformed entry", block("To: a@x.example, not an address, b@x.example\n")},
        {"date no weekday", block("Date: 1 Dec 2026 09:30:00 +0100\n")},
        {"date no seconds", block("Date: Tue, 1 Dec 2026 09:30 +0100\n")},
        {"date EST", block("Date: Tue, 01 Dec 2026 09:30:00 EST\n")},
        {"date GMT", block("Date: Tue, 01 Dec 2026 09:30:00 GMT\n")},
        {"date UT", block("Date: Tue, 01 Dec 2026 09:30:00 UT\n")},
        {"date MST", block("Date: Tue, 01 Dec 2026 09:30:00 MST\n")},
        {"date unknown zone", block("Date: Tue, 01 Dec 2026 09:30:00 XYZ\n")},
        {"date two-digit year", block("Date: Tue, 01 Dec 26 09:30:00 +0000\n")},
        {"date two-digit year 99", block("Date: Fri, 31 Dec 99 23:59:59 -0800\n")},
        {"date three-digit year", block("Date: 01 Dec 126 09:30:00 +0000\n")},
        {"date comment", block("Date: Tue, 01 Dec 2026 09:30:00 +0000 (UTC)\n")},
        {"date minus zero", block("Date: Tue, 01 Dec 2026 09:30:00 -0000\n")},
        {"date colon zone", block("Date: Tue, 01 Dec 2026 09:30:00 +05:30\n")},
        {"date asctime", block("Date: Tue Dec  1 09:30:00 2026\n")},
        {"date slashes", block("Date: 01/12/26 09:30:00\n")},
        {"date invalid day", block("Date: 31 Feb 2026 10:00:00 +0000\n")},
        {"date huge zone", block("Date: 01 Dec 2026 10:00:00 +9999\n")},
        {"date odd zone minutes", block("Date: 01 Dec 2026 10:00:00 +0199\n")},
        {"date upper case", block("Date: TUE, 01 DEC 2026 09:30:00 +0000\n")},
        {"date full names", block("Date: Tuesday, 01 December 2026 09:30:00 +0000\n")},
        {"date spaces", block("Date:   Tue ,  1  Dec  2026   9:05:07   +0000\n")},
        {"date garbage", block("Date: yesterday-ish\nSubject: dated by arrival\n")},
        {"date empty", block("Date:\nSubject: x\n")},
        {"no date", block("Subject: no date at all\nFrom: a@x.example\n")},
        {"message-id no angle", block("Message-ID: abc@x.example\n")},
        {"message-id comment", block("Message-ID: <abc@x.example> (added by server)\n")},
        {"message-id no at", block("Message-ID: <abc>\nIn-Reply-To: <def>\n")},
        {"message-id quoted local", block("Message-ID: <\"a b\"@x.example>\n")},
        {"message-id domain literal", block("Message-ID: <abc@[127.0.0.1]>\n")},
        {"message-id trailing dot", block("Message-ID: <abc@x.example.>\n")},
        {"message-id two", block("Message-ID: <one@x.example> <two@x.example>\n")},
        {"message-id dots", block("Message-ID: <.a..b.@x.example>\n")},
        {"in-reply-to prose", block("In-Reply-To: Your message of \"Mon, 1 Dec\" "
                                    "<parent@x.example>\n")},
        {"in-reply-to two", block("In-Reply-To: <p1@x.example> <p2@x.example>\n")},
        {"references commas", block("References: <a@x.example>,<b@x.example> , <c@x.example>\n")},
        {"references junk", block("References: <a@x.example> junk <c@x.example>\n")},
        {"lower-case names", block("subject: lower\nfrom: x@y.example\nmessage-id: <l@x>\n")},
        {"duplicate fields", block("Subject: first\nSubject: second\nFrom: a@x.example\n"
                                   "From: b@x.example\n")},
        {"line without colon", block("garbage line\nSubject: after garbage\n")},
        {"empty subject", block("Subject:\nFrom: a@x.example\n")},
        {"subject spaces", block("Subject:    \t  padded \t  \n")},
        {"subject =? not encoded", block("Subject: a =? b and x=y\n")},
        {"subject lone =", block("Subject: ends with =\n")},
        {"subject control char", block("Subject: bell\x01here\n")},
        {"empty block", QByteArray()},
        {"blank line only", QByteArray("\r\n")},
        {"no trailing newline", QByteArray("Subject: cut off")},
        {"name with dot", block("From: John Q. Public <jqp@x.example>\n")},
        {"two mailboxes in from", block("From: a@x.example, B <b@x.example>\n")},
        {"not an address", block("From: not an address at all\n")},
        {"name with at", block("From: \"bob@x.example\" <bob@x.example>\nTo: bob@x <b@x>\n")},
        {"bidi control in name", block("From: =?UTF-8?B?4oCuZXZpbA==?= <e@x.example>\n")},
        {"domain literal", block("From: a@[127.0.0.1]\n")},
        {"trailing dot domain", block("From: a@example.com.\n")},
        {"obs route", block("From: <@route.example:a@x.example>\n")},
        {"tab in phrase", block("From: Maria\tJensen <m@x.example>\n")},
        {"space in angle", block("From: Maria < m@x.example >\n")},
        {"word then angle", block("From: Bob<b@x.example>\n")},
        {"quoted local part", block("From: \"a b\"@x.example\n")},
        {"equals in name", block("From: a=b <ab@x.example>\n")},
        {"atext name", block("From: O'Neil #1 <o@x.example>\n")},
        {"lf only", QByteArray("From: Lf Only <lf@x.example>\nSubject: lf\n"
                               "Date: Tue, 01 Dec 2026 09:30:00 +0100\n\n")},
    };
    return cases;
}

QByteArray headerFieldsBlock(const QByteArray &rawMessage)
{
    static const QByteArrayList Wanted = {"to",          "from",    "message-id", "references",
                                          "in-reply-to", "subject", "date"};
    const qsizetype headerEnd = rawMessage.indexOf("\r\n\r\n");
    const QByteArray head = rawMessage.left(headerEnd < 0 ? rawMessage.size() : headerEnd + 2);
    QByteArray out;
    bool keep = false;
    for (const QByteArray &line : head.split('\n')) {
        if (line.isEmpty())
            continue;
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (keep)
                out += line + '\n';
            continue;
        }
        keep = Wanted.contains(line.left(line.indexOf(':')).toLower());
        if (keep)
            out += line + '\n';
    }
    return out + "\r\n";
}

} // namespace TidingsTest
