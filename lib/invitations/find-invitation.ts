// An invitation as its link's holder sees it on the accept page: which workspace, which role, for
// whom, and whether it can still be used. Looked up by the token's hash in the host's workspace
// only (RLS), so another workspace's token is simply not found.
import 'server-only';
import { hashToken } from '../auth/random-token';
import type { TenantDb } from '../db/tenant-db';
import type { Role } from '../generated/prisma/enums';

export type InvitationState = 'pending' | 'expired' | 'used' | 'revoked';

export type FoundInvitation = {
  workspaceName: string;
  role: Role;
  email: string;
  expiresAt: Date;
  state: InvitationState;
};

/** Why a link that is not pending cannot be used, in the invitee's words. */
export const UNUSABLE_INVITATION: Record<Exclude<InvitationState, 'pending'>, string> = {
  expired: 'This invitation has expired. Ask the person who invited you for a new one.',
  used: 'This invitation has already been used.',
  revoked: 'This invitation was withdrawn. Ask the person who invited you for a new one.',
};

/** Used and revoked outrank expired: they say why the link stopped working. */
export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationState {
  if (invitation.acceptedAt) return 'used';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

export async function findInvitation(db: TenantDb, token: string): Promise<FoundInvitation | null> {
  const invitation = await db.invitation.findFirst({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      tenant: { select: { name: true } },
    },
  });
  if (!invitation) return null;
  return {
    workspaceName: invitation.tenant.name,
    role: invitation.role,
    email: invitation.email,
    expiresAt: invitation.expiresAt,
    state: invitationState(invitation),
  };
}
