// The workspace's API keys for the settings page: never the hash, only what tells them apart, and
// whether each still works for want of its creator (a key works while its creator is an admin).
import 'server-only';
import type { TenantDb } from '../db/tenant-db';

export async function listApiKeys(db: TenantDb) {
  const [keys, admins] = await Promise.all([
    listKeys(db),
    db.membership.findMany({
      where: { role: { in: ['owner', 'admin'] } },
      select: { userId: true },
    }),
  ]);
  const adminIds = new Set(admins.map((admin) => admin.userId));
  return keys.map(({ createdById, ...key }) => ({
    ...key,
    creatorIsAdmin: createdById !== null && adminIds.has(createdById),
  }));
}

function listKeys(db: TenantDb) {
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
      createdById: true,
      createdBy: { select: { email: true } },
    },
    orderBy: { createdAt: 'desc' },
  });
}
