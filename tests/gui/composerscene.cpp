// SPDX-License-Identifier: GPL-3.0-or-later
#include "composerscene.h"
#include "fixtures/accountsetup.h"

#include "fixtures/mailgenerator.h"
#include "store/configdir.h"
#include "store/database.h"
#include "store/draftstore.h"
#include "store/identitystore.h"
#include "store/profilestore.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QSignalSpy>
#include <QTest>

using namespace Tidings;

namespace TidingsTest::Composer {

QString ComposerScene::setUp()
{
    if (!m_keyring.start())
        return m_keyring.error();
    m_dovecot.addUser(Assistant, Password);
    m_dovecot.addUser(Boss, QStringLiteral("boss-pw"));
    m_dovecot.addUser(Bob, QStringLiteral("bob-pw"));
    const MailGenerator gen(QStringLiteral("Boss"), Boss);
    const bool seeded =
        m_dovecot.deliver(
            Boss, QStringLiteral("INBOX"),
            gen.message(QStringLiteral("Bob Fischer"), Bob, Boss, QStringLiteral("Budget 2027"),
                        QStringLiteral("Can we meet on Monday about the budget?"),
                        QDateTime::currentDateTimeUtc().addSecs(-3600), "<budget@example.test>")) &&
        m_dovecot.createMailbox(Boss, QStringLiteral("Sent")) &&
        m_dovecot.share(Boss, QStringLiteral("INBOX"), Assistant, QStringLiteral("lrswi")) &&
        m_dovecot.share(Boss, QStringLiteral("Sent"), Assistant, QStringLiteral("lrswi")) &&
        m_dovecot.createMailbox(Assistant, QStringLiteral("Sent")) &&
        m_dovecot.createMailbox(Assistant, QStringLiteral("Drafts"));
    if (!seeded)
        return QStringLiteral("could not seed the mailboxes");
    if (!m_dovecot.start())
        return m_dovecot.error();
    m_postfix = std::make_unique<PostfixServer>(m_dovecot);
    m_postfix->allowSender(Assistant, {Assistant, Boss});
    if (!m_postfix->start())
        return m_postfix->error();

    const QString config = m_profile.path();
    if (const Error e = addAccountWithPassword(config, account(), Password, WaitMs); e.isError())
        return e.message;
    Identity own;
    own.account = QStringLiteral("work");
    own.email = Assistant;
    own.displayName = QStringLiteral("Ann Assistant");
    own.signature = QStringLiteral("Ann");
    if (const Error e = IdentityStore(config).add(own, true); e.isError())
        return e.message;
    Identity boss;
    boss.account = QStringLiteral("work");
    boss.email = Boss;
    boss.displayName = QStringLiteral("The Boss");
    boss.kind = IdentityKind::Delegated;
    boss.mode = DelegationMode::OnBehalf;
    boss.sentMailbox = QStringLiteral("Shared/%1/Sent").arg(Boss);
    boss.signature = QStringLiteral("Ann, for the Boss");
    if (const Error e = IdentityStore(config).add(boss); e.isError())
        return e.message;
    // An alias the SMTP server does not let this login use (no sender-login entry).
    Identity sales;
    sales.account = QStringLiteral("work");
    sales.email = Sales;
    sales.kind = IdentityKind::Alias;
    if (const Error e = IdentityStore(config).add(sales); e.isError())
        return e.message;
    Profile mine{QStringLiteral("Mine"), {QStringLiteral("work")}, {}, {}, {}};
    Profile bossView{QStringLiteral("Boss"),
                     {},
                     {{QStringLiteral("work"), QStringLiteral("Shared/%1/INBOX").arg(Boss)}},
                     QStringLiteral("work:") + Boss,
                     {}};
    if (const Error e = ProfileStore(config).save(mine); e.isError())
        return e.message;
    if (const Error e = ProfileStore(config).save(bossView); e.isError())
        return e.message;

    // A draft Tidings saved on this computer but never got to the server (it stopped
    // first): the next start puts it into Drafts.
    {
        Database db(cacheDatabasePath(config));
        if (const Error e = db.open(); e.isError())
            return e.message;
        Draft lost;
        lost.identity = QStringLiteral("work:") + Assistant;
        lost.subject = QStringLiteral("Written before a crash");
        lost.plainBody = QStringLiteral("Nothing typed is lost.");
        if (const Error e = DraftStore(db).save(lost); e.isError())
            return e.message;
    }
    m_workspace = std::make_unique<Workspace>(config);
    if (const Error e = m_workspace->setProfile(QStringLiteral("Mine")); e.isError())
        return e.message;
    m_window = std::make_unique<MainWindow>(m_workspace.get());
    m_window->resize(1100, 650);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return QStringLiteral("the main window was not shown");
    QSignalSpy loaded(m_workspace.get(), &Workspace::messagesLoaded);
    m_workspace->connectAll();
    if (!loaded.wait(WaitMs))
        return QStringLiteral("INBOX was not loaded");
    return {};
}

void ComposerScene::closeLeftovers()
{
    for (ComposerWindow *c : openComposers())
        c->close();
    if (auto *dialog =
            m_window ? m_window->findChild<QDialog *>(QStringLiteral("outboxDialog")) : nullptr)
        dialog->close();
    QCoreApplication::processEvents();
}

Account ComposerScene::account() const
{
    Account a;
    a.name = QStringLiteral("work");
    a.email = Assistant;
    a.displayName = QStringLiteral("Ann Assistant");
    a.imap = {QStringLiteral("127.0.0.1"), m_dovecot.imapPort(), Security::StartTls};
    a.smtp = {QStringLiteral("127.0.0.1"), m_postfix->smtpPort(), Security::StartTls};
    a.caFile = m_dovecot.certificatePath();
    a.timeoutSeconds = 30;
    return a;
}

QList<QByteArray> ComposerScene::messagesWith(const QString &user, const QString &mailbox,
                                              const QByteArray &needle) const
{
    QString dir = m_dovecot.dir() + QStringLiteral("/home/") + user + QStringLiteral("/Maildir");
    if (mailbox != QLatin1String("INBOX"))
        dir += QStringLiteral("/.") + mailbox;
    QList<QByteArray> found;
    for (const char *sub : {"/new", "/cur"}) {
        const QDir d(dir + QLatin1String(sub));
        for (const QString &name : d.entryList(QDir::Files)) {
            const QByteArray content = readFile(d.filePath(name));
            if (content.contains(needle))
                found.append(content);
        }
    }
    return found;
}

QList<ComposerWindow *> ComposerScene::openComposers()
{
    QList<ComposerWindow *> open;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *c = qobject_cast<ComposerWindow *>(w); c && c->isVisible())
            open.append(c);
    }
    return open;
}

ComposerWindow *ComposerScene::composerAfter(const std::function<void()> &open)
{
    const QList<ComposerWindow *> before = openComposers();
    open();
    for (ComposerWindow *c : openComposers()) {
        if (!before.contains(c))
            return c;
    }
    return nullptr;
}
ComposerWindow *ComposerScene::composerAfter(QAction *action)
{
    return composerAfter([action] { action->trigger(); });
}

bool ComposerScene::waitForSent(const QString &subject)
{
    QSignalSpy changed(m_workspace.get(), &Workspace::outboxChanged);
    return QTest::qWaitFor(
        [&] {
            for (const QList<QVariant> &args : std::as_const(changed)) {
                const auto e = args.at(0).value<OutboxEntry>();
                if (e.subject == subject &&
                    (e.state == OutboxState::Saved || e.state == OutboxState::Done))
                    return true;
                if (e.subject == subject && e.state == OutboxState::Failed) {
                    qWarning("send failed: %s", qPrintable(e.lastError));
                    return true;
                }
            }
            return false;
        },
        WaitMs);
}

} // namespace TidingsTest::Composer
