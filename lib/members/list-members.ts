// A workspace's members for the members page: who they are, their role, since when. Oldest first,
// so the founding owner leads the list.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';
import type { Role } from '../generated/prisma/enums';

export type MemberListing = {
  id: string;
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: Date;
  /** False until the person proved their mailbox (sign-up's link, a magic link, SSO or SCIM). */
  emailVerified: boolean;
};

export async function listMembers(db: TenantDb): Promise<MemberListing[]> {
  const memberships = await db.membership.findMany({
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, email: true, name: true, emailVerified: true } },
    },
  });
  return memberships.map(({ id, role, createdAt, user }) => ({
    id,
    userId: user.id,
    email: user.email,
    name: user.name,
    role,
    joinedAt: createdAt,
    emailVerified: user.emailVerified !== null,
  }));
}
