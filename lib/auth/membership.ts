// A user's role in a workspace, read from the database on every request (cached for the request
// only), so a role change or a removal applies to the member's very next request.
import 'server-only';
import { cache } from 'react';
import { tenantDb } from '../db/tenant-db';
import type { Role } from '../generated/prisma/enums';

export type Membership = { id: string; role: Role };

export const findMembership = cache(async (workspaceId: string, userId: string): Promise<Membership | null> => {
  return tenantDb(workspaceId).membership.findFirst({ where: { userId }, select: { id: true, role: true } });
});
