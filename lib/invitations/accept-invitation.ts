// The signed-in invitee joins the workspace of the host. One conditional UPDATE claims the
// invitation (single use: unused, unrevoked, unexpired, for this user's email), in one transaction
// with the membership and the audit line, so a fault anywhere leaves the invitation usable and no
// membership behind. Accepting proves no mailbox: invitations are tenant rows a workspace's own code
// writes (a forged one would vouch for a squatter), so the address stays as verified as it was.
// The workspace's cached counts are forgotten once the membership commits.
import 'server-only';
import { recordAuditEvent } from '../audit/record-audit-event';
import { can } from '../auth/permissions';
import { hashToken } from '../auth/random-token';
import type { TenantDb } from '../db/tenant-db';
import { isUniqueViolation } from '../db/unique-violation';
import type { Role } from '../generated/prisma/enums';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';
import { invitationState, UNUSABLE_INVITATION } from './find-invitation';

type Transaction = Pick<TenantDb, 'invitation' | 'membership'>;

export type AcceptRefusal = 'not-found' | 'expired' | 'used' | 'revoked' | 'wrong-email' | 'already-member';

export type AcceptInvitationResult = { ok: true; role: Role } | { ok: false; reason: AcceptRefusal; error: string };

export const INVITATION_NOT_FOUND = 'This invitation link is not valid for this workspace.';
export const ALREADY_A_MEMBER = 'You are already a member of this workspace.';

/** "bob@acme.test" → "b•••@acme.test": enough to recognise one's own address, not to learn another's. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}

export async function acceptInvitation(
  db: TenantDb,
  tenantId: string,
  user: { id: string; email: string },
  token: string,
): Promise<AcceptInvitationResult> {
  const tokenHash = hashToken(token);
  try {
    const result = await db.$transaction(async (tx): Promise<AcceptInvitationResult> => {
      if (await tx.membership.findFirst({ where: { userId: user.id }, select: { id: true } })) {
        return { ok: false, reason: 'already-member', error: ALREADY_A_MEMBER };
      }
      if (!(await senderMayStillGrant(tx, tokenHash))) {
        return { ok: false, reason: 'revoked', error: UNUSABLE_INVITATION.revoked };
      }
      const [claimed] = await tx.$queryRaw<{ id: string; role: Role; email: string }[]>`
        UPDATE invitations SET accepted_at = now()
         WHERE token_hash = ${tokenHash} AND lower(email) = ${user.email.toLowerCase()}
           AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING id::text AS id, role::text AS role, email`;
      if (!claimed) return whyUnusable(tx, tokenHash, user.email);
      await tx.membership.create({ data: { userId: user.id, role: claimed.role } });
      await recordAuditEvent(tx, {
        actor: { id: user.id, email: user.email },
        action: 'invitation.accepted',
        target: claimed.email,
        details: { invitationId: claimed.id, role: claimed.role },
      });
      return { ok: true, role: claimed.role };
    });
    if (result.ok) await forgetWorkspaceCounts(tenantId);
    return result;
  } catch (error) {
    // Another invitation accepted at the same moment made this user a member first.
    if (isUniqueViolation(error)) return { ok: false, reason: 'already-member', error: ALREADY_A_MEMBER };
    throw error;
  }
}

/** An invitation grants at most what its sender may grant now: still a member, still allowed to
 *  invite, and an owner for an owner invitation (lib/auth/permissions.ts). */
async function senderMayStillGrant(tx: Transaction, tokenHash: string): Promise<boolean> {
  const invitation = await tx.invitation.findFirst({ where: { tokenHash }, select: { role: true, invitedById: true } });
  if (!invitation) return true; // nothing to claim: the claim below says why
  if (!invitation.invitedById) return false;
  const sender = await tx.membership.findFirst({ where: { userId: invitation.invitedById }, select: { role: true } });
  if (!sender || !can(sender.role, 'members.invite')) return false;
  return invitation.role !== 'owner' || can(sender.role, 'owners.manage');
}

/** The claim matched nothing: say why, naming the invited address only partly. */
async function whyUnusable(tx: Transaction, tokenHash: string, userEmail: string): Promise<AcceptInvitationResult> {
  const invitation = await tx.invitation.findFirst({
    where: { tokenHash },
    select: { email: true, acceptedAt: true, revokedAt: true, expiresAt: true },
  });
  if (!invitation) return { ok: false, reason: 'not-found', error: INVITATION_NOT_FOUND };
  // Pending for this very address: it expired by the database's clock between the two reads.
  const sameEmail = invitation.email.toLowerCase() === userEmail.toLowerCase();
  const state = sameEmail ? invitationState(invitation, new Date(invitation.expiresAt)) : invitationState(invitation);
  if (state !== 'pending') return { ok: false, reason: state, error: UNUSABLE_INVITATION[state] };
  return {
    ok: false,
    reason: 'wrong-email',
    error: `This invitation is for ${maskEmail(invitation.email)}. Sign in with that address to accept it.`,
  };
}
