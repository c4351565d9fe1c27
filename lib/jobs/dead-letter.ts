// A job that will not run again, kept for an operator (job_dead_letters, global: its tenant id may be
// forged or gone). Written over the worker's own connection (job_worker may only add rows).
import type { JobHelpers } from 'graphile-worker';

export type DeadLetter = { tenantId: string | null; reason: string };

export async function deadLetter(helpers: JobHelpers, { tenantId, reason }: DeadLetter): Promise<void> {
  const { job } = helpers;
  await helpers.query(
    `INSERT INTO public.job_dead_letters (job_id, task, named_tenant_id, payload, reason, attempts)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [job.id, job.task_identifier, tenantId, JSON.stringify(job.payload ?? null), reason.slice(0, 2_000), job.attempts],
  );
  console.error(`[jobs] tenant=${tenantId ?? 'none'} job=${job.id} ${job.task_identifier}: dead-lettered: ${reason}`);
}
