// The worker's side of a tenant job: who is this job for, and may it run? The envelope
// ({ tenantId, payload }) was written by enqueue_tenant_job(). A job without a well-formed tenant, for a
// workspace that no longer exists, or whose payload fails the task's schema, fails closed: it is
// not run, it is logged with the tenant id and kept in job_dead_letters. So is a job whose last
// attempt failed; earlier failures are thrown back to graphile-worker, which retries with backoff.
import type { JobHelpers, Task } from 'graphile-worker';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { tenantDb } from '../db/tenant-db';
import { assertTenantId } from '../db/tenant-id';
import { deadLetter } from './dead-letter';
import type { TenantTask } from './tenant-task';

const Envelope = z.object({ tenantId: z.string(), payload: z.unknown() });

// Workspaces seen to exist, for 10 s: the check is one query per job otherwise, half the cost of a
// small job (bench:jobs). Only "exists" is remembered; an unknown id is looked up every time. A
// workspace deleted within those 10 s has no rows left (its tables cascade), so a job of it that
// slips through finds nothing to read and nothing it may write.
const existingWorkspaces = new LRUCache<string, true>({ max: 10_000, ttl: 10_000 });

async function workspaceExists(tenantId: string): Promise<boolean> {
  if (existingWorkspaces.has(tenantId)) return true;
  const found = await tenantDb(tenantId).tenant.findFirst({ where: { id: tenantId }, select: { id: true } });
  if (found) existingWorkspaces.set(tenantId, true);
  return found !== null;
}

export function tenantJobHandler(task: TenantTask): Task {
  return async (raw: unknown, helpers: JobHelpers) => {
    const envelope = Envelope.safeParse(raw);
    if (!envelope.success) return deadLetter(helpers, { tenantId: null, reason: 'the job names no tenant' });
    const { tenantId } = envelope.data;
    try {
      assertTenantId(tenantId);
    } catch {
      return deadLetter(helpers, { tenantId: tenantId.slice(0, 60), reason: 'the tenant id is malformed' });
    }
    if (!(await workspaceExists(tenantId)))
      return deadLetter(helpers, { tenantId, reason: 'the workspace no longer exists' });
    const payload = task.payload.safeParse(envelope.data.payload);
    if (!payload.success) {
      return deadLetter(helpers, { tenantId, reason: `the payload does not parse: ${z.prettifyError(payload.error)}` });
    }

    const { job } = helpers;
    const context = {
      db: tenantDb(tenantId),
      tenantId,
      payload: payload.data,
      job: { id: job.id, attempts: job.attempts, maxAttempts: job.max_attempts },
    };
    try {
      await task.run(context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (job.attempts >= job.max_attempts) {
        await task.giveUp?.({ ...context, reason: message });
        return deadLetter(helpers, { tenantId, reason: `failed ${job.attempts} time(s), last: ${message}` });
      }
      console.warn(
        `[jobs] tenant=${tenantId} job=${job.id} ${job.task_identifier}: attempt ${job.attempts} of ${job.max_attempts} failed: ${message}`,
      );
      throw error;
    }
  };
}
