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

export type TaskPage = { tasks: TaskListing[]; nextCursor: string | null };

export async function listTasks(
  tenantId: string,
  projectId: string,
  filters: TaskFilters,
  after: TaskCursor | null,
  limit = TASKS_PER_PAGE,
): Promise<TaskPage> {
  const status = filters.status ?? null;
  const unassigned = filters.assignee === 'none';
  const assignee = filters.assignee && !unassigned ? filters.assignee : null;
  const text = filters.text ? `%${escapeLike(filters.text)}%` : null;
  // One statement for every combination: a filter left out is NULL, and PostgreSQL folds
  // `NULL IS NULL OR …` away when it plans with the values, so each combination meets its index.
  // Row level security confines both tables' rows to this workspace; users is the directory.
  const rows = await tenantDb(tenantId).$queryRaw<TaskListing[]>`
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
  const tasks = rows.slice(0, limit);
  const last = tasks[tasks.length - 1];
  return { tasks, nextCursor: rows.length > limit && last ? encodeTaskCursor(last) : null };
}

/** The text matched literally: %, _ and \ lose their LIKE meaning. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
