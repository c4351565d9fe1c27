// A worker: fetches jobs from the queue (as job_worker), runs tenant tasks through their tenant's
// check (lib/jobs/run-tenant-job.ts) and platform tasks as they are, and with `schedule` also
// enqueues the platform jobs at their cron times. `npm run worker` and `npm run dev` start one; tests
// and benchmarks start their own with their own tasks.
import { parseCronItems, type Runner, run, type TaskList } from 'graphile-worker';
import { jobLogger } from '../../lib/jobs/job-logger';
import type { TenantTask } from '../../lib/jobs/tenant-task';
import { tenantTaskList } from '../../lib/jobs/tenant-task-list';
import { TENANT_TASKS } from '../../lib/jobs/tenant-tasks';
import { JOB_QUEUE_SCHEMA } from '../db/install-job-queue';
import { CRONTAB } from './crontab';
import { platformTaskList } from './platform-tasks';

export type WorkerOptions = {
  connectionString: string;
  concurrency: number;
  schedule: boolean;
  tenantTasks?: readonly TenantTask[];
  /** How often to look for jobs when no notification came (ms); new jobs arrive by LISTEN/NOTIFY. */
  pollInterval?: number;
};

export async function startWorker(options: WorkerOptions): Promise<Runner> {
  const taskList: TaskList = { ...platformTaskList(), ...tenantTaskList(options.tenantTasks ?? TENANT_TASKS) };
  return run({
    connectionString: options.connectionString,
    schema: JOB_QUEUE_SCHEMA,
    concurrency: options.concurrency,
    // Its pool: one connection per concurrent job plus LISTEN and cron.
    maxPoolSize: options.concurrency + 2,
    pollInterval: options.pollInterval ?? 2_000,
    noHandleSignals: true,
    logger: jobLogger(),
    taskList,
    parsedCronItems: options.schedule ? parseCronItems(CRONTAB) : [],
  });
}
