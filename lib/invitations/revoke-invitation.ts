// Withdraws an open invitation, with its audit line in the same transaction. Its link stops working
// at once. Another workspace's invitation id is not found (RLS), as is one already used or revoked.
import 'server-only';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';

export type RevokeInvitationResult = { ok: true; email: string } | { ok: false; error: string };

export const INVITATION_NOT_OPEN = 'Invitation not found, or already used or withdrawn.';

export async function revokeInvitation(
  db: TenantDb,
  actor: { id: string; email: string },
  input: { invitationId: string },
): Promise<RevokeInvitationResult> {
  return db.$transaction(async (tx): Promise<RevokeInvitationResult> => {
    // One conditional UPDATE, so a revoke racing an acceptance cannot undo the acceptance.
    const [revoked] = await tx.$queryRaw<{ email: string }[]>`
      UPDATE invitations SET revoked_at = now()
       WHERE id = ${input.invitationId}::uuid AND accepted_at IS NULL AND revoked_at IS NULL
      RETURNING email`;
    if (!revoked) return { ok: false, error: INVITATION_NOT_OPEN };
    await recordAuditEvent(tx, {
      actor,
      action: 'invitation.revoked',
      target: revoked.email,
      details: { invitationId: input.invitationId, reason: 'revoked' },
    });
    return { ok: true, email: revoked.email };
  });
}
