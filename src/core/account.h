// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace Tidings {

// How a connection is protected. Plain connections exist for loopback test servers and
// must be asked for explicitly (see Account::plainAllowedWithoutConfirmation).
enum class Security
{
    Tls,      // implicit TLS from the first byte (IMAPS 993, SMTPS 465)
    StartTls, // plain greeting, then STARTTLS before any credentials
    None,
};

QString securityToString(Security security);
std::optional<Security> securityFromString(const QString &text);

struct ServerEndpoint
{
    QString host;
    quint16 port = 0;
    Security security = Security::Tls;

    bool isLoopback() const;
};

quint16 defaultImapPort(Security security);
quint16 defaultSmtpPort(Security security);

// One mail account as configured by the user. Holds no secret: passwords and tokens live in
// the OS keychain under secretKey().
struct Account
{
    QString name; // unique, chosen by the user; also the keychain key prefix
    QString email;
    QString displayName;
    QString username; // IMAP/SMTP login; defaults to the e-mail address
    ServerEndpoint imap;
    ServerEndpoint smtp;
    QString oauthProvider;       // empty for password accounts, else "microsoft" or "google"
    QString caFile;              // extra certificate(s) to trust for this account, PEM
    bool plainConfirmed = false; // the user agreed to a plain connection to a remote host
    // No network step (connect, TLS, login, one command) may take longer than this.
    int timeoutSeconds = DefaultTimeoutSeconds;

    static constexpr int DefaultTimeoutSeconds = 30;

    QString loginName() const { return username.isEmpty() ? email : username; }
    QString secretKey() const { return name + QStringLiteral("/password"); }

    // Returns an empty string when the account is usable, else why not (one line).
    QString validate() const;
};

} // namespace Tidings
