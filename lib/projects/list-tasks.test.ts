// The task list's keyset pages over a few thousand tasks: every task exactly once, in order, with
// and without filters, whatever another workspace holds; and text search matched literally.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import { authDb } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';
import type { TaskStatus } from '../generated/prisma/enums';
import { listTasks, type TaskFilters, type TaskListing, type TaskPageAt } from './list-tasks';
import { decodeTaskCursor } from './task-cursor';

const TASKS = 3000;
const STATUSES: TaskStatus[] = ['todo', 'doing', 'done'];

let workspace: { id: string };
let projectId: string;
let assignee: string;

beforeAll(async () => {
  workspace = await createTenant('paging');
  const other = await createTenant('paging-other');
  const user = await authDb().user.create({ data: { email: `assignee-${randomUUID()}@paging.test`, name: 'Ann' } });
  await tenantDb(workspace.id).membership.create({ data: { userId: user.id } });
  assignee = user.id;
  projectId = (await tenantDb(workspace.id).project.create({ data: { name: 'Big' } })).id;
  // Positions repeat in pairs, so the id breaks ties and a page boundary can fall between equals.
  await tenantDb(workspace.id).task.createMany({
    data: Array.from({ length: TASKS }, (_, i) => ({
      projectId,
      title: i === 7 ? '100% done_ish' : `Task ${i}`,
      status: STATUSES[i % 3],
      assigneeId: i % 5 === 0 ? assignee : null,
      position: Math.floor(i / 2),
    })),
  });
  const otherProject = (await tenantDb(other.id).project.create({ data: { name: 'Big' } })).id;
  await tenantDb(other.id).task.createMany({
    data: Array.from({ length: 500 }, (_, i) => ({ projectId: otherProject, title: `Task ${i}`, position: i })),
  });
});

/** Every page forwards from the first, then every page backwards from the last: both must agree. */
async function everyPage(filters: TaskFilters, limit: number) {
  const pages: TaskListing[][] = [];
  let at: TaskPageAt = null;
  for (;;) {
    const page = await listTasks(workspace.id, projectId, filters, at, limit);
    pages.push(page.tasks);
    expect(page.before === null).toBe(pages.length === 1);
    const after = decodeTaskCursor(page.after ?? undefined);
    if (!after) break;
    at = { after };
  }
  const backwards: TaskListing[][] = [pages[pages.length - 1] ?? []];
  for (let first = backwards[0]?.[0]; pages.length > 1 && first; first = backwards[0]?.[0]) {
    const page = await listTasks(workspace.id, projectId, filters, { before: first }, limit);
    backwards.unshift(page.tasks);
    if (!page.before) break;
  }
  expect(backwards.map((page) => page.map((task) => task.id))).toEqual(
    pages.map((page) => page.map((task) => task.id)),
  );
  return { seen: pages.flat(), pages: pages.length };
}

const inOrder = (rows: { id: string; position: number }[]) =>
  rows.every((row, i) => {
    const before = rows[i - 1];
    return !before || before.position < row.position || (before.position === row.position && before.id < row.id);
  });

describe('listTasks', () => {
  it('pages through every task once, in order', async () => {
    const { seen, pages } = await everyPage({}, 97);
    expect(seen).toHaveLength(TASKS);
    expect(new Set(seen.map((task) => task.id)).size).toBe(TASKS);
    expect(inOrder(seen)).toBe(true);
    expect(pages).toBe(Math.ceil(TASKS / 97));
  });

  it('pages through a filter (status, assignee, both) without losing or repeating a row', async () => {
    for (const [filters, expected] of [
      [{ status: 'done' }, TASKS / 3],
      [{ assignee }, TASKS / 5],
      [{ assignee: 'none' }, TASKS - TASKS / 5],
      [{ status: 'todo', assignee }, TASKS / 15],
    ] as const) {
      const { seen } = await everyPage(filters, 50);
      expect(seen).toHaveLength(expected);
      expect(new Set(seen.map((task) => task.id)).size).toBe(expected);
      expect(inOrder(seen)).toBe(true);
    }
  });

  it('searches titles by text, case-insensitively, with % and _ taken literally', async () => {
    const titles = (await listTasks(workspace.id, projectId, { text: 'task 299' }, null)).tasks.map((t) => t.title);
    // Same-position pairs come in id order: compare as a set.
    expect(titles.sort()).toEqual([
      'Task 299',
      'Task 2990',
      'Task 2991',
      'Task 2992',
      'Task 2993',
      'Task 2994',
      'Task 2995',
      'Task 2996',
      'Task 2997',
      'Task 2998',
      'Task 2999',
    ]);
    expect((await listTasks(workspace.id, projectId, { text: '0% done_' }, null)).tasks.map((t) => t.title)).toEqual([
      '100% done_ish',
    ]);
    expect((await listTasks(workspace.id, projectId, { text: '%' }, null)).tasks).toHaveLength(1);
  });

  it('names the assignee', async () => {
    const { tasks } = await listTasks(workspace.id, projectId, { assignee }, null, 1);
    expect(tasks[0]).toMatchObject({ assigneeId: assignee, assigneeName: 'Ann' });
  });
});
