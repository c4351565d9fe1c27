// Every tenant task the worker runs. A task missing here is never picked up (its jobs wait).
import { forgetExpiredIdempotencyKeysTask } from '../api/forget-expired-idempotency-keys-task';
import { reportUsageTask } from '../billing/report-usage-task';
import { forgetStaleUploadsTask } from '../files/forget-stale-uploads-task';
import { exportProjectTask } from '../projects/export/export-project-task';
import type { TenantTask } from './tenant-task';

export const TENANT_TASKS: readonly TenantTask[] = [
  exportProjectTask,
  reportUsageTask,
  forgetStaleUploadsTask,
  forgetExpiredIdempotencyKeysTask,
];
