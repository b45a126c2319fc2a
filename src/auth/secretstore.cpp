// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/secretstore.h"
#include "store/configdir.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <qt6keychain/keychain.h>

namespace Tidings {

namespace {
const QString ServiceBase = QStringLiteral("Tidings");

Error keychainError(QKeychain::Job *job, const QString &key)
{
    switch (job->error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return {ErrorKind::Authentication,
                QCoreApplication::translate("Tidings::SecretStore",
                                            "no password stored for %1 in the keychain")
                    .arg(key)};
    default:
        return {ErrorKind::Authentication,
                QCoreApplication::translate("Tidings::SecretStore", "keychain error for %1: %2")
                    .arg(key, job->errorString())};
    }
}
} // namespace

SecretStore::SecretStore(const QString &configDir, QObject *parent)
    : QObject(parent)
    , m_service(ServiceBase)
{
    if (!isDefaultConfigDir(configDir)) {
        const QByteArray digest =
            QCryptographicHash::hash(configDir.toUtf8(), QCryptographicHash::Sha256).toHex();
        m_service += QLatin1Char(':') + QString::fromLatin1(digest.left(12));
    }
}

void SecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, context, [key, done](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        done(read->textData(), keychainError(j, key));
    });
    job->start();
}

void SecretStore::write(const QString &key, const QString &secret, QObject *context,
                        DoneCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, context,
            [key, done](QKeychain::Job *j) { done(keychainError(j, key)); });
    job->start();
}

void SecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, context, [key, done](QKeychain::Job *j) {
        // Removing what is not there is what the caller wanted anyway.
        done(j->error() == QKeychain::EntryNotFound ? Error{} : keychainError(j, key));
    });
    job->start();
}

} // namespace Tidings
