// The SCIM API through its real route handlers, the real token checks and a real database; only
// Next's request headers are stood in for. Okta's and Entra ID's request shapes both.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as groupRoute from '../../app/t/[tenant]/api/scim/v2/Groups/[id]/route';
import * as groupsRoute from '../../app/t/[tenant]/api/scim/v2/Groups/route';
import * as configRoute from '../../app/t/[tenant]/api/scim/v2/ServiceProviderConfig/route';
import * as userRoute from '../../app/t/[tenant]/api/scim/v2/Users/[id]/route';
import * as usersRoute from '../../app/t/[tenant]/api/scim/v2/Users/route';
import { stubRequest } from '../../tests/support/next-request-stub';
import { createTenant } from '../../tests/support/tenants';
import { findMembership } from '../auth/membership';
import { createMainSession } from '../auth/session-store';
import { authDb } from '../db/auth-db';
import { globalDb } from '../db/global-db';
import { tenantDb } from '../db/tenant-db';
import { createScimToken } from './create-scim-token';
import { mapScimGroupRole } from './map-scim-group-role';
import { rotateScimToken } from './rotate-scim-token';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));

type Tenant = { id: string; slug: string; token: string };
type Handler = (request: Request, context: { params: Promise<{ tenant: string; id: string }> }) => Promise<Response>;
type Call = { token?: string; body?: unknown; id?: string; query?: string; host?: string };

let acme: Tenant;
let globex: Tenant;
let admin: { id: string; email: string };

/** On Pro (50 seats) unless `plan` says otherwise, so only the seat test meets the limit. */
async function workspace(label: string, plan: 'free' | 'pro' = 'pro'): Promise<Tenant> {
  const tenant = await createTenant(label, { plan });
  const { token } = await createScimToken(tenantDb(tenant.id), tenant.id, admin);
  return { ...tenant, token };
}

/** Calls a route handler as the IdP would, on the workspace's host. */
async function scim(tenant: Tenant, handler: Handler, method: string, call: Call = {}) {
  const host = call.host ?? `${tenant.slug}.localhost`;
  stubRequest({ host });
  const body =
    call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
  const response = await handler(
    new Request(`http://${host}/api/scim/v2/x${call.query ?? ''}`, {
      method,
      headers: { host, authorization: `Bearer ${call.token ?? tenant.token}`, 'content-type': 'application/scim+json' },
      body,
    }),
    { params: Promise.resolve({ tenant: tenant.slug, id: call.id ?? '' }) },
  );
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), json: text ? JSON.parse(text) : null };
}

const newEmail = () => `person-${randomUUID().slice(0, 8)}@example.test`;
const userBody = (email: string, extra: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName: email,
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  emails: [{ value: email, primary: true, type: 'work' }],
  active: true,
  ...extra,
});

async function provision(tenant: Tenant, email = newEmail()) {
  const created = await scim(tenant, usersRoute.POST, 'POST', { body: userBody(email) });
  expect(created.status).toBe(201);
  const user = await globalDb().user.findFirstOrThrow({ where: { email } });
  return { scimId: created.json.id as string, userId: user.id, email };
}

const scimUserCount = (tenant: Tenant) => tenantDb(tenant.id).scimUser.count();

beforeAll(async () => {
  admin = await globalDb().user.create({ data: { email: `admin-${randomUUID()}@example.test` } });
  acme = await workspace('acme');
  globex = await workspace('globex');
});

describe('SCIM users', () => {
  it('creates an unverified user with a membership, and links the same person in a second workspace', async () => {
    const email = newEmail();
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
    const user = await globalDb().user.findFirstOrThrow({ where: { email } });
    expect(user.emailVerified).toBeNull();
    expect(await findMembership(acme.id, user.id)).toMatchObject({ role: 'member' });
    const audit = await tenantDb(acme.id).auditEvent.findMany({
      where: { target: email, action: 'scim.user.created' },
    });
    expect(audit).toMatchObject([{ actorId: null, actorEmail: 'scim' }]);

    expect((await scim(globex, usersRoute.POST, 'POST', { body: userBody(email) })).status).toBe(201);
    expect(await globalDb().user.count({ where: { email } })).toBe(1);
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
    'deactivation (%s) removes the membership and ends every session at once; reactivation restores it',
    async (_, off, on) => {
      const { scimId, userId, email } = await provision(acme);
      await createMainSession(userId);
      await createMainSession(userId);
      const patch = (operation: object) =>
        scim(acme, userRoute.PATCH, 'PATCH', {
          id: scimId,
          body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [operation] },
        });

      const deactivated = await patch(off);
      expect(deactivated.status).toBe(200);
      expect(deactivated.json.active).toBe(false);
      expect(await findMembership(acme.id, userId)).toBeNull();
      expect(await authDb().session.count({ where: { userId } })).toBe(0);
      expect(
        await tenantDb(acme.id).auditEvent.count({ where: { target: email, action: 'scim.user.deactivated' } }),
      ).toBe(1);

      expect((await patch(on)).json.active).toBe(true);
      expect(await findMembership(acme.id, userId)).toMatchObject({ role: 'member' });
    },
  );

  it('DELETE deactivates and keeps the resource for the IdP', async () => {
    const { scimId, userId } = await provision(acme);
    await createMainSession(userId);
    expect((await scim(acme, userRoute.DELETE, 'DELETE', { id: scimId })).status).toBe(204);
    expect(await findMembership(acme.id, userId)).toBeNull();
    expect(await authDb().session.count({ where: { userId } })).toBe(0);
    expect((await scim(acme, userRoute.GET, 'GET', { id: scimId })).json.active).toBe(false);
  });

  it('never deactivates an owner: 400, membership and sessions kept', async () => {
    const { scimId, userId } = await provision(acme);
    await tenantDb(acme.id).membership.updateMany({ where: { userId }, data: { role: 'owner' } });
    await createMainSession(userId);
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
    const email = newEmail();
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
    ['oversized', { userName: `${'a'.repeat(300_000)}@example.test` }],
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
    const refused = await scim(acme, usersRoute.POST, 'POST', { token: token(), body: userBody(newEmail()) });
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
