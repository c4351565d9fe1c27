// The idempotency sweep: a workspace's records past their 24 hours go, fresh ones and other
// workspaces' stay (PostgreSQL as app_user); the hourly platform job queues a sweep for each
// workspace that has expired records, as that workspace's own job.
import { describe, expect, it } from 'vitest';
import { queueIdempotencySweeps } from '../../scripts/jobs/platform/queue-idempotency-sweeps';
import { createTenant } from '../../tests/support/tenants';
import { asOwner } from '../../tests/support/test-worker';
import { tenantDb } from '../db/tenant-db';
import { forgetExpiredIdempotencyKeys } from './forget-expired-idempotency-keys';
import { IDEMPOTENCY_KEPT_MS } from './idempotency';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

describe('the idempotency sweep', () => {
  it("forgets a workspace's expired records only, and is queued per workspace that has some", async () => {
    const [workspace, other] = [await createTenant('sweep'), await createTenant('sweep-other')];
    const record = (tenantId: string, key: string, createdAt: Date) =>
      tenantDb(tenantId).apiIdempotencyKey.create({ data: { key, requestHash: 'h', status: 201, createdAt } });
    await record(workspace.id, 'old', hoursAgo(25));
    await record(workspace.id, 'fresh', hoursAgo(1));
    await record(other.id, 'old', hoursAgo(25));
    expect(IDEMPOTENCY_KEPT_MS).toBe(24 * 3_600_000);

    expect(await queueIdempotencySweeps()).toBeGreaterThanOrEqual(2);
    const queued = await asOwner<{ tenant_id: string }>(
      "SELECT payload->>'tenantId' AS tenant_id FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'tenant:forget-expired-idempotency-keys'",
    );
    expect(queued.map((row) => row.tenant_id)).toEqual(expect.arrayContaining([workspace.id, other.id]));

    expect(await forgetExpiredIdempotencyKeys(tenantDb(workspace.id))).toBe(1);
    const left = await tenantDb(workspace.id).apiIdempotencyKey.findMany({ select: { key: true } });
    expect(left).toEqual([{ key: 'fresh' }]);
    expect(await tenantDb(other.id).apiIdempotencyKey.count()).toBe(1);
  });
});
