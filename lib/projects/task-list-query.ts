// A project page's URL search params (?status=…&assignee=…&q=…&after=…) as the task list's
// filters and cursor. Links work, and anything malformed is dropped rather than an error.
import { z } from 'zod';
import type { TaskFilters } from './list-tasks';
import { decodeTaskCursor, type TaskCursor } from './task-cursor';
import { TASK_STATUSES } from './task-fields';

const Query = z.object({
  status: z.enum(TASK_STATUSES).optional().catch(undefined),
  assignee: z
    .union([z.literal('none'), z.uuid()])
    .optional()
    .catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  after: z.string().optional().catch(undefined),
});

export type TaskListQuery = { filters: TaskFilters; after: TaskCursor | null };

export function taskListQuery(searchParams: Record<string, string | string[] | undefined>): TaskListQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = Query.parse({
    status: first(searchParams.status),
    assignee: first(searchParams.assignee),
    q: first(searchParams.q),
    after: first(searchParams.after),
  });
  return {
    filters: { status: parsed.status, assignee: parsed.assignee, text: parsed.q || undefined },
    after: decodeTaskCursor(parsed.after),
  };
}
