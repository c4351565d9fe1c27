// The workspace's API keys for the settings page: never the hash, only what tells them apart.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';

export function listApiKeys(db: TenantDb) {
  return db.apiKey.findMany({
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { email: true } },
    },
    orderBy: { createdAt: 'desc' },
  });
}
