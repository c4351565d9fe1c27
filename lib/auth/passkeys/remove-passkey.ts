// Removing one of the user's own passkeys (the caller re-authenticated them): only a passkey of
// this user, and with it a line in their account log. Another user's id removes nothing and says so
// in the same words as an unknown one.
import 'server-only';
import { recordAccountEvent } from '../../accounts/record-account-event';
import { authDb } from '../../db/auth-db';

export async function removePasskey(
  userId: string,
  passkeyId: string,
): Promise<{ ok: true; name: string } | { ok: false }> {
  return authDb().$transaction(async (tx) => {
    const [removed] = await tx.$queryRaw<{ name: string }[]>`
      DELETE FROM passkeys WHERE id = ${passkeyId}::uuid AND user_id = ${userId}::uuid RETURNING name`;
    if (!removed) return { ok: false } as const;
    await recordAccountEvent(tx, { userId, action: 'passkey.removed', details: { passkeyId, name: removed.name } });
    return { ok: true, name: removed.name } as const;
  });
}
