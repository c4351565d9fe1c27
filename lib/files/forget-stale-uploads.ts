// The cleanup for uploads that died with their process: their reservation stopped counting after
// RESERVATION_MINUTES (lib/files/storage-used.ts); this removes the row and whatever partial
// object a driver may have left. Per workspace, in its own context, like every tenant job.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';
import type { FileStorage } from './file-storage';
import { RESERVATION_MINUTES } from './storage-used';

export async function forgetStaleUploads(db: TenantDb, storage: FileStorage): Promise<number> {
  const stale = await db.$queryRaw<{ key: string }[]>`
    DELETE FROM files
    WHERE status = 'uploading' AND created_at < now() - make_interval(mins => ${RESERVATION_MINUTES})
    RETURNING key`;
  await Promise.all(stale.map((row) => storage.delete(row.key).catch(() => {})));
  return stale.length;
}
