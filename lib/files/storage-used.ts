// Bytes a workspace's files take against its plan: stored files, plus uploads still in flight
// (each reserved its limit before its first byte was stored). A reservation older than an hour is
// an upload that died with its process: it stops counting, and lib/files/forget-stale-uploads.ts
// removes it.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';

export const RESERVATION_MINUTES = 60;

export async function storageUsed(db: Pick<TenantDb, '$queryRaw'>): Promise<number> {
  const [row] = await db.$queryRaw<{ used: bigint }[]>`
    SELECT COALESCE(SUM(size), 0)::bigint AS used FROM files
    WHERE status = 'stored' OR created_at > now() - make_interval(mins => ${RESERVATION_MINUTES})`;
  return Number(row?.used ?? 0);
}
