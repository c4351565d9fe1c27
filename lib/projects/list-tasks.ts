// A page of a project's tasks, filtered by status, assignee and text, in the list's order
// (position, then id) and paged by keyset: `after` is the last row of the page before. Each
// filter meets an index (prisma/migrations/20261208030000_projects_and_tasks): status and the
// unfiltered list use (tenant_id, project_id[, status], position, id) with the row comparison as
// an index condition; text uses the title's trigram index when it is selective.
import 'server-only';
import { tenantDb } from '../db/tenant-db';
import { Prisma } from '../generated/prisma/client';
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
  const conditions = [Prisma.sql`t.project_id = ${projectId}::uuid`];
  if (filters.status) conditions.push(Prisma.sql`t.status = ${filters.status}::task_status`);
  if (filters.assignee === 'none') conditions.push(Prisma.sql`t.assignee_id IS NULL`);
  else if (filters.assignee) conditions.push(Prisma.sql`t.assignee_id = ${filters.assignee}::uuid`);
  if (filters.text) conditions.push(Prisma.sql`t.title ILIKE ${`%${escapeLike(filters.text)}%`}`);
  if (after) conditions.push(Prisma.sql`(t.position, t.id) > (${after.position}, ${after.id}::uuid)`);
  // Row level security confines both tables' rows to this workspace; users is the directory.
  const rows = await tenantDb(tenantId).$queryRaw<TaskListing[]>`
    SELECT t.id, t.title, t.description, t.status, t.assignee_id AS "assigneeId",
           coalesce(u.name, u.email) AS "assigneeName", t.due_on AS "dueOn", t.position
      FROM tasks t LEFT JOIN users u ON u.id = t.assignee_id
     WHERE ${Prisma.join(conditions, ' AND ')}
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
