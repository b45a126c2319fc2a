// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/mailboxtreemodel.h"
#include "models/profilefiltermodel.h"
#include "store/accountstore.h"
#include "store/identitystore.h"
#include "store/profilestore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Tidings;

namespace {
Account account(const QString &name, const QString &email)
{
    Account a;
    a.name = name;
    a.email = email;
    a.displayName = name + QStringLiteral(" Person");
    a.imap = {QStringLiteral("127.0.0.1"), 143, Security::None};
    return a;
}

Identity delegated(const QString &account, const QString &email, DelegationMode mode)
{
    Identity i;
    i.account = account;
    i.email = email;
    i.displayName = QStringLiteral("The Boss");
    i.kind = IdentityKind::Delegated;
    i.mode = mode;
    i.sentMailbox = QStringLiteral("Shared/boss@example.test/Sent");
    return i;
}

Mailbox mailbox(const QString &path, NamespaceKind ns = NamespaceKind::Personal)
{
    Mailbox m;
    m.path = path;
    m.namespaceKind = ns;
    return m;
}

QStringList labels(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        out.append(i.data(MailboxTreeModel::MailboxPathRole).toString().isEmpty()
                       ? i.data(MailboxTreeModel::AccountRole).toString()
                       : i.data(MailboxTreeModel::MailboxPathRole).toString());
        out += labels(model, i);
    }
    return out;
}
} // namespace

class TestIdentities : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ownIdentityComesFromTheAccount()
    {
        QTemporaryDir dir;
        QVERIFY(!AccountStore(dir.path())
                     .add(account(QStringLiteral("work"), QStringLiteral("me@example.test")))
                     .isError());
        const QList<Identity> all = IdentityStore(dir.path()).identities();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.constFirst().kind, IdentityKind::Own);
        QCOMPARE(all.constFirst().key(), QStringLiteral("work:me@example.test"));
        QCOMPARE(all.constFirst().displayName, QStringLiteral("work Person"));

        // The own identity's signature is kept; adding it again changes it, not duplicates it.
        Identity own = all.constFirst();
        own.signature = QStringLiteral("Me\nexample.test");
        QVERIFY(!IdentityStore(dir.path()).add(own, true).isError());
        const QList<Identity> again = IdentityStore(dir.path()).identities();
        QCOMPARE(again.size(), 1);
        QCOMPARE(again.constFirst().signature, own.signature);
    }

    void aliasesAndDelegatesRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(!AccountStore(dir.path())
                     .add(account(QStringLiteral("work"), QStringLiteral("me@example.test")))
                     .isError());
        IdentityStore store(dir.path());
        Identity alias;
        alias.account = QStringLiteral("work");
        alias.email = QStringLiteral("sales@example.test");
        alias.kind = IdentityKind::Alias;
        QVERIFY(!store.add(alias).isError());
        QVERIFY(!store
                     .add(delegated(QStringLiteral("work"), QStringLiteral("boss@example.test"),
                                    DelegationMode::OnBehalf))
                     .isError());
        // Twice the same key is refused unless replacing.
        QCOMPARE(store.add(alias).kind, ErrorKind::BadInput);

        const QList<Identity> all = IdentityStore(dir.path()).identitiesOf(QStringLiteral("work"));
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).kind, IdentityKind::Own);
        const auto boss = findIdentity(all, QStringLiteral("boss@example.test"));
        QVERIFY(boss);
        QCOMPARE(boss->kind, IdentityKind::Delegated);
        QCOMPARE(boss->mode, DelegationMode::OnBehalf);
        QCOMPARE(boss->sentMailbox, QStringLiteral("Shared/boss@example.test/Sent"));
        QVERIFY(boss->label().contains(QLatin1String("on behalf")));
        // On behalf names the account owner in Sender:; send-as does not.
        const Address owner{QStringLiteral("Me"), QStringLiteral("me@example.test")};
        QCOMPARE(boss->sender(owner)->email, owner.email);
        QVERIFY(!delegated(QStringLiteral("work"), QStringLiteral("b@example.test"),
                           DelegationMode::SendAs)
                     .sender(owner));

        QVERIFY(store.remove(boss->key()));
        QCOMPARE(IdentityStore(dir.path()).identities().size(), 2);
    }

    void badIdentitiesAreRefused()
    {
        QTemporaryDir dir;
        QVERIFY(!AccountStore(dir.path())
                     .add(account(QStringLiteral("work"), QStringLiteral("me@example.test")))
                     .isError());
        IdentityStore store(dir.path());
        Identity i;
        i.account = QStringLiteral("nope");
        i.email = QStringLiteral("x@example.test");
        i.kind = IdentityKind::Alias;
        QVERIFY(store.add(i).message.contains(QLatin1String("nope")));
        i.account = QStringLiteral("work");
        i.email = QStringLiteral("not an address");
        QVERIFY(store.add(i).message.contains(QLatin1String("not an e-mail address")));
        i.email = QStringLiteral("ME@example.test"); // the own address as an alias
        QVERIFY(store.add(i).message.contains(QLatin1String("own address")));
        i.email = QStringLiteral("alias@example.test");
        i.mode = DelegationMode::OnBehalf; // only delegated identities act on behalf
        QVERIFY(store.add(i).isError());
        QCOMPARE(store.identities().size(), 1);
    }

    void findIdentityRefusesAmbiguousAddresses()
    {
        Identity a;
        a.account = QStringLiteral("one");
        a.email = QStringLiteral("shared@example.test");
        Identity b = a;
        b.account = QStringLiteral("two");
        QVERIFY(!findIdentity({a, b}, QStringLiteral("shared@example.test")));
        QCOMPARE(findIdentity({a, b}, QStringLiteral("two:shared@example.test"))->account,
                 QStringLiteral("two"));
        QCOMPARE(findIdentity({a}, QStringLiteral("SHARED@example.test"))->account,
                 QStringLiteral("one"));
    }

    void replyIdentityFollowsTheRecipients()
    {
        Identity own;
        own.account = QStringLiteral("work");
        own.email = QStringLiteral("me@example.test");
        Identity alias = own;
        alias.email = QStringLiteral("sales@example.test");
        alias.kind = IdentityKind::Alias;
        const QList<Identity> ids{own, alias};
        // To comes before Cc: the first of our addresses among the recipients wins.
        QCOMPARE(identityForReply(ids, {{{}, QStringLiteral("x@example.test")},
                                        {{}, QStringLiteral("Sales@Example.test")},
                                        {{}, QStringLiteral("me@example.test")}})
                     ->email,
                 alias.email);
        QVERIFY(!identityForReply(ids, {{{}, QStringLiteral("x@example.test")}}));
    }

    void profilesKeepTheirOrder()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        Profile boss;
        boss.name = QStringLiteral("Boss");
        boss.mailboxes = {{QStringLiteral("work"), QStringLiteral("Shared/boss/INBOX")}};
        boss.defaultIdentity = QStringLiteral("work:boss@example.test");
        boss.signature = QStringLiteral("On behalf of the boss");
        Profile mine;
        mine.name = QStringLiteral("Mine");
        mine.accounts = {QStringLiteral("work"), QStringLiteral("home")};
        QVERIFY(!store.save(mine).isError());
        QVERIFY(!store.save(boss).isError());
        mine.accounts = {QStringLiteral("home")};
        QVERIFY(!store.save(mine).isError()); // replaced in place, not moved to the end

        const QList<Profile> all = ProfileStore(dir.path()).profiles();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).name, QStringLiteral("Mine"));
        QCOMPARE(all.at(0).accounts, QStringList{QStringLiteral("home")});
        QCOMPARE(all.at(1).mailboxes, boss.mailboxes);
        QCOMPARE(all.at(1).defaultIdentity, boss.defaultIdentity);
        QCOMPARE(all.at(1).signature, boss.signature);

        Profile empty;
        empty.name = QStringLiteral("Nothing");
        QVERIFY(store.save(empty).isError());
        QVERIFY(store.remove(QStringLiteral("Mine")));
        QCOMPARE(ProfileStore(dir.path()).profiles().size(), 1);
    }

    void profileFilterShowsOnlyTheProfile()
    {
        MailboxTreeModel tree;
        tree.addAccount(QStringLiteral("work"), QStringLiteral("Work"));
        tree.addAccount(QStringLiteral("home"), QStringLiteral("Home"));
        tree.setMailboxes(QStringLiteral("work"),
                          {mailbox(QStringLiteral("INBOX")), mailbox(QStringLiteral("Sent")),
                           mailbox(QStringLiteral("Shared"), NamespaceKind::Shared),
                           mailbox(QStringLiteral("Shared/boss"), NamespaceKind::Shared),
                           mailbox(QStringLiteral("Shared/boss/INBOX"), NamespaceKind::Shared),
                           mailbox(QStringLiteral("Shared/boss/Sent"), NamespaceKind::Shared)});
        tree.setMailboxes(QStringLiteral("home"), {mailbox(QStringLiteral("INBOX"))});
        ProfileFilterModel filter(&tree);
        QCOMPARE(labels(filter).size(), 9);

        Profile boss;
        boss.name = QStringLiteral("Boss");
        boss.mailboxes = {{QStringLiteral("work"), QStringLiteral("Shared/boss/INBOX")}};
        filter.setProfile(boss);
        // The boss's INBOX with the folders above it, nothing else of either account.
        QCOMPARE(labels(filter),
                 (QStringList{QStringLiteral("work"), QStringLiteral("Shared"),
                              QStringLiteral("Shared/boss"), QStringLiteral("Shared/boss/INBOX")}));
        QCOMPARE(filter.firstMailbox().data(MailboxTreeModel::MailboxPathRole).toString(),
                 QStringLiteral("Shared/boss/INBOX"));

        Profile home;
        home.name = QStringLiteral("Home");
        home.accounts = {QStringLiteral("home")};
        filter.setProfile(home);
        QCOMPARE(labels(filter), (QStringList{QStringLiteral("home"), QStringLiteral("INBOX")}));
        QCOMPARE(filter.firstMailbox().data(MailboxTreeModel::AccountRole).toString(),
                 QStringLiteral("home"));

        filter.setProfile(std::nullopt);
        QCOMPARE(labels(filter).size(), 9);

        // Mailboxes listed after the profile was chosen show too, under their account.
        MailboxTreeModel later;
        later.addAccount(QStringLiteral("work"), QStringLiteral("Work"));
        ProfileFilterModel laterFilter(&later);
        laterFilter.setProfile(boss);
        QCOMPARE(laterFilter.rowCount(), 0);
        later.setMailboxes(QStringLiteral("work"),
                           {mailbox(QStringLiteral("INBOX")),
                            mailbox(QStringLiteral("Shared"), NamespaceKind::Shared),
                            mailbox(QStringLiteral("Shared/boss"), NamespaceKind::Shared),
                            mailbox(QStringLiteral("Shared/boss/INBOX"), NamespaceKind::Shared)});
        QCOMPARE(labels(laterFilter).size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestIdentities)
#include "test_identities.moc"
