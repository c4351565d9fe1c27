// A kind of work done for one workspace, in the background. The handler gets that workspace's
// database client and nothing global: whatever it reads or writes is the workspace's own (RLS).
//
//   export const exportProjectTask = defineTenantTask({
//     name: 'export-project',
//     payload: z.object({ exportId: z.uuid() }),
//     run: async ({ db, tenantId, payload }) => { … },
//   });
//
// Enqueue with lib/jobs/enqueue.ts; list it in lib/jobs/tenant-tasks.ts so the worker runs it.
import type { z } from 'zod';
import type { TenantDb } from '../db/tenant-db';

export type TenantJob = { id: string; attempts: number; maxAttempts: number };

export type TenantTaskContext<Payload> = { db: TenantDb; tenantId: string; payload: Payload; job: TenantJob };

export type TenantTask<Schema extends z.ZodType = z.ZodType> = {
  /** Lower-case words and dashes; the queue knows it as `tenant:<name>`. */
  name: string;
  payload: Schema;
  /** Long tasks: at most this many of one workspace's jobs of this task run at once, across all
   *  workers. Unset: no cap beyond the fair order every tenant job gets. */
  lanesPerTenant?: number;
  /** Attempts before the job is dead-lettered (graphile-worker backs off exponentially between them). */
  maxAttempts?: number;
  run(context: TenantTaskContext<z.output<Schema>>): Promise<void>;
  /** After the last attempt failed, before the job is dead-lettered: tell the person waiting. */
  giveUp?(context: TenantTaskContext<z.output<Schema>> & { reason: string }): Promise<void>;
};

export function defineTenantTask<Schema extends z.ZodType>(task: TenantTask<Schema>): TenantTask<Schema> {
  return task;
}

/** The identifier graphile-worker stores; enqueue_tenant_job() adds the same prefix. */
export function queuedTaskName(task: Pick<TenantTask, 'name'>): string {
  return `tenant:${task.name}`;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
