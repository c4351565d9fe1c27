// The admin's table for the settings page: each provisioned group and the role it gives.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';

export function listGroupRoles(db: TenantDb) {
  return db.scimGroup.findMany({
    select: { id: true, displayName: true, role: true },
    orderBy: { displayName: 'asc' },
    take: 500,
  });
}
