<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ComposerWindow</name>
    <message>
        <location filename="../ui/composerwindow.ui" line="10"/>
        <source>New message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="20"/>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="21"/>
        <source>Send now (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="27"/>
        <source>&amp;Attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="28"/>
        <source>Attach files (or drop them on this window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="33"/>
        <source>&amp;Formatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="34"/>
        <source>Send formatted text (HTML) along with plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="39"/>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="40"/>
        <source>Bold (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="46"/>
        <source>I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="47"/>
        <source>Italic (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="53"/>
        <source>•</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="54"/>
        <source>Bulleted list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="69"/>
        <source>Save &amp;draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="70"/>
        <source>Save to Drafts now (Ctrl+S); drafts also save by themselves while you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="79"/>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="85"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="90"/>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="96"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="97"/>
        <source>Name &lt;address&gt;, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="102"/>
        <source>&amp;Cc:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="108"/>
        <source>Cc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="113"/>
        <source>&amp;Bcc:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="119"/>
        <source>Bcc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="124"/>
        <source>S&amp;ubject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="130"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="137"/>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="144"/>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/composerwindow.ui" line="148"/>
        <source>Attachments (Delete removes the selected one)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>Tidings</name>
    <message>
        <location filename="../src/imap/bodystructure.cpp" line="280"/>
        <source>unreadable BODYSTRUCTURE: %1</source>
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
        <location filename="../src/app/accountcommand.cpp" line="49"/>
        <source>--%1-security must be tls, starttls or none, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="61"/>
        <source>--%1-port must be a number from 1 to 65535, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="105"/>
        <source>INBOX: %1 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="132"/>
        <source>--timeout must be a positive number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="136"/>
        <source>--oauth sign-in is not available in this version yet; use a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="148"/>
        <source>an account named &apos;%1&apos; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="152"/>
        <source>no password on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="167"/>
        <source>added account %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="194"/>
        <location filename="../src/app/accountcommand.cpp" line="227"/>
        <source>no account named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="207"/>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="218"/>
        <source>removed account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="246"/>
        <source>account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="248"/>
        <source>add, list, remove or check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="250"/>
        <source>Account name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="251"/>
        <source>E-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="252"/>
        <source>Your name as others see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="255"/>
        <source>Login name (default: the e-mail address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="256"/>
        <source>IMAP server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="258"/>
        <source>IMAP port (default 993, or 143 with starttls/none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="260"/>
        <location filename="../src/app/accountcommand.cpp" line="266"/>
        <source>tls (default), starttls or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="262"/>
        <source>SMTP server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="264"/>
        <source>SMTP port (default 465, or 587 with starttls/none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="269"/>
        <source>microsoft or google (sign-in instead of a password).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="272"/>
        <source>Also trust the PEM certificate(s) in this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="274"/>
        <source>Network timeout in seconds (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="277"/>
        <source>Confirm an unencrypted connection to a host that is not this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="280"/>
        <source>Store the account without logging in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="290"/>
        <source>account %1 needs --%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/accountcommand.cpp" line="312"/>
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
    <name>Tidings::AddressList</name>
    <message>
        <location filename="../src/models/addresslist.cpp" line="55"/>
        <source>“%1” is not an e-mail address</source>
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
    <name>Tidings::ComposerWindow</name>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="88"/>
        <location filename="../src/gui/composerwindow.cpp" line="103"/>
        <source>New message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="151"/>
        <source>Drafts cannot be kept (no cache)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="162"/>
        <location filename="../src/gui/composerwindow.cpp" line="175"/>
        <source>Draft not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="169"/>
        <source>Draft saved on this computer at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="172"/>
        <source>Draft saved at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="179"/>
        <source>Draft saved on this computer only (Drafts: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="247"/>
        <source>Add at least one recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="252"/>
        <source>There is no account to send from: add one with &quot;tidings account add&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="255"/>
        <source>Send this message without a subject?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="258"/>
        <source>The text mentions an attachment, but nothing is attached. Send anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="265"/>
        <source>Not sent: the draft could not be saved first (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="273"/>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="282"/>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="293"/>
        <source>%1: not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="297"/>
        <source>%1: %2 is more than mail servers accept (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="303"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="316"/>
        <source>Not attached:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/composerwindow.cpp" line="335"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/composerwindow.cpp" line="340"/>
        <source>%n attachment(s), %1 in all (Delete removes the selected one)</source>
        <translation>
            <numerusform>%n attachment, %1 in all (Delete removes the selected one)</numerusform>
            <numerusform>%n attachments, %1 in all (Delete removes the selected one)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tidings::Database</name>
    <message>
        <location filename="../src/store/database.cpp" line="33"/>
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
    <name>Tidings::DraftAutosaver</name>
    <message>
        <location filename="../src/models/draftautosaver.cpp" line="68"/>
        <source>draft %1 no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/draftautosaver.cpp" line="130"/>
        <location filename="../src/models/draftautosaver.cpp" line="233"/>
        <source>the draft uploader is busy elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/draftautosaver.cpp" line="175"/>
        <source>the draft&apos;s identity no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/draftautosaver.cpp" line="176"/>
        <source>the Drafts mailbox is not reachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::DraftStore</name>
    <message>
        <location filename="../src/store/draftstore.cpp" line="126"/>
        <source>draft %1 no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/draftstore.cpp" line="150"/>
        <source>draft %1 is unreadable (written by a newer Tidings?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::DraftUploader</name>
    <message>
        <location filename="../src/imap/draftuploader.cpp" line="79"/>
        <source>not connected to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/draftuploader.cpp" line="96"/>
        <source>saving the draft to %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/draftuploader.cpp" line="113"/>
        <source>cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/draftuploader.cpp" line="128"/>
        <location filename="../src/imap/draftuploader.cpp" line="183"/>
        <source>searching %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/draftuploader.cpp" line="164"/>
        <source>removing the draft from %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/draftuploader.cpp" line="196"/>
        <source>expunging %1 failed</source>
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
    <name>Tidings::FetchWorker</name>
    <message>
        <location filename="../src/imap/headerfetcher.cpp" line="87"/>
        <source>%1 sent a FETCH response that cannot be read (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/headerfetcher.cpp" line="129"/>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/headerfetcher.cpp" line="134"/>
        <source>%1 changed while it was being read; try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/headerfetcher.cpp" line="149"/>
        <source>fetching %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::Identity</name>
    <message>
        <location filename="../src/core/identity.cpp" line="65"/>
        <source> (on behalf, via %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/identity.cpp" line="66"/>
        <source> (send as, via %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/identity.cpp" line="74"/>
        <source>an identity needs an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/identity.cpp" line="76"/>
        <source>&apos;%1&apos; is not an e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/identity.cpp" line="78"/>
        <source>the display name must be one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/identity.cpp" line="80"/>
        <source>only a delegated identity can send on behalf of someone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::IdentityCommand</name>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="34"/>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="49"/>
        <location filename="../src/app/identitycommand.cpp" line="108"/>
        <source>no account named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="61"/>
        <source>--kind must be alias or delegated, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="69"/>
        <source>--mode must be send-as or on-behalf, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="79"/>
        <source>identity %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="113"/>
        <source>no identity &apos;%1&apos;; see tidings identity list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="128"/>
        <source>--mailbox must be ACCOUNT:PATH, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="144"/>
        <source>a profile named &apos;%1&apos; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="147"/>
        <source>added profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="166"/>
        <source>Signature text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="168"/>
        <source>Read the signature from FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="187"/>
        <source>usage: tidings %1 %2 [options]; see tidings %1 --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="193"/>
        <source>%1 %2 needs --%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="209"/>
        <source>identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="210"/>
        <location filename="../src/app/identitycommand.cpp" line="249"/>
        <source>add, list or remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="212"/>
        <source>The account that sends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="214"/>
        <source>The From address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="216"/>
        <source>The From name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="218"/>
        <source>alias or delegated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="221"/>
        <source>send-as, or on-behalf (adds a Sender: header naming you).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="224"/>
        <source>Save sent copies here (e.g. the delegator&apos;s shared Sent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="226"/>
        <source>account:email, for remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="241"/>
        <source>no configured identity &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="242"/>
        <source>removed identity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="248"/>
        <source>profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="251"/>
        <source>Profile name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="252"/>
        <source>Show this account (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="255"/>
        <source>Show this one mailbox, e.g. work:Shared/boss/INBOX (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="257"/>
        <source>Default identity for new messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="271"/>
        <source>no profile named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/identitycommand.cpp" line="272"/>
        <source>removed profile %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::IdentityStore</name>
    <message>
        <location filename="../src/store/identitystore.cpp" line="106"/>
        <source>there is no account named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/identitystore.cpp" line="110"/>
        <source>%1 is the account&apos;s own address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/identitystore.cpp" line="111"/>
        <source>%1 is not the account&apos;s own address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/identitystore.cpp" line="116"/>
        <source>identity %1 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/identitystore.cpp" line="129"/>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::IdleWatcher</name>
    <message>
        <location filename="../src/imap/idlewatcher.cpp" line="45"/>
        <source>live updates: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/idlewatcher.cpp" line="114"/>
        <source>cannot watch %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/idlewatcher.cpp" line="119"/>
        <source>%1 refused live updates: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::ImapClient</name>
    <message>
        <location filename="../src/imap/imapclient.cpp" line="49"/>
        <source>no answer from %1 within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapclient.cpp" line="60"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapclient.cpp" line="63"/>
        <source>%1: the server&apos;s certificate is not trusted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapclient.cpp" line="105"/>
        <source>no PEM certificate could be read from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapclient.cpp" line="183"/>
        <source>%1 sent a response too long to be IMAP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapclient.cpp" line="188"/>
        <source>%1 announced an impossible literal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapclient.cpp" line="235"/>
        <location filename="../src/imap/imapclient.cpp" line="305"/>
        <source>%1 closed the connection: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapclient.cpp" line="268"/>
        <source>%1 skipped the login, so the connection cannot be encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapclient.cpp" line="276"/>
        <source>%1 did not greet as an IMAP server: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapclient.cpp" line="317"/>
        <source>%1 refused STARTTLS: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapclient.cpp" line="324"/>
        <source>%1 sent data before the TLS handshake; the connection is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapclient.cpp" line="334"/>
        <source>%1 rejected the login: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::ImapConnection</name>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="111"/>
        <source>no PEM certificate could be read from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="138"/>
        <location filename="../src/imap/imapconnection.cpp" line="317"/>
        <source>no answer from %1 within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="211"/>
        <source>the connection to %1 was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="273"/>
        <source>%1: CAPABILITY failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="311"/>
        <source>TLS: the certificate of %1 is not trusted (add it with --ca-file if you trust this server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="321"/>
        <location filename="../src/imap/imapconnection.cpp" line="330"/>
        <source>cannot connect to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="325"/>
        <source>TLS with %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="329"/>
        <source>%1 closed the connection during login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="333"/>
        <source>login as %1 at %2 was rejected: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/imapconnection.cpp" line="336"/>
        <source>cannot connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/examine.cpp" line="17"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/examine.cpp" line="29"/>
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
        <location filename="../src/imap/mailboxsync.cpp" line="54"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/mailboxsync.cpp" line="106"/>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/mailboxsyncfetch.cpp" line="102"/>
        <location filename="../src/imap/mailboxsyncfetch.cpp" line="133"/>
        <source>fetching %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/mailboxsync.cpp" line="264"/>
        <source>fetching flags of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/mailboxsyncfetch.cpp" line="201"/>
        <source>fetching messages of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/mailboxsyncfetch.cpp" line="230"/>
        <source>fetching new messages of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/mailboxsync.cpp" line="312"/>
        <source>cache: cannot count %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MailboxTreeModel</name>
    <message>
        <location filename="../src/models/mailboxtreemodel.cpp" line="125"/>
        <source>All Inboxes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/mailboxtreemodel.cpp" line="125"/>
        <source>All Inboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/mailboxtreemodel.cpp" line="129"/>
        <source>The inboxes of %1 together</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MainWindow</name>
    <message numerus="yes">
        <location filename="../src/gui/mainwindow.cpp" line="100"/>
        <source>%n message(s) match “%1”</source>
        <translation>
            <numerusform>%n message matches “%1”</numerusform>
            <numerusform>%n messages match “%1”</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="102"/>
        <source>(asking the server…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="115"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="135"/>
        <source>%1 — Tidings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="136"/>
        <source>%1 — %2 — Tidings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="143"/>
        <source>Select a message to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="164"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="193"/>
        <source>&amp;Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="194"/>
        <source>Write a new message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="197"/>
        <source>&amp;Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="198"/>
        <source>Reply to the sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="199"/>
        <source>Reply &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="200"/>
        <source>Reply to everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="201"/>
        <source>&amp;Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="202"/>
        <source>Forward the message with its attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="203"/>
        <source>Forward as a&amp;ttachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="205"/>
        <source>Forward the message itself, attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="238"/>
        <location filename="../src/gui/mainwindow.cpp" line="252"/>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="240"/>
        <source>Messages on their way out, and those that were not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="253"/>
        <source>Outbox (%1) ⚠</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="254"/>
        <source>Outbox (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="296"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="297"/>
        <source>Profile: which accounts and mailboxes show, and who you write as (Ctrl+1…9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/mainwindow.cpp" line="299"/>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MessageActions</name>
    <message>
        <location filename="../src/gui/messageactions.cpp" line="29"/>
        <source>Mark as &amp;Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageactions.cpp" line="31"/>
        <source>Mark as &amp;Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageactions.cpp" line="33"/>
        <source>&amp;Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageactions.cpp" line="35"/>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageactions.cpp" line="37"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageactions.cpp" line="40"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageactions.cpp" line="158"/>
        <source>Change undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageactions.cpp" line="168"/>
        <source>Cannot move</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MessageComposer</name>
    <message>
        <location filename="../src/models/messagecomposer.cpp" line="131"/>
        <source>no recipient</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MessageDocument</name>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="82"/>
        <source>the message is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="92"/>
        <source>not a mail message: no From, To, Subject, Date or Message-ID header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="198"/>
        <source>Unnamed part %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="275"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="277"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="279"/>
        <source>Cc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="281"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="293"/>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagedocument.cpp" line="294"/>
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
        <location filename="../src/app/messagefilecommand.cpp" line="112"/>
        <source>Tidings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/messagefilecommand.cpp" line="122"/>
        <source>%1 — Tidings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/messagefilecommand.cpp" line="124"/>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/messagefilecommand.cpp" line="147"/>
        <source>usage: tidings export-pdf FILE.eml OUT.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/messagefilecommand.cpp" line="160"/>
        <source>%1: the message could not be rendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/messagefilecommand.cpp" line="175"/>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/messagefilecommand.cpp" line="180"/>
        <source>%1: rendering took too long</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MessageListModel</name>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="193"/>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="198"/>
        <source> (%1 unread of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="199"/>
        <source> (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="218"/>
        <source>, unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="233"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="235"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="237"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/messagelistmodel.cpp" line="239"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::MessageViewer</name>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="80"/>
        <source>Load once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="103"/>
        <source>Remote content blocked. Loading it tells the sender you read this message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="115"/>
        <source>All headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="119"/>
        <source>Show every header field as the message was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="172"/>
        <source>Select a message to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="270"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="271"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="272"/>
        <source>Cc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="274"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="285"/>
        <source>%1, on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="292"/>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="293"/>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="304"/>
        <source>Always for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="312"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="313"/>
        <source>Save As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="325"/>
        <location filename="../src/gui/messageviewer.cpp" line="332"/>
        <location filename="../src/gui/messageviewer.cpp" line="338"/>
        <source>Save Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="336"/>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="357"/>
        <source>Could not download %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="362"/>
        <source>this attachment is not in the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="387"/>
        <source>Downloading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="408"/>
        <location filename="../src/gui/messageviewer.cpp" line="415"/>
        <location filename="../src/gui/messageviewer.cpp" line="420"/>
        <location filename="../src/gui/messageviewer.cpp" line="427"/>
        <source>Open Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="409"/>
        <source>%1 may be a program. Opening it can run it with your rights. Open it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="421"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/messageviewer.cpp" line="428"/>
        <source>No application is set up to open %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::Outbox</name>
    <message>
        <location filename="../src/core/outboxentry.cpp" line="12"/>
        <source>waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/outboxentry.cpp" line="14"/>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/outboxentry.cpp" line="16"/>
        <source>sent, not yet saved to Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/outboxentry.cpp" line="18"/>
        <source>sent and saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/outboxentry.cpp" line="20"/>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/outboxentry.cpp" line="22"/>
        <source>not sent: refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/outboxentry.cpp" line="24"/>
        <source>interrupted while sending: it may or may not have gone out; check the recipient&apos;s copy or your Sent mailbox before sending it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/outbox.cpp" line="189"/>
        <source>outbox message %1 is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/outbox.cpp" line="192"/>
        <source>gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/outbox.cpp" line="289"/>
        <source>Tidings stopped while this message was being sent: it may or may not have gone out. It will not be sent again unless you choose to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/store/outbox.cpp" line="340"/>
        <source>outbox message %1 is being sent and cannot be discarded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::OutboxDialog</name>
    <message>
        <location filename="../src/gui/outboxdialog.cpp" line="38"/>
        <source>Send &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/outboxdialog.cpp" line="39"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/outboxdialog.cpp" line="40"/>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/outboxdialog.cpp" line="43"/>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/outboxdialog.cpp" line="48"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/outboxdialog.cpp" line="48"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/outboxdialog.cpp" line="48"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/outboxdialog.cpp" line="76"/>
        <source>“%1” may already have reached its recipients. Send it again anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/outboxdialog.cpp" line="107"/>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/outboxdialog.cpp" line="112"/>
        <source>waiting; next try at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/outboxdialog.cpp" line="152"/>
        <source>Nothing is waiting to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/gui/outboxdialog.cpp" line="159"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tidings::OutboxRunner</name>
    <message>
        <location filename="../src/models/outboxrunner.cpp" line="278"/>
        <source>Sent, but not saved to Sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/outboxrunner.cpp" line="317"/>
        <source>changes to messages cannot be kept (no action queue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/outboxrunner.cpp" line="319"/>
        <source>Sent, but the replied message was not marked as answered: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::Parser</name>
    <message>
        <location filename="../src/imap/bodystructure.cpp" line="37"/>
        <source>the MIME structure is nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/bodystructure.cpp" line="39"/>
        <source>a body part does not start with &apos;(&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/bodystructure.cpp" line="75"/>
        <source>a multipart has no subtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/bodystructure.cpp" line="90"/>
        <source>a body part has no media type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/bodystructure.cpp" line="102"/>
        <source>the fields of part %1 are incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/bodystructure.cpp" line="110"/>
        <source>the envelope of message part %1 is unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/bodystructure.cpp" line="118"/>
        <source>message part %1 has no line count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/bodystructure.cpp" line="126"/>
        <source>text part %1 has no line count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/bodystructure.cpp" line="131"/>
        <source>part %1 ends early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/bodystructure.cpp" line="145"/>
        <source>part %1 is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/bodystructure.cpp" line="155"/>
        <location filename="../src/imap/bodystructure.cpp" line="160"/>
        <source>the disposition of part %1 is unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/bodystructure.cpp" line="171"/>
        <location filename="../src/imap/bodystructure.cpp" line="177"/>
        <source>a parameter list is unreadable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::PartFetcher</name>
    <message>
        <location filename="../src/imap/partfetcher.cpp" line="96"/>
        <source>%1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/partfetcher.cpp" line="104"/>
        <source>the server refused to send the message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/partfetcher.cpp" line="106"/>
        <source>the message is no longer on the server (deleted or moved by another client)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::Profile</name>
    <message>
        <location filename="../src/core/profile.cpp" line="27"/>
        <source>a profile needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/profile.cpp" line="29"/>
        <source>a profile name cannot contain &apos;/&apos; or &apos;\&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/profile.cpp" line="32"/>
        <source>profile &apos;%1&apos; shows no account and no mailbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::ProfileStore</name>
    <message>
        <location filename="../src/store/profilestore.cpp" line="97"/>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::ReplyBuilder</name>
    <message>
        <location filename="../src/models/replybuilder.cpp" line="131"/>
        <source>an unknown date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/replybuilder.cpp" line="158"/>
        <source>message.eml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/replybuilder.cpp" line="158"/>
        <source>attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/replybuilder.cpp" line="174"/>
        <source>message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/replybuilder.cpp" line="180"/>
        <source>---------- Forwarded message ----------</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/replybuilder.cpp" line="182"/>
        <source>From: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/replybuilder.cpp" line="183"/>
        <source>Date: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/replybuilder.cpp" line="184"/>
        <source>Subject: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/replybuilder.cpp" line="185"/>
        <source>To: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/replybuilder.cpp" line="187"/>
        <source>Cc: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/replybuilder.cpp" line="227"/>
        <source>the original is not a mail message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/replybuilder.cpp" line="284"/>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/replybuilder.cpp" line="285"/>
        <source>On %1, %2 wrote:</source>
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
    <name>Tidings::SendCommand</name>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="54"/>
        <source>--%1 &apos;%2&apos; is not an e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="67"/>
        <source>--attach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="82"/>
        <source>no accounts: add one with &quot;tidings account add&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="87"/>
        <source>there are %1 accounts: choose the sender with --identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="99"/>
        <source>no identity &apos;%1&apos; (give an address or account:address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="121"/>
        <source>send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="124"/>
        <source>Send as this identity (address or account:address).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="126"/>
        <source>Recipient (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="127"/>
        <source>Copy recipient (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="129"/>
        <source>Blind copy recipient (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="131"/>
        <source>Attach a file (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="133"/>
        <source>Subject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="138"/>
        <source>send needs --to and --subject; the body is read from standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="162"/>
        <source>identity %1 names no account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="165"/>
        <source>cannot read standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="209"/>
        <location filename="../src/app/sendcommand.cpp" line="235"/>
        <source>the message was not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/app/sendcommand.cpp" line="213"/>
        <source>sent &lt;%1&gt; as %2 to %n recipient(s)</source>
        <translation>
            <numerusform>sent &lt;%1&gt; as %2 to %n recipient</numerusform>
            <numerusform>sent &lt;%1&gt; as %2 to %n recipients</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/app/sendcommand.cpp" line="225"/>
        <location filename="../src/app/sendcommand.cpp" line="228"/>
        <source>not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::SentAppender</name>
    <message>
        <location filename="../src/imap/sentappender.cpp" line="40"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/sentappender.cpp" line="68"/>
        <source>the account has no Sent mailbox (none is marked \Sent); choose one for the identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/sentappender.cpp" line="84"/>
        <source>cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/sentappender.cpp" line="91"/>
        <source>cannot search %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/imap/sentappender.cpp" line="110"/>
        <source>cannot append to %1</source>
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
    <name>Tidings::TrayIcon</name>
    <message>
        <location filename="../src/gui/trayicon.cpp" line="47"/>
        <source>Show Tidings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/trayicon.cpp" line="51"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/trayicon.cpp" line="62"/>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/gui/trayicon.cpp" line="67"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tidings::Workspace</name>
    <message>
        <location filename="../src/models/workspaceconnect.cpp" line="41"/>
        <source>No accounts yet: add one with &quot;tidings account add&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceconnect.cpp" line="55"/>
        <source>%1: connecting to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceconnect.cpp" line="129"/>
        <source>%1: connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/models/workspaceconnect.cpp" line="155"/>
        <source>%1: %n mailbox(es)</source>
        <translation>
            <numerusform>%1: %n mailbox</numerusform>
            <numerusform>%1: %n mailboxes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="71"/>
        <location filename="../src/models/workspaceactions.cpp" line="162"/>
        <location filename="../src/models/workspaceconnect.cpp" line="172"/>
        <location filename="../src/models/workspacelist.cpp" line="238"/>
        <location filename="../src/models/workspacelist.cpp" line="246"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="72"/>
        <source>%1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="82"/>
        <source>%1: changes wait until the server accepts the login (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="83"/>
        <source>%1: changes wait until the server can be reached (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceconnect.cpp" line="184"/>
        <source>%1: live updates interrupted, reconnecting: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceconnect.cpp" line="185"/>
        <source>%1: live updates stopped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacelist.cpp" line="212"/>
        <source>%1: not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacelist.cpp" line="221"/>
        <source>Updating %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/models/workspacelist.cpp" line="262"/>
        <source>All Inboxes: %n message(s)</source>
        <translation>
            <numerusform>All Inboxes: %n message</numerusform>
            <numerusform>All Inboxes: %n messages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/models/workspaceopen.cpp" line="58"/>
        <source>This message is no longer listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceopen.cpp" line="65"/>
        <source>This message has not been downloaded yet and %1 is offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceopen.cpp" line="204"/>
        <location filename="../src/models/workspacecompose.cpp" line="118"/>
        <source>Open a message first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceopen.cpp" line="218"/>
        <source>This message is not in the cache any more; open it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceopen.cpp" line="227"/>
        <source>This attachment has not been downloaded yet and %1 is offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceopen.cpp" line="242"/>
        <source>the server sent no part %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspace.cpp" line="170"/>
        <source>%1: offline, showing matches in downloaded mail only</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/models/workspacelist.cpp" line="263"/>
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1: %n message</numerusform>
            <numerusform>%1: %n messages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/models/workspaceactions.cpp" line="49"/>
        <source>Messages can only be moved to folders of their own account: this one is in %1, %2 belongs to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceactions.cpp" line="102"/>
        <source>%1: no %2 folder is known on the server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceactions.cpp" line="109"/>
        <source>The messages are in %1 already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceactions.cpp" line="193"/>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceactions.cpp" line="204"/>
        <source>Undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceactions.cpp" line="227"/>
        <source>%1: the server refused a change, it was undone: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="53"/>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="57"/>
        <source>“%1” is waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="58"/>
        <source>“%1” waits (%2); next try at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="64"/>
        <source>Sending “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="68"/>
        <source>“%1” was sent; saving the copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="69"/>
        <source>“%1” was sent, but not saved to Sent (%2); retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="76"/>
        <location filename="../src/models/workspacecompose.cpp" line="79"/>
        <source>Sent “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="82"/>
        <source>“%1” was not sent: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="85"/>
        <source>“%1” may or may not have been sent (%2); check the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/models/workspacecompose.cpp" line="96"/>
        <source>%n message(s) were being sent when Tidings stopped and may not have gone out; see the outbox</source>
        <translation>
            <numerusform>%n message was being sent when Tidings stopped and may not have gone out; see the outbox</numerusform>
            <numerusform>%n messages were being sent when Tidings stopped and may not have gone out; see the outbox</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="123"/>
        <source>The message is still being downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="127"/>
        <source>Some attachments of this message are still on the server: open or save them first, then forward it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="165"/>
        <source>there is no identity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="172"/>
        <source>this message is being sent or was sent already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="211"/>
        <source>The sent message&apos;s draft could not be removed from Drafts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="279"/>
        <source>Drafts are kept on this computer only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="391"/>
        <source>This message was sent already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspacecompose.cpp" line="399"/>
        <source>the draft of this message is gone; it can be sent again or discarded, not edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/models/workspaceprofiles.cpp" line="16"/>
        <source>no profile named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/commandline.cpp" line="93"/>
        <source>Start in this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/commandline.cpp" line="122"/>
        <source>Profile directory (default: $TIDINGS_CONFIG_DIR or the user&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/commandline.cpp" line="164"/>
        <source>account add|list|remove|check, identity, profile, sync, send, export-pdf, FILE.eml; nothing to start the GUI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/app/commandline.cpp" line="90"/>
        <source>Tidings mail client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
