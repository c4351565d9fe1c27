// Removing one of the user's own passkeys (the caller re-authenticated them): only a passkey of
// this user, and with it a line in their account log. Another user's id removes nothing and says so
// in the same words as an unknown one.
import 'server-only';
import { recordAccountEvent } from '../../accounts/record-account-event';

export type PasskeyRemoval = { ok: true; name: string } | { ok: false };

export async function removePasskey(
  userId: string,
  passkeyId: string,
  sessionId: string | null = null,
): Promise<PasskeyRemoval> {
  return recordAccountEvent<PasskeyRemoval>({ userId, sessionId }, async (tx) => {
    const [removed] = await tx.$queryRaw<{ name: string }[]>`
      DELETE FROM passkeys WHERE id = ${passkeyId}::uuid AND user_id = ${userId}::uuid RETURNING name`;
    if (!removed) return { result: { ok: false }, event: null };
    return {
      result: { ok: true, name: removed.name },
      event: { action: 'passkey.removed', details: { passkeyId, name: removed.name } },
    };
  });
}
