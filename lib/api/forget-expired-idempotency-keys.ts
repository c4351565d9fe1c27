// Forgets a workspace's Idempotency-Key records once their answers stop being replayed (24 hours):
// they hold response bodies, which should not outlive their use. Run per workspace by the hourly
// sweep (./forget-expired-idempotency-keys-task.ts); a record is also dropped when its key comes again.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';
import { IDEMPOTENCY_KEPT_MS } from './idempotency';

export async function forgetExpiredIdempotencyKeys(db: TenantDb, now: Date = new Date()): Promise<number> {
  const { count } = await db.apiIdempotencyKey.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_KEPT_MS) } },
  });
  return count;
}
