// A project page's URL search params (?status=…&assignee=…&q=…&after=…|before=…) as the task list's
// filters and cursor. Links work, and anything malformed is dropped rather than an error.
import { z } from 'zod';
import type { TaskFilters, TaskPageAt } from './list-tasks';
import { decodeTaskCursor } from './task-cursor';
import { TASK_STATUSES } from './task-fields';

const Query = z.object({
  status: z.enum(TASK_STATUSES).optional().catch(undefined),
  assignee: z
    .union([z.literal('none'), z.uuid()])
    .optional()
    .catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  after: z.string().optional().catch(undefined),
  before: z.string().optional().catch(undefined),
});

export type TaskListQuery = { filters: TaskFilters; at: TaskPageAt };

export function taskListQuery(searchParams: Record<string, string | string[] | undefined>): TaskListQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = Query.parse({
    status: first(searchParams.status),
    assignee: first(searchParams.assignee),
    q: first(searchParams.q),
    after: first(searchParams.after),
    before: first(searchParams.before),
  });
  const after = decodeTaskCursor(parsed.after);
  const before = decodeTaskCursor(parsed.before);
  return {
    filters: { status: parsed.status, assignee: parsed.assignee, text: parsed.q || undefined },
    at: after ? { after } : before ? { before } : null,
  };
}
