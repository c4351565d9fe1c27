// An owner requires (or stops requiring) a second factor of every member. Turning it on is refused
// to an owner whose own session does not meet it, so nobody locks themselves out by accident.
import 'server-only';
import { type AuditActor, recordAuditEvent } from '../../audit/record-audit-event';
import { tenantDb } from '../../db/tenant-db';
import type { LiveSession } from '../session-store';
import { meetsTwoFactorPolicy, type TwoFactorPolicy } from './two-factor-policy';

export type PolicyChange = { ok: true } | { ok: false; message: string };

export const OWNER_WOULD_BE_LOCKED_OUT =
  'Set up two-factor authentication for yourself first (an authenticator app or a passkey, on your account page) and sign in with it: ' +
  'otherwise this would lock you out of the workspace.';

export async function updateTwoFactorPolicy(
  tenantId: string,
  actor: AuditActor,
  session: Pick<LiveSession, 'amr' | 'ssoTenantId'>,
  policy: TwoFactorPolicy,
): Promise<PolicyChange> {
  if (policy.required && !meetsTwoFactorPolicy(policy, session, tenantId)) {
    return { ok: false, message: OWNER_WOULD_BE_LOCKED_OUT };
  }
  await tenantDb(tenantId).$transaction(async (tx) => {
    await tx.twoFactorPolicy.upsert({
      where: { tenantId },
      create: policy,
      update: policy,
      select: { tenantId: true },
    });
    await recordAuditEvent(tx, { actor, action: 'two_factor.policy_changed', details: policy });
  });
  return { ok: true };
}
