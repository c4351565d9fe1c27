// Projects against PostgreSQL as app_user, through the services: rename, archive and delete, each
// audited; another workspace's project id is not found and stays as it was.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import { authDb } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';
import type { FileStorage } from '../files/file-storage';
import { storageKey } from '../files/storage-key';
import { archiveProject } from './archive-project';
import { PROJECT_NOT_FOUND } from './change-result';
import { createTask } from './create-task';
import { deleteProject } from './delete-project';
import { deleteTask } from './delete-task';
import { listProjects } from './list-projects';
import { renameProject } from './rename-project';

type Workspace = { id: string; slug: string };
type Person = { id: string; email: string };

const removed: string[] = [];
const storage: FileStorage = {
  driver: 'local-disk',
  put: async () => ({ ok: true, size: 0 }),
  get: async () => null,
  delete: async (key) => {
    removed.push(key);
  },
  downloadUrl: async () => 'http://files.invalid/',
};

async function attachTo(workspace: Workspace, taskId: string): Promise<string> {
  const id = randomUUID();
  const key = storageKey(workspace.id, id);
  await tenantDb(workspace.id).storedFile.create({
    data: {
      id,
      key,
      name: 'a.txt',
      contentType: 'text/plain',
      size: 1,
      purpose: 'task-attachment',
      status: 'stored',
      taskId,
    },
  });
  return key;
}

async function addMember(workspace: Workspace): Promise<Person> {
  const email = `member-${randomUUID().slice(0, 8)}@projects.test`;
  const user = await authDb().user.create({ data: { email } });
  await tenantDb(workspace.id).membership.create({ data: { userId: user.id, role: 'member' } });
  return { id: user.id, email };
}

const projectOf = async (workspace: Workspace, name: string) =>
  (await tenantDb(workspace.id).project.create({ data: { name }, select: { id: true } })).id;

const nameOf = async (workspace: Workspace, id: string) =>
  (await tenantDb(workspace.id).project.findFirst({ where: { id }, select: { name: true, archivedAt: true } })) ?? null;

const auditActions = async (workspace: Workspace) =>
  (await tenantDb(workspace.id).auditEvent.findMany({ orderBy: { createdAt: 'asc' }, select: { action: true } })).map(
    (row) => row.action,
  );

let a: Workspace;
let b: Workspace;
let alice: Person;
let bProject: string;

beforeEach(async () => {
  [a, b] = [await createTenant('projects-a'), await createTenant('projects-b')];
  alice = await addMember(a);
  bProject = await projectOf(b, 'B’s project');
});

describe('projects', () => {
  it('are renamed, archived (hidden from the list unless asked for), brought back and deleted, each audited', async () => {
    const db = tenantDb(a.id);
    const id = await projectOf(a, 'Old name');
    expect(await renameProject(db, alice, { projectId: id, name: ' New name ' })).toEqual({
      ok: true,
      name: 'New name',
    });
    expect(await archiveProject(db, alice, { projectId: id, archived: true })).toMatchObject({ ok: true });
    expect(await listProjects(a.id)).toEqual([]);
    expect((await listProjects(a.id, { includeArchived: true })).map((p) => p.name)).toEqual(['New name']);
    expect(await archiveProject(db, alice, { projectId: id, archived: false })).toMatchObject({ ok: true });
    expect((await listProjects(a.id)).map((p) => p.name)).toEqual(['New name']);
    const task = await createTask(db, a.id, alice, { projectId: id, title: 'goes with it' });
    expect(await deleteProject(db, storage, a.id, alice, { projectId: id })).toEqual({ ok: true, name: 'New name' });
    expect(await nameOf(a, id)).toBeNull();
    expect(task.ok && (await db.task.count({ where: { id: task.id } }))).toBe(0);
    expect(await auditActions(a)).toEqual([
      'project.renamed',
      'project.archived',
      'project.unarchived',
      'task.created',
      'project.deleted',
    ]);
  });

  it('deleting a task or a project removes its attachments’ objects from storage too, after the rows', async () => {
    const db = tenantDb(a.id);
    const id = await projectOf(a, 'With files');
    const [one, two] = [
      await createTask(db, a.id, alice, { projectId: id, title: 'one' }),
      await createTask(db, a.id, alice, { projectId: id, title: 'two' }),
    ];
    if (!one.ok || !two.ok) throw new Error('tasks not created');
    const [first, second] = [await attachTo(a, one.id), await attachTo(a, two.id)];
    removed.length = 0;
    expect(await deleteTask(db, storage, a.id, alice, { taskId: one.id })).toMatchObject({ ok: true });
    expect(removed).toEqual([first]);
    expect(await deleteProject(db, storage, a.id, alice, { projectId: id })).toMatchObject({ ok: true });
    expect(removed).toEqual([first, second]);
    expect(await db.storedFile.count()).toBe(0);
  });

  it('list open tasks by count, not the tasks themselves', async () => {
    const db = tenantDb(a.id);
    const id = await projectOf(a, 'Counted');
    await db.task.createMany({
      data: [
        { projectId: id, title: 'open', status: 'todo' },
        { projectId: id, title: 'busy', status: 'doing' },
        { projectId: id, title: 'closed', status: 'done' },
      ],
    });
    expect(await listProjects(a.id)).toEqual([{ id, name: 'Counted', archivedAt: null, openTasks: 2 }]);
  });

  it('a name taken in this workspace is a field error; the same name in another workspace is fine', async () => {
    const db = tenantDb(a.id);
    await projectOf(a, 'Taken');
    const id = await projectOf(a, 'Mine');
    expect(await renameProject(db, alice, { projectId: id, name: 'Taken' })).toEqual({
      ok: false,
      field: 'name',
      error: 'A project named “Taken” already exists.',
    });
    expect(await renameProject(db, alice, { projectId: id, name: 'B’s project' })).toMatchObject({ ok: true });
    expect(await renameProject(db, alice, { projectId: id, name: '  ' })).toMatchObject({ ok: false, field: 'name' });
    expect((await nameOf(a, id))?.name).toBe('B’s project');
  });

  it('another workspace’s project cannot be renamed, archived or deleted by id', async () => {
    const db = tenantDb(a.id);
    expect(await renameProject(db, alice, { projectId: bProject, name: 'pwned' })).toEqual({
      ok: false,
      error: PROJECT_NOT_FOUND,
    });
    expect(await archiveProject(db, alice, { projectId: bProject, archived: true })).toEqual({
      ok: false,
      error: PROJECT_NOT_FOUND,
    });
    expect(await deleteProject(db, storage, a.id, alice, { projectId: bProject })).toEqual({
      ok: false,
      error: PROJECT_NOT_FOUND,
    });
    expect(await nameOf(b, bProject)).toEqual({ name: 'B’s project', archivedAt: null });
    expect(await auditActions(a)).toEqual([]);
  });
});
