// The workspace home's counts through the tenant cache (the run's Redis, or in process without
// one) and PostgreSQL as app_user: they are served from the cache, the services that add or remove
// projects and members invalidate them, one workspace's counts are never another's, and a forged
// tenant id is refused before anything is read.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { closedPort } from '../../tests/support/closed-port';
import { createTenant } from '../../tests/support/tenants';
import { authDb } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';
import type { Role } from '../generated/prisma/enums';
import { acceptInvitation } from '../invitations/accept-invitation';
import { createInvitation } from '../invitations/create-invitation';
import { removeMember } from '../members/remove-member';
import { createProject } from '../projects/create-project';
import { workspaceCounts } from './workspace-counts';

type Workspace = { id: string; slug: string };

async function addMember(workspace: Workspace, role: Role) {
  const email = `${role}-${randomUUID().slice(0, 8)}@acme.test`;
  const user = await authDb().user.create({ data: { email, name: role } });
  const membership = await tenantDb(workspace.id).membership.create({ data: { userId: user.id, role } });
  return { id: user.id, email, name: role, role, membershipId: membership.id };
}

/** A project written behind the services' back: the cache cannot know of it. */
async function projectBehindTheCache(workspace: Workspace, tasks: boolean[] = []) {
  const project = await tenantDb(workspace.id).project.create({ data: { name: `quiet-${randomUUID().slice(0, 8)}` } });
  for (const done of tasks) {
    await tenantDb(workspace.id).task.create({
      data: { projectId: project.id, title: 'a task', status: done ? 'done' : 'todo' },
    });
  }
}

describe('the workspace home’s counts', () => {
  it('come from the cache until a project is created through the service', async () => {
    const ws = await createTenant('counts');
    const owner = await addMember(ws, 'owner');
    await projectBehindTheCache(ws, [false, true]);
    expect(await workspaceCounts(ws.id)).toEqual({ projects: 1, tasks: 2, openTasks: 1, members: 1 });

    await projectBehindTheCache(ws, [false]);
    expect(await workspaceCounts(ws.id)).toEqual({ projects: 1, tasks: 2, openTasks: 1, members: 1 }); // cached

    expect(await createProject(tenantDb(ws.id), ws.id, owner, 'Launch')).toMatchObject({ ok: true });
    expect(await workspaceCounts(ws.id)).toEqual({ projects: 3, tasks: 3, openTasks: 2, members: 1 });
  });

  it('a refused project (a taken name) changes nothing and keeps the cached counts', async () => {
    const ws = await createTenant('counts-refused');
    const owner = await addMember(ws, 'owner');
    await createProject(tenantDb(ws.id), ws.id, owner, 'Launch');
    expect((await workspaceCounts(ws.id)).projects).toBe(1);
    expect(await createProject(tenantDb(ws.id), ws.id, owner, 'Launch')).toMatchObject({ ok: false });
    expect((await workspaceCounts(ws.id)).projects).toBe(1);
  });

  it('follow members removed and invitations accepted', async () => {
    const ws = await createTenant('counts-members');
    const owner = await addMember(ws, 'owner');
    const member = await addMember(ws, 'member');
    expect((await workspaceCounts(ws.id)).members).toBe(2);

    expect(await removeMember(tenantDb(ws.id), ws.id, owner, { membershipId: member.membershipId })).toMatchObject({
      ok: true,
    });
    expect((await workspaceCounts(ws.id)).members).toBe(1);

    const email = `invitee-${randomUUID().slice(0, 8)}@acme.test`;
    const invitee = await authDb().user.create({ data: { email } });
    let token = '';
    const workspace = { ...ws, name: ws.slug };
    await createInvitation(tenantDb(ws.id), workspace, owner, { email, role: 'member' }, async (message) => {
      token = message.text.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1] ?? '';
    });
    expect((await workspaceCounts(ws.id)).members).toBe(1);
    expect(await acceptInvitation(tenantDb(ws.id), ws.id, invitee, token)).toMatchObject({ ok: true });
    expect((await workspaceCounts(ws.id)).members).toBe(2);
  });

  it('of one workspace are never served to another, and a change in one leaves the other cached', async () => {
    const [a, b] = [await createTenant('counts-a'), await createTenant('counts-b')];
    const ownerA = await addMember(a, 'owner');
    await addMember(b, 'owner');
    await addMember(b, 'member');
    await projectBehindTheCache(a, [false]);
    await projectBehindTheCache(a);
    expect(await workspaceCounts(a.id)).toEqual({ projects: 2, tasks: 1, openTasks: 1, members: 1 });
    expect(await workspaceCounts(b.id)).toEqual({ projects: 0, tasks: 0, openTasks: 0, members: 2 });

    await projectBehindTheCache(b);
    await createProject(tenantDb(a.id), a.id, ownerA, 'Only A');
    expect((await workspaceCounts(a.id)).projects).toBe(3);
    expect((await workspaceCounts(b.id)).projects).toBe(0); // still B's own cached entry
  });

  it('with Redis configured but down, come from PostgreSQL without an error, the outage logged once', async () => {
    const ws = await createTenant('counts-down');
    await addMember(ws, 'owner');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const saved = process.env.REDIS_URL;
    process.env.REDIS_URL = `redis://127.0.0.1:${await closedPort()}`;
    vi.resetModules(); // the app's modules again, reading this REDIS_URL
    try {
      const fresh = await import('./workspace-counts');
      const started = performance.now();
      for (let i = 0; i < 5; i++) {
        expect(await fresh.workspaceCounts(ws.id)).toEqual({ projects: 0, tasks: 0, openTasks: 0, members: 1 });
        await fresh.forgetWorkspaceCounts(ws.id);
      }
      expect(performance.now() - started).toBeLessThan(3_000); // the first connection attempt, then no waiting
      const outage = warn.mock.calls.filter(([line]) => String(line).startsWith('[cache] Redis unreachable'));
      expect(outage).toHaveLength(1);
      (await import('../cache/cache-redis-connection')).cacheRedis()?.disconnect();
    } finally {
      if (saved === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = saved;
      vi.resetModules();
      vi.restoreAllMocks();
    }
  });

  it.each(['acme', '', 'not-a-uuid', `${randomUUID().toUpperCase()}`])(
    'refuse a forged tenant id: %j',
    async (forged) => {
      await expect(workspaceCounts(forged)).rejects.toThrow(TypeError);
    },
  );
});
