// A job worker for a test file, on the run's database as job_worker, polling often so tests wait
// little. Its own tasks only: other files' jobs stay in the queue for whoever runs them.
import type { Runner } from 'graphile-worker';
import pg from 'pg';
import { inject } from 'vitest';
import type { TenantTask } from '../../lib/jobs/tenant-task';
import { startWorker } from '../../scripts/jobs/start-worker';

export async function startTestWorker(tenantTasks: readonly TenantTask[], concurrency = 4): Promise<Runner> {
  return startWorker({
    connectionString: inject('jobWorkerUrl'),
    concurrency,
    schedule: false,
    tenantTasks,
    pollInterval: 50,
  });
}

/** SQL as the owner: what the queue holds, and jobs written as a forger with direct access would write them. */
export async function asOwner<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const owner = new pg.Client({ connectionString: inject('ownerUrl') });
  await owner.connect();
  try {
    return (await owner.query<T>(sql, values)).rows;
  } finally {
    await owner.end();
  }
}
