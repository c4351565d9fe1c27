// The workspace home's "due soon": open tasks due within the next week or already overdue, nearest
// first, with their project. A handful, by the due-date index (migration 20261208080000).
import 'server-only';
import { tenantDb } from '../db/tenant-db';

export type TaskDueSoon = { id: string; title: string; dueOn: Date; projectId: string; projectName: string };

export const DUE_SOON_DAYS = 7;

export async function listTasksDueSoon(tenantId: string, today: Date = new Date(), take = 5): Promise<TaskDueSoon[]> {
  const horizon = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + DUE_SOON_DAYS));
  const tasks = await tenantDb(tenantId).task.findMany({
    where: { status: { not: 'done' }, dueOn: { not: null, lte: horizon } },
    orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
    take,
    select: { id: true, title: true, dueOn: true, projectId: true, project: { select: { name: true } } },
  });
  return tasks.flatMap(({ dueOn, project, ...task }) => (dueOn ? [{ ...task, dueOn, projectName: project.name }] : []));
}
