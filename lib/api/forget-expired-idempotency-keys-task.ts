// The idempotency sweep as a tenant job: the hourly platform job queues one per workspace with
// expired records (scripts/jobs/platform/queue-idempotency-sweeps.ts).
import { z } from 'zod';
import { defineTenantTask } from '../jobs/tenant-task';
import { forgetExpiredIdempotencyKeys } from './forget-expired-idempotency-keys';

export const FORGET_EXPIRED_IDEMPOTENCY_KEYS_JOB_KEY = 'forget-expired-idempotency-keys';

export const forgetExpiredIdempotencyKeysTask = defineTenantTask({
  name: 'forget-expired-idempotency-keys',
  payload: z.object({}),
  run: async ({ db, tenantId }) => {
    const forgotten = await forgetExpiredIdempotencyKeys(db);
    if (forgotten) console.log(`[api] tenant=${tenantId}: forgot ${forgotten} expired Idempotency-Key record(s)`);
  },
});
