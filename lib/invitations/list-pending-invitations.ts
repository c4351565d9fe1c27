// Invitations still waiting for an answer (not used, not withdrawn, not expired), newest first,
// for the members page. Never the token hash.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';
import type { Role } from '../generated/prisma/enums';

export type PendingInvitation = { id: string; email: string; role: Role; createdAt: Date; expiresAt: Date };

export async function listPendingInvitations(db: TenantDb, now = new Date()): Promise<PendingInvitation[]> {
  return db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
  });
}
