// The projects' and tasks' server actions through their real wrappers (Origin, session on the
// Host, membership, the permission table): a member edits but cannot delete, an admin deletes, and
// a member of A on A's host cannot reach B's task or project by its id. The server refuses
// whatever the page showed.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { deleteProjectAction, renameProjectAction } from '../../app/t/[tenant]/actions';
import {
  createTaskAction,
  deleteTaskAction,
  editTaskAction,
  setTaskDoneAction,
} from '../../app/t/[tenant]/projects/[projectId]/task-actions';
import { createTenant } from '../../tests/support/tenants';
import { type Member, signedInMember, submitAs, type Tenant } from '../../tests/support/workspace-members';
import { ROLE_REFUSAL } from '../actions/tenant-action';
import { tenantDb } from '../db/tenant-db';
import { TASK_NOT_FOUND } from './change-result';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

let a: Tenant;
let b: Tenant;
let member: Member;
let admin: Member;
let outsider: Member; // a member of B only

const projectOf = async (tenant: Tenant) =>
  (await tenantDb(tenant.id).project.create({ data: { name: `p-${randomUUID().slice(0, 8)}` } })).id;
const taskOf = async (tenant: Tenant, projectId: string) =>
  (await tenantDb(tenant.id).task.create({ data: { projectId, title: 'a task' } })).id;
const taskExists = async (tenant: Tenant, id: string) =>
  (await tenantDb(tenant.id).task.count({ where: { id } })) === 1;

beforeAll(async () => {
  [a, b] = [await createTenant('actions-a'), await createTenant('actions-b')];
  [member, admin, outsider] = [
    await signedInMember(a, 'member'),
    await signedInMember(a, 'admin'),
    await signedInMember(b, 'member'),
  ];
});

describe('task and project actions', () => {
  it('a member creates, edits and completes tasks, but cannot delete a task or a project', async () => {
    const projectId = await projectOf(a);
    expect(await submitAs(member, createTaskAction, { projectId, title: 'From the form', assigneeId: '' })).toEqual({
      status: 'ok',
      message: 'Added “From the form”.',
    });
    const task = await tenantDb(a.id).task.findFirstOrThrow({ where: { projectId }, select: { id: true } });
    expect(await submitAs(member, editTaskAction, { taskId: task.id, title: 'Edited', dueOn: '' })).toMatchObject({
      status: 'ok',
    });
    expect(await submitAs(member, setTaskDoneAction, { taskId: task.id, done: 'true' })).toMatchObject({
      status: 'ok',
    });
    expect(await tenantDb(a.id).task.findFirst({ where: { id: task.id }, select: { status: true } })).toEqual({
      status: 'done',
    });
    expect(await submitAs(member, deleteTaskAction, { taskId: task.id })).toMatchObject({
      status: 'error',
      message: ROLE_REFUSAL,
    });
    expect(await submitAs(member, deleteProjectAction, { projectId })).toMatchObject({
      status: 'error',
      message: ROLE_REFUSAL,
    });
    expect(await taskExists(a, task.id)).toBe(true);
    expect(await tenantDb(a.id).project.count({ where: { id: projectId } })).toBe(1);
  });

  it('an admin deletes a task and a project', async () => {
    const projectId = await projectOf(a);
    const task = await taskOf(a, projectId);
    expect(await submitAs(admin, deleteTaskAction, { taskId: task })).toMatchObject({ status: 'ok' });
    expect(await taskExists(a, task)).toBe(false);
    expect(await submitAs(admin, deleteProjectAction, { projectId })).toMatchObject({ status: 'ok' });
    expect(await tenantDb(a.id).project.count({ where: { id: projectId } })).toBe(0);
  });

  it('B’s task and project ids, sent from A’s host by A’s admin, are not found and stay as they were', async () => {
    const bProject = await projectOf(b);
    const bTask = await taskOf(b, bProject);
    for (const [action, fields] of [
      [editTaskAction, { taskId: bTask, title: 'pwned' }],
      [setTaskDoneAction, { taskId: bTask, done: 'true' }],
      [deleteTaskAction, { taskId: bTask }],
    ] as const) {
      expect(await submitAs(admin, action, fields)).toMatchObject({ status: 'error', message: TASK_NOT_FOUND });
    }
    expect(await submitAs(admin, renameProjectAction, { projectId: bProject, name: 'pwned' })).toMatchObject({
      status: 'error',
    });
    expect(await submitAs(admin, deleteProjectAction, { projectId: bProject })).toMatchObject({ status: 'error' });
    expect(await submitAs(admin, createTaskAction, { projectId: bProject, title: 'planted' })).toMatchObject({
      status: 'error',
    });
    expect(
      await tenantDb(b.id).task.findFirst({ where: { id: bTask }, select: { title: true, status: true } }),
    ).toEqual({ title: 'a task', status: 'todo' });
    expect(await tenantDb(b.id).task.count()).toBe(1);
  });

  it('a member of B only, on A’s host, is refused before anything is read', async () => {
    const projectId = await projectOf(a);
    const task = await taskOf(a, projectId);
    const asOutsider = { ...outsider, tenant: a };
    expect(await submitAs(asOutsider, editTaskAction, { taskId: task, title: 'pwned' })).toMatchObject({
      status: 'error',
    });
    expect(await tenantDb(a.id).task.findFirst({ where: { id: task }, select: { title: true } })).toEqual({
      title: 'a task',
    });
  });

  it('a form’s bad input comes back as field errors and changes nothing', async () => {
    const projectId = await projectOf(a);
    const task = await taskOf(a, projectId);
    const refused = await submitAs(member, editTaskAction, { taskId: task, title: ' ', dueOn: 'tomorrow' });
    expect(refused).toMatchObject({
      status: 'error',
      fieldErrors: { title: ['Give the task a title.'], dueOn: ['Use a date like 2027-01-31.'] },
    });
    expect(await tenantDb(a.id).task.findFirst({ where: { id: task }, select: { title: true } })).toEqual({
      title: 'a task',
    });
  });
});
