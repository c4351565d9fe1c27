// A page of a project's tasks, filtered by status, assignee and text, in the list's order
// (position, then id) and paged by keyset: `after` is the last row of the page before. Each
// filter meets an index (prisma/migrations/20261208030000_projects_and_tasks): status and the
// unfiltered list use (tenant_id, project_id[, status], position, id) with the row comparison as
// an index condition; text uses the title's trigram index when it is selective.
import 'server-only';
import { tenantDb } from '../db/tenant-db';
import type { TaskStatus } from '../generated/prisma/enums';
import { encodeTaskCursor, type TaskCursor } from './task-cursor';

export const TASKS_PER_PAGE = 50;

export type TaskFilters = {
  status?: TaskStatus;
  /** A member's user id, or 'none' for unassigned tasks. */
  assignee?: string;
  text?: string;
};

export type TaskListing = {
  id: string;
  title: string;
  description: string;
  status: TaskStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  dueOn: Date | null;
  position: number;
};

/** `after` and `before`: the cursors of the next and the previous page, null at either end. */
export type TaskPage = { tasks: TaskListing[]; after: string | null; before: string | null };

/** Where the page starts: the first page, after a row (next), or before one (previous). */
export type TaskPageAt = { after: TaskCursor } | { before: TaskCursor } | null;

export async function listTasks(
  tenantId: string,
  projectId: string,
  filters: TaskFilters,
  at: TaskPageAt,
  limit = TASKS_PER_PAGE,
): Promise<TaskPage> {
  const status = filters.status ?? null;
  const unassigned = filters.assignee === 'none';
  const assignee = filters.assignee && !unassigned ? filters.assignee : null;
  const text = filters.text ? `%${escapeLike(filters.text)}%` : null;
  const after = at && 'after' in at ? at.after : null;
  const before = at && 'before' in at ? at.before : null;
  // One statement for every combination: a filter left out is NULL, and PostgreSQL folds
  // `NULL IS NULL OR …` away when it plans with the values, so each combination meets its index.
  // A previous page reads backwards from its cursor (the same index, scanned in reverse) and is
  // turned round below. Row level security confines both tables' rows to this workspace; users is
  // the directory.
  const db = tenantDb(tenantId);
  const rows = before
    ? await db.$queryRaw<TaskListing[]>`
        SELECT t.id, t.title, t.description, t.status, t.assignee_id AS "assigneeId",
               coalesce(u.name, u.email) AS "assigneeName", t.due_on AS "dueOn", t.position
          FROM tasks t LEFT JOIN users u ON u.id = t.assignee_id
         WHERE t.project_id = ${projectId}::uuid
           AND (${status}::task_status IS NULL OR t.status = ${status}::task_status)
           AND (${unassigned} = false OR t.assignee_id IS NULL)
           AND (${assignee}::uuid IS NULL OR t.assignee_id = ${assignee}::uuid)
           AND (${text}::text IS NULL OR t.title ILIKE ${text}::text)
           AND (t.position, t.id) < (${before.position}::int, ${before.id}::uuid)
         ORDER BY t.position DESC, t.id DESC
         LIMIT ${limit + 1}`
    : await db.$queryRaw<TaskListing[]>`
        SELECT t.id, t.title, t.description, t.status, t.assignee_id AS "assigneeId",
               coalesce(u.name, u.email) AS "assigneeName", t.due_on AS "dueOn", t.position
          FROM tasks t LEFT JOIN users u ON u.id = t.assignee_id
         WHERE t.project_id = ${projectId}::uuid
           AND (${status}::task_status IS NULL OR t.status = ${status}::task_status)
           AND (${unassigned} = false OR t.assignee_id IS NULL)
           AND (${assignee}::uuid IS NULL OR t.assignee_id = ${assignee}::uuid)
           AND (${text}::text IS NULL OR t.title ILIKE ${text}::text)
           AND (${after?.position ?? null}::int IS NULL OR (t.position, t.id) > (${after?.position ?? null}::int, ${after?.id ?? null}::uuid))
         ORDER BY t.position, t.id
         LIMIT ${limit + 1}`;
  const more = rows.length > limit;
  const tasks = before ? rows.slice(0, limit).reverse() : rows.slice(0, limit);
  const first = tasks[0];
  const last = tasks[tasks.length - 1];
  // Going forward, a page after a cursor has one before it; going back, a page before one has one after.
  const hasNext = before ? true : more;
  const hasPrevious = before ? more : after !== null;
  return {
    tasks,
    after: hasNext && last ? encodeTaskCursor(last) : null,
    before: hasPrevious && first ? encodeTaskCursor(first) : null,
  };
}

/** The text matched literally: %, _ and \ lose their LIKE meaning. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
