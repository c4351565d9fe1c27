// The one way to queue tenant work. The payload is checked against the task's schema here (a bad
// payload throws and queues nothing), and the database stamps the tenant: enqueue_tenant_job()
// takes it from the statement's tag, which tenantDb sets, never from an argument. So work queued
// while serving A can only run as A.
//
//   await enqueue(workspace.id, exportProjectTask, { exportId });
//   await db.$transaction(async (tx) => { …; await enqueueIn(tx, task, payload); });  // both or neither
import 'server-only';
import type { z } from 'zod';
import { type TenantDb, type TenantTransaction, tenantDb } from '../db/tenant-db';
import { DEFAULT_MAX_ATTEMPTS, type TenantTask } from './tenant-task';

export type EnqueueOptions = {
  /** While a job with this key waits, enqueueing again replaces it instead of adding one (run once). Per tenant. */
  jobKey?: string;
  runAt?: Date;
};

export async function enqueue<Schema extends z.ZodType>(
  tenantId: string,
  task: TenantTask<Schema>,
  payload: z.input<Schema>,
  options: EnqueueOptions = {},
): Promise<string> {
  return enqueueIn(tenantDb(tenantId), task, payload, options);
}

/** Inside a tenant transaction: the job exists exactly when the transaction commits. */
export async function enqueueIn<Schema extends z.ZodType>(
  db: TenantDb | TenantTransaction,
  task: TenantTask<Schema>,
  payload: z.input<Schema>,
  { jobKey, runAt }: EnqueueOptions = {},
): Promise<string> {
  const checked = task.payload.parse(payload);
  const [queued] = await db.$queryRaw<{ id: bigint }[]>`
    SELECT enqueue_tenant_job(${task.name}, ${JSON.stringify(checked)}::jsonb, ${jobKey ?? null}::text,
      ${runAt ?? null}::timestamptz, ${task.maxAttempts ?? DEFAULT_MAX_ATTEMPTS}::int,
      ${task.lanesPerTenant ?? 0}::int) AS id`;
  if (!queued) throw new Error(`enqueue ${task.name}: the queue returned no job`);
  return String(queued.id);
}
