// The one way to record a change to how a person signs in (docs/decisions/018, 019): authenticator
// app on or off, recovery codes replaced or used, a passkey added or removed. `change` makes the
// change in the same auth_user transaction as its line in the person's account log (account_events,
// append-only), so both commit or neither. The person's workspaces hear only what their two-factor
// policy is about: that the person's protection turned on (from no second factor) or off (to none),
// after the commit. Which devices or apps they hold, and their recovery codes, stay theirs.
import 'server-only';
import { recordInSessionWorkspaces } from '../audit/record-in-session-workspaces';
import { countSecondFactors } from '../auth/second-factor/count-second-factors';
import { authDb } from '../db/auth-db';
import type { TenantTransaction } from '../db/tenant-db';

export type AccountEventAction =
  | 'two_factor.enrolled'
  | 'two_factor.removed'
  | 'two_factor.recovery_codes_regenerated'
  | 'two_factor.recovery_code_used'
  | 'passkey.added'
  | 'passkey.removed';

export type AccountEvent = {
  action: AccountEventAction;
  details?: Record<string, string | number | boolean | null>;
};

/** The person, and the session they act from (it names their workspaces; null: none to tell). */
export type AccountActor = { userId: string; sessionId: string | null };

/** `change` returns its result and the event to record, or null for an event when it changed nothing. */
export async function recordAccountEvent<T>(
  actor: AccountActor,
  change: (tx: TenantTransaction) => Promise<{ result: T; event: AccountEvent | null }>,
): Promise<T> {
  const { result, turned } = await authDb().$transaction(async (tx) => {
    const before = await countSecondFactors(tx, actor.userId);
    const { result, event } = await change(tx);
    if (!event) return { result, turned: null };
    await tx.accountEvent.create({
      data: { userId: actor.userId, action: event.action, details: event.details ?? undefined },
      select: { id: true },
    });
    const after = await countSecondFactors(tx, actor.userId);
    return { result, turned: before > 0 === after > 0 ? null : { on: after > 0, event } };
  });
  if (turned && actor.sessionId) {
    await recordInSessionWorkspaces(actor.sessionId, actor.userId, {
      action: turned.on ? 'two_factor.enrolled' : 'two_factor.removed',
      details: { factor: turned.event.action.startsWith('passkey.') ? 'passkey' : 'totp' },
    });
  }
  return result;
}
