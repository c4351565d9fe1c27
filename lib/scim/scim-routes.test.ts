// The SCIM API through its real route handlers, the real token checks and a real database; only
// Next's request headers are stood in for. Okta's and Entra ID's request shapes both.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as groupRoute from '../../app/t/[tenant]/api/scim/v2/Groups/[id]/route';
import * as groupsRoute from '../../app/t/[tenant]/api/scim/v2/Groups/route';
import * as configRoute from '../../app/t/[tenant]/api/scim/v2/ServiceProviderConfig/route';
import * as userRoute from '../../app/t/[tenant]/api/scim/v2/Users/[id]/route';
import * as usersRoute from '../../app/t/[tenant]/api/scim/v2/Users/route';
import { newAddress, type ScimTenant, scim, scimWorkspace, userBody } from '../../tests/support/scim-client';
import { findMembership } from '../auth/membership';
import { createMainSession } from '../auth/session-store';
import { authDb } from '../db/auth-db';
import { globalDb } from '../db/global-db';
import { tenantDb } from '../db/tenant-db';
import { mapScimGroupRole } from './map-scim-group-role';
import { rotateScimToken } from './rotate-scim-token';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));

let acme: ScimTenant;
let globex: ScimTenant;
let admin: { id: string; email: string };

const workspace = (label: string, plan: 'free' | 'pro' = 'pro') => scimWorkspace(label, admin, plan);

async function provision(tenant: ScimTenant, email = newAddress(tenant.domain)) {
  const created = await scim(tenant, usersRoute.POST, 'POST', { body: userBody(email) });
  expect(created.status).toBe(201);
  const user = await globalDb().user.findFirstOrThrow({ where: { email } });
  return { scimId: created.json.id as string, userId: user.id, email };
}

const scimUserCount = (tenant: ScimTenant) => tenantDb(tenant.id).scimUser.count();

beforeAll(async () => {
  admin = await authDb().user.create({ data: { email: `admin-${randomUUID()}@example.test` } });
  acme = await workspace('acme');
  globex = await workspace('globex');
});

describe('SCIM users', () => {
  it('creates a user the IdP vouched for, with a membership, and shows what the IdP sent', async () => {
    const email = newAddress(acme.domain);
    const created = await scim(acme, usersRoute.POST, 'POST', { body: userBody(email, { externalId: 'okta-1' }) });
    expect(created.status).toBe(201);
    expect(created.type).toBe('application/scim+json');
    expect(created.json).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: email,
      externalId: 'okta-1',
      active: true,
      emails: [{ value: email, primary: true }],
      meta: {
        resourceType: 'User',
        location: `http://${acme.slug}.localhost:3000/api/scim/v2/Users/${created.json.id}`,
      },
    });
    expect(created.json).toMatchObject({ name: { formatted: 'Ada Lovelace' }, displayName: 'Ada Lovelace' });
    const user = await globalDb().user.findFirstOrThrow({ where: { email } });
    expect(user.emailVerified).not.toBeNull();
    expect(await findMembership(acme.id, user.id)).toMatchObject({ role: 'member' });
    const audit = await tenantDb(acme.id).auditEvent.findMany({
      where: { target: email, action: 'scim.user.created' },
    });
    expect(audit).toMatchObject([{ actorId: null, actorEmail: 'scim' }]);
  });

  it('links an existing account of its own domain instead of duplicating it, and keeps its other workspaces', async () => {
    const email = newAddress(acme.domain);
    const user = await authDb().user.create({ data: { email, name: 'Own Name', emailVerified: new Date() } });
    await tenantDb(globex.id).membership.create({ data: { userId: user.id, role: 'member' } });
    const created = await scim(acme, usersRoute.POST, 'POST', { body: userBody(email, { name: undefined }) });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.json)).not.toContain('Own Name');
    expect(await globalDb().user.count({ where: { email } })).toBe(1);
    expect(await findMembership(acme.id, user.id)).toMatchObject({ role: 'member' });
    expect(await findMembership(globex.id, user.id)).toMatchObject({ role: 'member' });
  });

  it('refuses a duplicate userName with 409 uniqueness', async () => {
    const { email } = await provision(acme);
    const again = await scim(acme, usersRoute.POST, 'POST', { body: userBody(email) });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ status: '409', scimType: 'uniqueness' });
  });

  it('finds a user by userName filter, reads it by id, and answers 404 for another workspace id', async () => {
    const { email, scimId } = await provision(acme);
    const found = await scim(acme, usersRoute.GET, 'GET', {
      query: `?filter=${encodeURIComponent(`userName eq "${email}"`)}`,
    });
    expect(found.json).toMatchObject({ totalResults: 1, startIndex: 1, itemsPerPage: 1, Resources: [{ id: scimId }] });
    expect((await scim(acme, userRoute.GET, 'GET', { id: scimId })).json).toMatchObject({ id: scimId });
    expect((await scim(globex, userRoute.GET, 'GET', { id: scimId })).status).toBe(404);
    expect((await scim(acme, usersRoute.GET, 'GET', { query: '?filter=name co "x"' })).status).toBe(400);
  });

  it.each([
    ['Okta', { op: 'replace', value: { active: false } }, { op: 'replace', value: { active: true } }],
    ['Entra ID', { op: 'Replace', path: 'active', value: 'False' }, { op: 'Replace', path: 'active', value: 'True' }],
  ])(
    'deactivation (%s) removes the membership and ends the sessions bound to the workspace; reactivation restores it',
    async (_, off, on) => {
      const { scimId, userId, email } = await provision(acme);
      await createMainSession(userId, acme.id);
      await createMainSession(userId, acme.id);
      const patch = (operation: object) =>
        scim(acme, userRoute.PATCH, 'PATCH', {
          id: scimId,
          body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [operation] },
        });

      const deactivated = await patch(off);
      expect(deactivated.status).toBe(200);
      expect(deactivated.json.active).toBe(false);
      expect(await findMembership(acme.id, userId)).toBeNull();
      expect(await authDb().session.count({ where: { userId, ssoTenantId: acme.id } })).toBe(0);
      expect(
        await tenantDb(acme.id).auditEvent.count({ where: { target: email, action: 'scim.user.deactivated' } }),
      ).toBe(1);

      expect((await patch(on)).json.active).toBe(true);
      expect(await findMembership(acme.id, userId)).toMatchObject({ role: 'member' });
    },
  );

  it('DELETE deactivates and keeps the resource for the IdP', async () => {
    const { scimId, userId } = await provision(acme);
    await createMainSession(userId, acme.id);
    expect((await scim(acme, userRoute.DELETE, 'DELETE', { id: scimId })).status).toBe(204);
    expect(await findMembership(acme.id, userId)).toBeNull();
    expect(await authDb().session.count({ where: { userId } })).toBe(0);
    expect((await scim(acme, userRoute.GET, 'GET', { id: scimId })).json.active).toBe(false);
  });

  it('never deactivates an owner: 400, membership and sessions kept', async () => {
    const { scimId, userId } = await provision(acme);
    await tenantDb(acme.id).membership.updateMany({ where: { userId }, data: { role: 'owner' } });
    await createMainSession(userId, acme.id);
    const refused = await scim(acme, userRoute.DELETE, 'DELETE', { id: scimId });
    expect(refused.status).toBe(400);
    expect(refused.json.detail).toMatch(/owner/);
    expect(await findMembership(acme.id, userId)).toMatchObject({ role: 'owner' });
    expect(await authDb().session.count({ where: { userId } })).toBe(1);
    expect((await scim(acme, userRoute.GET, 'GET', { id: scimId })).json.active).toBe(true);
  });

  it('refuses the member over the seat limit with 403 naming it, and keeps nothing of it', async () => {
    const small = await workspace('small', 'free');
    for (let seat = 0; seat < 5; seat++) await provision(small);
    const email = newAddress(small.domain);
    const refused = await scim(small, usersRoute.POST, 'POST', { body: userBody(email) });
    expect(refused.status).toBe(403);
    expect(refused.json.detail).toMatch(/Free plan includes 5 members/);
    expect(await scimUserCount(small)).toBe(5);
    expect(await globalDb().user.count({ where: { email } })).toBe(0);
  });

  it.each([
    ['not JSON', '{"userName":'],
    ['no userName', { schemas: [], emails: [] }],
    ['userName not an email', { userName: 'not-an-email' }],
  ])('refuses a malformed body (%s) with 400 and changes nothing', async (_, body) => {
    const before = await scimUserCount(acme);
    const refused = await scim(acme, usersRoute.POST, 'POST', { body });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400' });
    expect(await scimUserCount(acme)).toBe(before);
  });
});

describe('SCIM groups', () => {
  it('a group mapped to admin makes its members admins on their next request; leaving it demotes them', async () => {
    const { scimId, userId, email } = await provision(acme);
    const group = await scim(acme, groupsRoute.POST, 'POST', {
      body: { displayName: `Engineering ${randomUUID()}`, members: [] },
    });
    expect(group.status).toBe(201);
    const groupId = group.json.id as string;
    await mapScimGroupRole(tenantDb(acme.id), acme.id, admin, { groupId, role: 'admin' });

    const patch = (operation: object) =>
      scim(acme, groupRoute.PATCH, 'PATCH', { id: groupId, body: { Operations: [operation] } });
    expect((await patch({ op: 'add', path: 'members', value: [{ value: scimId }] })).json.members).toEqual([
      expect.objectContaining({ value: scimId, display: email }),
    ]);
    expect(await findMembership(acme.id, userId)).toMatchObject({ role: 'admin' });

    expect((await patch({ op: 'remove', path: `members[value eq "${scimId}"]` })).status).toBe(200);
    expect(await findMembership(acme.id, userId)).toMatchObject({ role: 'member' });

    await patch({ op: 'Replace', path: 'members', value: [{ value: scimId }] });
    expect(await findMembership(acme.id, userId)).toMatchObject({ role: 'admin' });
    expect((await scim(acme, groupRoute.DELETE, 'DELETE', { id: groupId })).status).toBe(204);
    expect(await findMembership(acme.id, userId)).toMatchObject({ role: 'member' });
  });

  it("refuses another workspace's user as a member, and finds groups by displayName", async () => {
    const stranger = await provision(globex);
    const displayName = `Sales ${randomUUID()}`;
    const refused = await scim(acme, groupsRoute.POST, 'POST', {
      body: { displayName, members: [{ value: stranger.scimId }] },
    });
    expect(refused.status).toBe(400);
    expect(await tenantDb(acme.id).scimGroup.count({ where: { displayName } })).toBe(0);

    await scim(acme, groupsRoute.POST, 'POST', { body: { displayName } });
    const found = await scim(acme, groupsRoute.GET, 'GET', {
      query: `?filter=${encodeURIComponent(`displayName eq "${displayName}"`)}`,
    });
    expect(found.json).toMatchObject({ totalResults: 1, Resources: [{ displayName }] });
  });
});

describe('SCIM tokens', () => {
  it.each([
    ['no token', () => ''],
    ['a malformed token', () => 'hello'],
    ["another workspace's token", () => globex.token],
    ['a forged token naming this workspace', () => `scim_${acme.id.replaceAll('-', '')}_${'A'.repeat(43)}`],
  ])('answers 401 to %s and changes nothing', async (_, token) => {
    const before = await scimUserCount(acme);
    const refused = await scim(acme, usersRoute.POST, 'POST', {
      token: token(),
      body: userBody(newAddress(acme.domain)),
    });
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ status: '401' });
    expect(await scimUserCount(acme)).toBe(before);
  });

  it("refuses this workspace's token on another workspace's host", async () => {
    const refused = await scim(globex, usersRoute.GET, 'GET', { token: acme.token });
    expect(refused.status).toBe(401);
  });

  it('rotation revokes the old token at once and the new one works', async () => {
    const tenant = await workspace('rotating');
    const { token } = await rotateScimToken(tenantDb(tenant.id), tenant.id, admin);
    expect((await scim(tenant, configRoute.GET, 'GET')).status).toBe(401);
    const config = await scim(tenant, configRoute.GET, 'GET', { token });
    expect(config.status).toBe(200);
    expect(config.json).toMatchObject({ patch: { supported: true }, bulk: { supported: false } });
    const audit = await tenantDb(tenant.id).auditEvent.findMany({ where: { action: { startsWith: 'scim.token' } } });
    expect(audit.map((event) => event.action).sort()).toEqual(['scim.token.created', 'scim.token.rotated']);
  });

  it('answers 404 when the Host serves another workspace than the route', async () => {
    const refused = await scim(acme, usersRoute.GET, 'GET', { host: `${globex.slug}.localhost` });
    expect(refused.status).toBe(404);
  });
});
