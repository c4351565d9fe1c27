// The job queue's schema (graphile_worker) is graphile-worker's own: its migrations run here, as
// the owner, after ours, on every `db:migrate` and every fresh test database. Then job_worker (the
// worker's role, created by our migration 20261204010000_tenant_jobs) gets what the worker uses,
// again each time, so tables a graphile-worker upgrade adds are covered. Nobody else gets anything:
// a request enqueues only through enqueue_tenant_job().
import { runMigrations } from 'graphile-worker';
import { JOB_WORKER_ROLE } from '../../lib/db/role-urls';
import { jobLogger } from '../../lib/jobs/job-logger';
import { withClient } from './with-client';

export const JOB_QUEUE_SCHEMA = 'graphile_worker';

export async function installJobQueue(ownerUrl: string): Promise<void> {
  await runMigrations({ connectionString: ownerUrl, schema: JOB_QUEUE_SCHEMA, logger: jobLogger() });
  await withClient(ownerUrl, async (client) => {
    const schema = client.escapeIdentifier(JOB_QUEUE_SCHEMA);
    const role = client.escapeIdentifier(JOB_WORKER_ROLE);
    await client.query(`
      REVOKE ALL ON SCHEMA ${schema} FROM PUBLIC;
      GRANT USAGE ON SCHEMA ${schema} TO ${role};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${role};
    `);
    // graphile-worker turns row level security on for its tables, with no policy: only their owner
    // gets through. job_worker is not the owner, so each such table gets a policy for it alone.
    const { rows } = await client.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relrowsecurity
         AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'job_worker_runs_the_queue')`,
      [JOB_QUEUE_SCHEMA],
    );
    for (const { table } of rows) {
      await client.query(
        `CREATE POLICY job_worker_runs_the_queue ON ${schema}.${client.escapeIdentifier(table)} TO ${role} USING (true) WITH CHECK (true)`,
      );
    }
  });
}
