// Tasks against PostgreSQL as app_user, through the services: a member of workspace A holds A's
// tenant client (the Host decides it, never the form) and tries B's ids. Another workspace's task
// reads exactly like an unknown one, an assignee must be a member of the task's own workspace (the
// database proves it), and bad input changes nothing.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import { authDb } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';
import type { FileStorage } from '../files/file-storage';
import type { Role } from '../generated/prisma/enums';
import { PROJECT_NOT_FOUND, TASK_NOT_FOUND } from './change-result';
import { completeTask, reopenTask } from './complete-task';
import { createTask } from './create-task';
import { deleteTask } from './delete-task';
import { editTask } from './edit-task';
import { moveTask } from './move-task';
import { ASSIGNEE_NOT_A_MEMBER } from './task-fields';

type Workspace = { id: string; slug: string };
type Person = { id: string; email: string };

const storage: FileStorage = {
  driver: 'local-disk',
  put: async () => ({ ok: true, size: 0 }),
  get: async () => null,
  delete: async () => {},
  downloadUrl: async () => 'http://files.invalid/',
};

async function addMember(workspace: Workspace, role: Role = 'member'): Promise<Person> {
  const email = `${role}-${randomUUID().slice(0, 8)}@tasks.test`;
  const user = await authDb().user.create({ data: { email, name: role } });
  await tenantDb(workspace.id).membership.create({ data: { userId: user.id, role } });
  return { id: user.id, email };
}

async function projectOf(workspace: Workspace, name = 'Roadmap'): Promise<string> {
  return (await tenantDb(workspace.id).project.create({ data: { name }, select: { id: true } })).id;
}

async function taskOf(workspace: Workspace, projectId: string, title: string): Promise<string> {
  const actor = workspace === a ? alice : bob;
  const result = await createTask(tenantDb(workspace.id), workspace.id, actor, { projectId, title });
  if (!result.ok) throw new Error(result.error);
  return result.id;
}

const readTask = (workspace: Workspace, id: string) =>
  tenantDb(workspace.id).task.findFirst({
    where: { id },
    select: { title: true, description: true, status: true, assigneeId: true, dueOn: true, position: true },
  });

const auditActions = async (workspace: Workspace) =>
  (await tenantDb(workspace.id).auditEvent.findMany({ orderBy: { createdAt: 'asc' }, select: { action: true } })).map(
    (row) => row.action,
  );

let a: Workspace;
let b: Workspace;
let alice: Person; // member of A
let bob: Person; // member of B only
let aProject: string;
let bProject: string;
let bTask: string;

beforeEach(async () => {
  [a, b] = [await createTenant('tasks-a'), await createTenant('tasks-b')];
  [alice, bob] = [await addMember(a), await addMember(b)];
  [aProject, bProject] = [await projectOf(a), await projectOf(b)];
  bTask = await taskOf(b, bProject, 'B’s secret task');
});

describe('a member of A with A’s client', () => {
  it('creates a task at the top of the project, with every field, audited', async () => {
    const first = await taskOf(a, aProject, 'first');
    const db = tenantDb(a.id);
    const created = await createTask(db, a.id, alice, {
      projectId: aProject,
      title: '  Ship it  ',
      description: 'All of it',
      status: 'doing',
      assigneeId: alice.id,
      dueOn: '2027-01-31',
    });
    expect(created).toMatchObject({ ok: true, name: 'Ship it' });
    if (!created.ok) return;
    const task = await readTask(a, created.id);
    expect(task).toMatchObject({ title: 'Ship it', description: 'All of it', status: 'doing', assigneeId: alice.id });
    expect(task?.dueOn?.toISOString()).toBe('2027-01-31T00:00:00.000Z');
    expect(task?.position).toBeLessThan((await readTask(a, first))?.position ?? 0);
    expect(await auditActions(a)).toEqual(['task.created', 'task.created']);
  });

  it('edits, completes, reopens and moves its own tasks, each audited', async () => {
    const [lower, upper] = [await taskOf(a, aProject, 'lower'), await taskOf(a, aProject, 'upper')];
    const db = tenantDb(a.id);
    expect(await editTask(db, a.id, alice, { taskId: lower, title: 'renamed', assigneeId: alice.id })).toEqual({
      ok: true,
      name: 'renamed',
    });
    expect(await completeTask(db, a.id, alice, { taskId: lower })).toMatchObject({ ok: true });
    expect((await readTask(a, lower))?.status).toBe('done');
    expect(await reopenTask(db, a.id, alice, { taskId: lower })).toMatchObject({ ok: true });
    expect((await readTask(a, lower))?.status).toBe('todo');
    expect(await moveTask(db, alice, { taskId: lower, direction: 'up' })).toMatchObject({ ok: true });
    const [moved, other] = [await readTask(a, lower), await readTask(a, upper)];
    expect(moved?.position).toBeLessThan(other?.position ?? 0);
    expect(await auditActions(a)).toEqual([
      'task.created',
      'task.created',
      'task.edited',
      'task.completed',
      'task.reopened',
      'task.moved',
    ]);
  });

  it('an edit that changes nothing writes nothing: completing twice is one audit line', async () => {
    const task = await taskOf(a, aProject, 'twice');
    const db = tenantDb(a.id);
    expect(await completeTask(db, a.id, alice, { taskId: task })).toMatchObject({ ok: true });
    expect(await completeTask(db, a.id, alice, { taskId: task })).toMatchObject({ ok: true });
    expect(await editTask(db, a.id, alice, { taskId: task, title: 'twice', assigneeId: null, dueOn: null })).toEqual({
      ok: true,
      name: 'twice',
    });
    expect(await auditActions(a)).toEqual(['task.created', 'task.completed']);
  });

  it('cannot edit, complete, reopen, move or delete B’s task by its id: not found, B’s task untouched', async () => {
    const db = tenantDb(a.id);
    const before = await readTask(b, bTask);
    expect(await editTask(db, a.id, alice, { taskId: bTask, title: 'pwned' })).toEqual({
      ok: false,
      error: TASK_NOT_FOUND,
    });
    expect(await completeTask(db, a.id, alice, { taskId: bTask })).toEqual({ ok: false, error: TASK_NOT_FOUND });
    expect(await reopenTask(db, a.id, alice, { taskId: bTask })).toEqual({ ok: false, error: TASK_NOT_FOUND });
    expect(await moveTask(db, alice, { taskId: bTask, direction: 'up' })).toEqual({ ok: false, error: TASK_NOT_FOUND });
    expect(await deleteTask(db, storage, a.id, alice, { taskId: bTask })).toEqual({ ok: false, error: TASK_NOT_FOUND });
    expect(await readTask(b, bTask)).toEqual(before);
    expect(await auditActions(a)).toEqual([]);
  });

  it('cannot add a task to B’s project', async () => {
    const result = await createTask(tenantDb(a.id), a.id, alice, { projectId: bProject, title: 'planted' });
    expect(result).toEqual({ ok: false, error: PROJECT_NOT_FOUND });
    expect(await tenantDb(b.id).task.count()).toBe(1);
  });

  it('cannot assign a member of B, or anyone who is not a member of A', async () => {
    const task = await taskOf(a, aProject, 'mine');
    const db = tenantDb(a.id);
    const stranger = (await authDb().user.create({ data: { email: `nobody-${randomUUID()}@tasks.test` } })).id;
    for (const assigneeId of [bob.id, stranger, randomUUID()]) {
      expect(await editTask(db, a.id, alice, { taskId: task, assigneeId })).toEqual({
        ok: false,
        field: 'assigneeId',
        error: ASSIGNEE_NOT_A_MEMBER,
      });
      expect(
        await createTask(db, a.id, alice, { projectId: aProject, title: 'assigned away', assigneeId }),
      ).toMatchObject({ ok: false, field: 'assigneeId' });
    }
    expect((await readTask(a, task))?.assigneeId).toBeNull();
    expect(await db.task.count({ where: { title: 'assigned away' } })).toBe(0);
  });

  it('the database itself refuses a forged assignee (the composite foreign key), whatever the code above it does', async () => {
    const task = await taskOf(a, aProject, 'mine');
    await expect(tenantDb(a.id).task.update({ where: { id: task }, data: { assigneeId: bob.id } })).rejects.toThrow(
      /foreign key/i,
    );
    await expect(
      tenantDb(a.id).$executeRaw`UPDATE tasks SET assignee_id = ${bob.id}::uuid WHERE id = ${task}::uuid`,
    ).rejects.toThrow(/foreign key/i);
  });

  it('an assignee who leaves the workspace leaves their tasks unassigned, still in the workspace', async () => {
    const task = await taskOf(a, aProject, 'mine');
    expect(await editTask(tenantDb(a.id), a.id, alice, { taskId: task, assigneeId: alice.id })).toMatchObject({
      ok: true,
    });
    await tenantDb(a.id).membership.deleteMany({ where: { userId: alice.id } });
    expect((await readTask(a, task))?.assigneeId).toBeNull();
    expect(await tenantDb(a.id).task.count({ where: { id: task } })).toBe(1);
  });

  it('deletes its own task, audited', async () => {
    const task = await taskOf(a, aProject, 'doomed');
    expect(await deleteTask(tenantDb(a.id), storage, a.id, alice, { taskId: task })).toEqual({
      ok: true,
      name: 'doomed',
    });
    expect(await readTask(a, task)).toBeNull();
    expect(await auditActions(a)).toEqual(['task.created', 'task.deleted']);
  });
});

describe('bad input changes nothing', () => {
  it.each([
    ['a blank title', { title: '   ' }, 'title'],
    ['a title too long', { title: 'x'.repeat(201) }, 'title'],
    ['a description too long', { description: 'x'.repeat(5001) }, 'description'],
    ['an unknown status', { status: 'archived' as 'done' }, 'status'],
    ['a date in another format', { dueOn: '31/01/2027' }, 'dueOn'],
    ['an assignee that is not an id', { assigneeId: 'not-a-uuid' }, 'assigneeId'],
  ])('%s', async (_, fields, field) => {
    const task = await taskOf(a, aProject, 'steady');
    const before = await readTask(a, task);
    const db = tenantDb(a.id);
    expect(await editTask(db, a.id, alice, { taskId: task, ...fields })).toMatchObject({ ok: false, field });
    expect(await createTask(db, a.id, alice, { projectId: aProject, title: 'new', ...fields })).toMatchObject({
      ok: false,
      field,
    });
    expect(await readTask(a, task)).toEqual(before);
    expect(await db.task.count()).toBe(1);
    expect(await auditActions(a)).toEqual(['task.created']);
  });

  it('an id that is not a uuid is not found (no database error)', async () => {
    const db = tenantDb(a.id);
    expect(await editTask(db, a.id, alice, { taskId: "1' OR '1'='1", title: 'x' })).toEqual({
      ok: false,
      error: TASK_NOT_FOUND,
    });
    expect(await createTask(db, a.id, alice, { projectId: 'nope', title: 'x' })).toEqual({
      ok: false,
      error: PROJECT_NOT_FOUND,
    });
  });
});
