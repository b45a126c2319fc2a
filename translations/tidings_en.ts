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
        <location filename="../ui/mainwindow.ui" line="28"/>
        <source>Messages</source>
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
        <location filename="../src/core/account.cpp" line="83"/>
        <source>refusing an unencrypted connection to %1: only loopback hosts may be used without TLS unless you confirm it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::AccountCommand</name>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="60"/>
        <source>--%1-security must be tls, starttls or none, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="70"/>
        <source>--%1-port must be a number from 1 to 65535, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="116"/>
        <source>INBOX: %1 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="142"/>
        <source>--timeout must be a positive number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="145"/>
        <source>--oauth sign-in is not available in this version yet; use a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="154"/>
        <source>an account named &apos;%1&apos; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="157"/>
        <source>no password on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="172"/>
        <source>added account %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="198"/>
        <location filename="../src/app/accountcommand.cpp" line="219"/>
        <source>no account named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="211"/>
        <source>removed account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="238"/>
        <source>account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="239"/>
        <source>add, list, remove or check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="241"/>
        <source>Account name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="242"/>
        <source>E-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="243"/>
        <source>Your name as others see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="244"/>
        <source>Login name (default: the e-mail address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="246"/>
        <source>IMAP server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="247"/>
        <source>IMAP port (default 993, or 143 with starttls/none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="249"/>
        <location filename="../src/app/accountcommand.cpp" line="254"/>
        <source>tls (default), starttls or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="251"/>
        <source>SMTP server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="252"/>
        <source>SMTP port (default 465, or 587 with starttls/none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="256"/>
        <source>microsoft or google (sign-in instead of a password).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="258"/>
        <source>Also trust the PEM certificate(s) in this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="260"/>
        <source>Network timeout in seconds (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="263"/>
        <source>Confirm an unencrypted connection to a host that is not this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="264"/>
        <source>Store the account without logging in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="273"/>
        <source>account %1 needs --%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="293"/>
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
        <location filename="../src/store/accountstore.cpp" line="101"/>
        <source>cannot write %1</source>
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
        <location filename="../src/imap/envelopeloader.cpp" line="25"/>
        <location filename="../src/imap/envelopeloader.cpp" line="52"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/envelopeloader.cpp" line="37"/>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/envelopeloader.cpp" line="72"/>
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
    <name>Tidings::ImapConnection</name>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="67"/>
        <source>no PEM certificate could be read from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="82"/>
        <location filename="../src/imap/imapconnection.cpp" line="170"/>
        <source>no answer from %1 within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="133"/>
        <source>the connection to %1 was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="165"/>
        <source>TLS: the certificate of %1 is not trusted (add it with --ca-file if you trust this server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="174"/>
        <location filename="../src/imap/imapconnection.cpp" line="181"/>
        <source>cannot connect to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="177"/>
        <source>TLS with %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="180"/>
        <source>%1 closed the connection during login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="183"/>
        <source>login as %1 at %2 was rejected: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="185"/>
        <source>cannot connect to %1: %2</source>
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
        <location filename="../src/imap/mailboxlister.cpp" line="46"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/mailboxlister.cpp" line="93"/>
        <source>listing mailboxes failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MainWindow</name>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="57"/>
        <source>%1 — %2 — Tidings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MessageListModel</name>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="60"/>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="83"/>
        <source>, unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="104"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="106"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="108"/>
        <source>Date</source>
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
    <name>Tidings::Workspace</name>
    <message>
        <location filename="../src/models/workspace.cpp" line="26"/>
        <source>No accounts yet: add one with &quot;tidings account add&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="34"/>
        <source>%1: connecting to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="55"/>
        <source>%1: connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/models/workspace.cpp" line="65"/>
        <source>%1: %n mailbox(es)</source>
        <translation>
            <numerusform>%1: %n mailbox</numerusform>
            <numerusform>%1: %n mailboxes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="75"/>
        <location filename="../src/models/workspace.cpp" line="103"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="92"/>
        <source>%1: not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="95"/>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/models/workspace.cpp" line="106"/>
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1: %n message</numerusform>
            <numerusform>%1: %n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/commandline.cpp" line="61"/>
        <source>Profile directory (default: $TIDINGS_CONFIG_DIR or the user&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/commandline.cpp" line="88"/>
        <source>Tidings mail client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/commandline.cpp" line="91"/>
        <source>Profile to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/commandline.cpp" line="121"/>
        <source>account add|list|remove|check; nothing to start the GUI</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
