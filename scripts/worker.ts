// npm run worker: runs background jobs (lib/jobs/) and the platform's scheduled jobs until stopped.
// Run as many as you like, on as many machines: they share the queue in PostgreSQL, each job runs
// once, and each cron run is enqueued once. `npm run dev` and `npm start` start one for you.
import { jobWorkerDatabaseUrl } from '../lib/db/role-urls';
import { env } from '../lib/env';
import { TENANT_TASKS } from '../lib/jobs/tenant-tasks';
import { CRONTAB } from './jobs/crontab';
import { startWorker } from './jobs/start-worker';

const { JOB_CONCURRENCY } = env();
const runner = await startWorker({
  connectionString: jobWorkerDatabaseUrl(env()),
  concurrency: JOB_CONCURRENCY,
  schedule: true,
});
console.log(
  `[jobs] worker running ${TENANT_TASKS.length} tenant task(s) and ${CRONTAB.length} scheduled job(s), ` +
    `${JOB_CONCURRENCY} at a time, in fair order across workspaces`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // Finishes the jobs in hand; a job cut off by a crash is unlocked after 4 hours by graphile-worker.
    void runner.stop(`received ${signal}`);
  });
}
await runner.promise;
process.exit(0);
