// SPDX-License-Identifier: GPL-3.0-or-later
// Workspace: new messages, replies and forwards.
#include "models/workspace.h"

#include "store/bodycache.h"
#include "store/messagecache.h"

namespace Tidings {

Draft Workspace::newDraft() const
{
    Draft draft;
    if (const std::optional<Identity> identity = defaultIdentity())
        draft.identity = identity->key();
    return draft;
}

std::optional<Draft> Workspace::replyDraft(ReplyMode mode, Error *error) const
{
    auto fail = [error](const QString &why) -> std::optional<Draft> {
        if (error)
            *error = {ErrorKind::BadInput, why};
        return std::nullopt;
    };
    if (!m_cache || m_openUid <= 0)
        return fail(tr("Open a message first."));
    const qint64 mailboxId = m_cache->state(m_selectedAccount, m_selectedMailbox).id;
    Error readError;
    const std::optional<QByteArray> raw = m_bodies->raw(mailboxId, m_openUid, &readError);
    if (!raw)
        return fail(readError.isError() ? readError.message
                                        : tr("The message is still being downloaded."));
    const std::optional<Identity> preferred = defaultIdentity();
    // Another user's mailbox shown through a profile: answer as the profile's identity
    // when the original names none of ours.
    const ReplyBuilder builder(m_identities, preferred ? preferred->key() : QString());
    return builder.build(mode, *raw, {m_selectedAccount, m_selectedMailbox, m_openUid}, error);
}

} // namespace Tidings
