// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QObject>
#include <QString>
#include <functional>

namespace Tidings {

// Passwords and tokens in the OS keychain (Secret Service, Keychain, Credential Manager)
// through qtkeychain. Every call is asynchronous: the keychain may prompt the user.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    // Profiles other than the default get their own keychain service name, so a test or
    // demo profile never reads or overwrites a real user's secrets.
    explicit SecretStore(const QString &configDir, QObject *parent = nullptr);

    QString serviceName() const { return m_service; }

    using ReadCallback = std::function<void(const QString &secret, const Error &error)>;
    using DoneCallback = std::function<void(const Error &error)>;

    // Each callback is called exactly once; `context` bounds its lifetime.
    void read(const QString &key, QObject *context, ReadCallback done);
    void write(const QString &key, const QString &secret, QObject *context, DoneCallback done);
    void remove(const QString &key, QObject *context, DoneCallback done);

private:
    QString m_service;
};

} // namespace Tidings
