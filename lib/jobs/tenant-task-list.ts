// The tenant tasks as graphile-worker's task list: each behind the check of whom its job is for.
import type { TaskList } from 'graphile-worker';
import { tenantJobHandler } from './run-tenant-job';
import { queuedTaskName, type TenantTask } from './tenant-task';

export function tenantTaskList(tasks: readonly TenantTask[]): TaskList {
  return Object.fromEntries(tasks.map((task) => [queuedTaskName(task), tenantJobHandler(task)]));
}
