// Hourly: finds the workspaces with Idempotency-Key records past their 24 hours (as platform_admin,
// across workspaces) and queues each one's sweep as that workspace's own job.
import {
  FORGET_EXPIRED_IDEMPOTENCY_KEYS_JOB_KEY,
  forgetExpiredIdempotencyKeysTask,
} from '../../../lib/api/forget-expired-idempotency-keys-task';
import { IDEMPOTENCY_KEPT_MS } from '../../../lib/api/idempotency';
import { platformDb } from '../../../lib/db/platform-db';
import { enqueue } from '../../../lib/jobs/enqueue';

export async function queueIdempotencySweeps(now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_KEPT_MS);
  const workspaces = await platformDb().$queryRaw<{ tenant_id: string }[]>`
    SELECT DISTINCT tenant_id FROM api_idempotency_keys WHERE created_at < ${before}`;
  for (const { tenant_id: tenantId } of workspaces) {
    await enqueue(tenantId, forgetExpiredIdempotencyKeysTask, {}, { jobKey: FORGET_EXPIRED_IDEMPOTENCY_KEYS_JOB_KEY });
  }
  if (workspaces.length) console.log(`[api] queued idempotency sweeps for ${workspaces.length} workspace(s)`);
  return workspaces.length;
}
