// The workspace's current logo (the newest stored one; a new upload removes the old).
import 'server-only';
import type { TenantDb } from '../db/tenant-db';

export async function workspaceLogo(db: TenantDb): Promise<{ id: string; name: string } | null> {
  return db.storedFile.findFirst({
    where: { purpose: 'logo', status: 'stored' },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true },
  });
}
