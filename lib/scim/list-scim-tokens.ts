// The workspace's SCIM tokens for the settings page: never the hash, only when and by whom.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';

export function listScimTokens(db: TenantDb) {
  return db.scimToken.findMany({
    select: {
      id: true,
      createdAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdBy: { select: { email: true } },
    },
    orderBy: { createdAt: 'desc' },
  });
}
