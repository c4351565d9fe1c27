// When the platform jobs run. The worker enqueues each at its time (graphile-worker's cron, which
// registers each run once across all workers). backfillPeriod 0: a worker that was down skips the
// runs it missed instead of running them all at start; each job catches up on everything anyway.
import type { CronItem } from 'graphile-worker';
import type { PLATFORM_TASKS } from './platform-tasks';

type Schedule = CronItem & { task: keyof typeof PLATFORM_TASKS };

export const CRONTAB: Schedule[] = [
  { task: 'platform:recheck-domains', match: '*/10 * * * *', options: { backfillPeriod: 0, maxAttempts: 1 } },
  { task: 'platform:refresh-saml-metadata', match: '0 */6 * * *', options: { backfillPeriod: 0, maxAttempts: 3 } },
  { task: 'platform:queue-usage-reports', match: '5 * * * *', options: { backfillPeriod: 0, maxAttempts: 3 } },
  { task: 'platform:queue-stale-upload-cleanups', match: '15 * * * *', options: { backfillPeriod: 0, maxAttempts: 3 } },
  { task: 'platform:queue-idempotency-sweeps', match: '45 * * * *', options: { backfillPeriod: 0, maxAttempts: 3 } },
  { task: 'platform:reconcile-billing', match: '30 3 * * *', options: { backfillPeriod: 0, maxAttempts: 3 } },
];
