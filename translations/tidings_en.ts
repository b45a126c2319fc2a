<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.ui" line="10"/>
        <source>Tidings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="23"/>
        <source>Mailboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="39"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="40"/>
        <source>Search subject, people and text (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="46"/>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.ui" line="57"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::Account</name>
    <message>
        <location filename="../src/core/account.cpp" line="68"/>
        <source>the account has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/account.cpp" line="70"/>
        <source>the account name must not contain &apos;/&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/account.cpp" line="72"/>
        <source>&apos;%1&apos; is not an e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/account.cpp" line="74"/>
        <source>no IMAP host given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/account.cpp" line="76"/>
        <source>the IMAP port must be between 1 and 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/account.cpp" line="78"/>
        <location filename="../src/core/account.cpp" line="84"/>
        <source>refusing an unencrypted connection to %1: only loopback hosts may be used without TLS unless you confirm it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::AccountCommand</name>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="62"/>
        <source>--%1-security must be tls, starttls or none, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="74"/>
        <source>--%1-port must be a number from 1 to 65535, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="117"/>
        <source>INBOX: %1 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="144"/>
        <source>--timeout must be a positive number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="148"/>
        <source>--oauth sign-in is not available in this version yet; use a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="159"/>
        <source>an account named &apos;%1&apos; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="162"/>
        <source>no password on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="177"/>
        <source>added account %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="203"/>
        <location filename="../src/app/accountcommand.cpp" line="235"/>
        <source>no account named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="216"/>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="227"/>
        <source>removed account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="254"/>
        <source>account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="256"/>
        <source>add, list, remove or check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="258"/>
        <source>Account name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="259"/>
        <source>E-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="260"/>
        <source>Your name as others see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="263"/>
        <source>Login name (default: the e-mail address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="264"/>
        <source>IMAP server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="266"/>
        <source>IMAP port (default 993, or 143 with starttls/none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="268"/>
        <location filename="../src/app/accountcommand.cpp" line="274"/>
        <source>tls (default), starttls or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="270"/>
        <source>SMTP server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="272"/>
        <source>SMTP port (default 465, or 587 with starttls/none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="277"/>
        <source>microsoft or google (sign-in instead of a password).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="280"/>
        <source>Also trust the PEM certificate(s) in this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="282"/>
        <source>Network timeout in seconds (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="285"/>
        <source>Confirm an unencrypted connection to a host that is not this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="288"/>
        <source>Store the account without logging in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="298"/>
        <source>account %1 needs --%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="319"/>
        <source>usage: tidings account add|list|remove|check [options]; see tidings account --help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::AccountStore</name>
    <message>
        <location filename="../src/store/accountstore.cpp" line="83"/>
        <source>an account named &apos;%1&apos; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/accountstore.cpp" line="102"/>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::ActionQueue</name>
    <message>
        <location filename="../src/store/actionqueue.cpp" line="234"/>
        <source>this move cannot be undone: the server did not say where the messages went and they have no Message-ID to find them by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::ActionReplayer</name>
    <message>
        <location filename="../src/imap/actionreplayer.cpp" line="102"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/actionreplayer.cpp" line="139"/>
        <source>cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/actionreplayer.cpp" line="167"/>
        <source>searching failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/actionreplayer.cpp" line="239"/>
        <source>changing flags in %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/actionreplayer.cpp" line="260"/>
        <source>moving to %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/actionreplayer.cpp" line="305"/>
        <source>reading %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/actionreplayer.cpp" line="332"/>
        <source>copying to %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/actionreplayer.cpp" line="358"/>
        <source>removing from %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/actionreplayer.cpp" line="365"/>
        <source>expunging %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::BodyFetcher</name>
    <message>
        <location filename="../src/imap/bodyfetcher.cpp" line="36"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/bodyfetcher.cpp" line="57"/>
        <source>fetching the message failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/bodyfetcher.cpp" line="59"/>
        <source>the message is no longer on the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::Database</name>
    <message>
        <location filename="../src/store/database.cpp" line="17"/>
        <source>cache: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::Display</name>
    <message>
        <location filename="../src/app/display.cpp" line="49"/>
        <source>no display: neither DISPLAY nor WAYLAND_DISPLAY is set; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/display.cpp" line="51"/>
        <source>no display: the X server %1 is not running; %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::EnvelopeLoader</name>
    <message>
        <location filename="../src/imap/envelopeloader.cpp" line="24"/>
        <location filename="../src/imap/envelopeloader.cpp" line="51"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/envelopeloader.cpp" line="36"/>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/envelopeloader.cpp" line="71"/>
        <source>fetching %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::Error</name>
    <message>
        <location filename="../src/core/error.cpp" line="12"/>
        <source>no error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/error.cpp" line="14"/>
        <source>usage error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/error.cpp" line="16"/>
        <source>bad input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/error.cpp" line="18"/>
        <source>network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/error.cpp" line="20"/>
        <source>authentication failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/error.cpp" line="22"/>
        <source>server refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::IdleWatcher</name>
    <message>
        <location filename="../src/imap/idlewatcher.cpp" line="36"/>
        <source>no answer from %1 within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/idlewatcher.cpp" line="49"/>
        <source>live updates from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/idlewatcher.cpp" line="52"/>
        <source>%1: the server&apos;s certificate is not trusted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/idlewatcher.cpp" line="149"/>
        <source>%1 skipped the login, so the connection cannot be encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/idlewatcher.cpp" line="151"/>
        <source>%1 did not greet as an IMAP server: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/idlewatcher.cpp" line="185"/>
        <source>%1 ended the live updates: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/idlewatcher.cpp" line="206"/>
        <source>%1 rejected the login for live updates: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/idlewatcher.cpp" line="212"/>
        <source>cannot watch %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/idlewatcher.cpp" line="217"/>
        <source>%1 refused live updates: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::ImapConnection</name>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="70"/>
        <source>no PEM certificate could be read from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="92"/>
        <location filename="../src/imap/imapconnection.cpp" line="217"/>
        <source>no answer from %1 within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="140"/>
        <source>the connection to %1 was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="173"/>
        <source>%1: CAPABILITY failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="211"/>
        <source>TLS: the certificate of %1 is not trusted (add it with --ca-file if you trust this server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="221"/>
        <location filename="../src/imap/imapconnection.cpp" line="230"/>
        <source>cannot connect to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="225"/>
        <source>TLS with %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="229"/>
        <source>%1 closed the connection during login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="233"/>
        <source>login as %1 at %2 was rejected: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="236"/>
        <source>cannot connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/examine.cpp" line="17"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/examine.cpp" line="31"/>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::Mailbox</name>
    <message>
        <location filename="../src/core/mailbox.cpp" line="90"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/mailbox.cpp" line="93"/>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/mailbox.cpp" line="96"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/mailbox.cpp" line="99"/>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/mailbox.cpp" line="102"/>
        <source>Junk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/mailbox.cpp" line="105"/>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/mailbox.cpp" line="108"/>
        <source>All Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/mailbox.cpp" line="111"/>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MailboxLister</name>
    <message>
        <location filename="../src/imap/mailboxlister.cpp" line="47"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/mailboxlister.cpp" line="92"/>
        <source>listing mailboxes failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MailboxSync</name>
    <message>
        <location filename="../src/imap/mailboxsync.cpp" line="53"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/mailboxsync.cpp" line="105"/>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/mailboxsync.cpp" line="273"/>
        <source>fetching %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/mailboxsync.cpp" line="313"/>
        <source>fetching flags of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/mailboxsync.cpp" line="372"/>
        <source>fetching messages of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/mailboxsync.cpp" line="405"/>
        <source>fetching new messages of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/mailboxsync.cpp" line="419"/>
        <source>cache: cannot count %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MainWindow</name>
    <message numerus="yes">
        <location filename="../src/gui/mainwindow.cpp" line="78"/>
        <source>%n message(s) match “%1”</source>
        <translation>
            <numerusform>%n message matches “%1”</numerusform>
            <numerusform>%n messages match “%1”</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="80"/>
        <source>(asking the server…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="102"/>
        <source>%1 — %2 — Tidings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="105"/>
        <source>Select a message to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="121"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MessageActions</name>
    <message>
        <location filename="../src/gui/messageactions.cpp" line="28"/>
        <source>Mark as &amp;Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageactions.cpp" line="30"/>
        <source>Mark as &amp;Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageactions.cpp" line="32"/>
        <source>&amp;Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageactions.cpp" line="34"/>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageactions.cpp" line="36"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageactions.cpp" line="39"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageactions.cpp" line="156"/>
        <source>Change undone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MessageDocument</name>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="71"/>
        <source>the message is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="81"/>
        <source>not a mail message: no From, To, Subject, Date or Message-ID header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="145"/>
        <source>Unnamed part %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="216"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="218"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="220"/>
        <source>Cc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="222"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="234"/>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="235"/>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MessageFile</name>
    <message>
        <location filename="../src/app/messagefilecommand.cpp" line="49"/>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/messagefilecommand.cpp" line="110"/>
        <source>Tidings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/messagefilecommand.cpp" line="120"/>
        <source>%1 — Tidings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/messagefilecommand.cpp" line="122"/>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/messagefilecommand.cpp" line="145"/>
        <source>usage: tidings export-pdf FILE.eml OUT.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/messagefilecommand.cpp" line="158"/>
        <source>%1: the message could not be rendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/messagefilecommand.cpp" line="173"/>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/messagefilecommand.cpp" line="178"/>
        <source>%1: rendering took too long</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MessageListModel</name>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="159"/>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="164"/>
        <source> (%1 unread of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="165"/>
        <source> (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="184"/>
        <source>, unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="199"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="201"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="203"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MessageViewer</name>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="41"/>
        <source>Load once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="63"/>
        <source>Remote content blocked. Loading it tells the sender you read this message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="75"/>
        <source>All headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="79"/>
        <source>Show every header field as the message was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="98"/>
        <source>Select a message to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="162"/>
        <source>Always for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="170"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="171"/>
        <source>Save As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="183"/>
        <location filename="../src/gui/messageviewer.cpp" line="189"/>
        <source>Save Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="190"/>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="205"/>
        <location filename="../src/gui/messageviewer.cpp" line="212"/>
        <source>Open Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="206"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="213"/>
        <source>No application is set up to open %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::SecretStore</name>
    <message>
        <location filename="../src/auth/secretstore.cpp" line="21"/>
        <source>no password stored for %1 in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/auth/secretstore.cpp" line="26"/>
        <source>keychain error for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::ServerSearch</name>
    <message>
        <location filename="../src/imap/serversearch.cpp" line="36"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/serversearch.cpp" line="55"/>
        <source>the server could not search %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::SyncCommand</name>
    <message>
        <location filename="../src/app/synccommand.cpp" line="116"/>
        <source>sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/synccommand.cpp" line="118"/>
        <source>Only this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/synccommand.cpp" line="120"/>
        <source>Only this mailbox (full server name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/synccommand.cpp" line="136"/>
        <source>no accounts: add one with &quot;tidings account add&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/synccommand.cpp" line="137"/>
        <source>no account named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/synccommand.cpp" line="166"/>
        <source>synced %1 mailboxes: %2 new, %3 changed, %4 removed in %5 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::Workspace</name>
    <message>
        <location filename="../src/models/workspace.cpp" line="98"/>
        <source>No accounts yet: add one with &quot;tidings account add&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="106"/>
        <source>%1: connecting to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="133"/>
        <source>%1: connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/models/workspace.cpp" line="158"/>
        <source>%1: %n mailbox(es)</source>
        <translation>
            <numerusform>%1: %n mailbox</numerusform>
            <numerusform>%1: %n mailboxes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="59"/>
        <location filename="../src/models/workspace.cpp" line="168"/>
        <location filename="../src/models/workspace.cpp" line="275"/>
        <location filename="../src/models/workspace.cpp" line="283"/>
        <location filename="../src/models/workspaceactions.cpp" line="102"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="60"/>
        <source>%1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="69"/>
        <source>%1: changes wait until the server can be reached (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="205"/>
        <source>%1: live updates interrupted, reconnecting: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="206"/>
        <source>%1: live updates stopped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="255"/>
        <source>%1: not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="264"/>
        <source>Updating %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="328"/>
        <source>This message has not been downloaded yet and %1 is offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="432"/>
        <source>%1: offline, showing matches in downloaded mail only</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/models/workspace.cpp" line="294"/>
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1: %n message</numerusform>
            <numerusform>%1: %n messages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/models/workspaceactions.cpp" line="80"/>
        <source>%1: no %2 folder is known on the server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceactions.cpp" line="85"/>
        <source>The messages are in %1 already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceactions.cpp" line="127"/>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceactions.cpp" line="131"/>
        <source>Undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceactions.cpp" line="148"/>
        <source>%1: the server refused a change, it was undone: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/commandline.cpp" line="89"/>
        <source>Profile directory (default: $TIDINGS_CONFIG_DIR or the user&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/commandline.cpp" line="131"/>
        <source>account add|list|remove|check, sync, export-pdf, FILE.eml; nothing to start the GUI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/commandline.cpp" line="65"/>
        <source>Tidings mail client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
