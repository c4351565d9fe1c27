// After a group change (its members or its mapped role), the role of every SCIM user it touched is
// derived again, in the same transaction: effective on their next request.
import 'server-only';
import type { TenantTransaction } from '../db/tenant-db';
import { syncMembership } from './sync-membership';

export async function resyncScimUsers(
  tx: TenantTransaction,
  tenantId: string,
  scimUserIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(scimUserIds)].sort(); // a fixed order, so two group changes cannot deadlock
  const users = await tx.scimUser.findMany({
    where: { id: { in: ids } },
    select: { id: true, active: true, user: { select: { id: true, email: true } } },
    orderBy: { id: 'asc' },
  });
  for (const user of users) {
    await syncMembership(tx, tenantId, {
      id: user.id,
      active: user.active,
      userId: user.user.id,
      email: user.user.email,
    });
  }
}
