// The reviewer's attacks on SCIM (issue 11), through the real route handlers and a real database:
// workspace A's token naming a person of workspace B, A's deactivation reaching B, and an account
// someone registered on a future employee's address before the IdP provisioned it.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as userRoute from '../../app/t/[tenant]/api/scim/v2/Users/[id]/route';
import * as usersRoute from '../../app/t/[tenant]/api/scim/v2/Users/route';
import { newAddress, patchBody, type ScimTenant, scim, scimWorkspace, userBody } from '../../tests/support/scim-client';
import { signUp } from '../accounts/sign-up';
import { authOptions } from '../auth/auth-options';
import { findMembership } from '../auth/membership';
import { createHandedSession, createMainSession } from '../auth/session-store';
import { signInProviders } from '../auth/sign-in-providers';
import { passwordHashOf, setPasswordHash } from '../auth/user-password';
import { authDb, authDbFor } from '../db/auth-db';
import { globalDb } from '../db/global-db';
import { tenantDb } from '../db/tenant-db';
import { provisionSsoUser } from '../sso/provision-sso-user';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));

let a: ScimTenant;
let b: ScimTenant;
let admin: { id: string; email: string };

beforeAll(async () => {
  admin = await authDb().user.create({ data: { email: `admin-${randomUUID()}@example.test` } });
  a = await scimWorkspace('takeover-a', admin);
  b = await scimWorkspace('takeover-b', admin);
});

/** A member of B only, with a session B's IdP opened and a plain one. */
async function personOfB() {
  const email = newAddress(b.domain);
  const user = await authDb().user.create({
    data: { email, name: 'Secret Name', emailVerified: new Date() },
  });
  await setPasswordHash(user.id, 'hash-of-b');
  await tenantDb(b.id).membership.create({ data: { userId: user.id, role: 'member' } });
  const sessions = [await createMainSession(user.id, b.id), await createMainSession(user.id)];
  return { email, user, sessions };
}

/** The password check the sign-in form uses (next-auth's credentials provider, our authorize). */
async function passwordSignsIn(email: string, password: string): Promise<boolean> {
  for (const provider of signInProviders()) {
    if (provider.type !== 'credentials' || provider.options.id !== 'password') continue;
    const request = { body: {}, query: {}, headers: {}, method: 'POST' };
    return (await provider.options.authorize({ email, password }, request)) !== null;
  }
  throw new Error('no password provider');
}

describe('SCIM speaks only for its verified email domains', () => {
  it("refuses A's token creating a B-only person: B's membership and sessions untouched, no name leaked", async () => {
    const victim = await personOfB();
    const refused = await scim(a, usersRoute.POST, 'POST', { body: userBody(victim.email, { name: undefined }) });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '400',
      scimType: 'invalidValue',
      detail: expect.stringMatching(/verif/i),
    });
    expect(JSON.stringify(refused.json)).not.toContain('Secret Name');
    expect(await findMembership(a.id, victim.user.id)).toBeNull();
    expect(await findMembership(b.id, victim.user.id)).toMatchObject({ role: 'member' });
    expect(await authDb().session.count({ where: { id: { in: victim.sessions } } })).toBe(2);
    expect(await globalDb().user.findUniqueOrThrow({ where: { id: victim.user.id } })).toMatchObject({
      name: 'Secret Name',
    });
    expect(await passwordHashOf(victim.user.id)).toBe('hash-of-b');
    expect(await tenantDb(a.id).scimUser.count({ where: { userId: victim.user.id } })).toBe(0);

    // The answer is the same whether or not the address has an account: no existence oracle.
    const nobody = newAddress(b.domain);
    const alsoRefused = await scim(a, usersRoute.POST, 'POST', { body: userBody(nobody) });
    expect(alsoRefused.status).toBe(400);
    expect(alsoRefused.json.detail.replace(nobody, 'X')).toBe(refused.json.detail.replace(victim.email, 'X'));
    expect(await globalDb().user.count({ where: { email: nobody } })).toBe(0);
  });

  it.each([
    [
      'an address in an unclaimed domain',
      async () => userBody(`someone-${randomUUID().slice(0, 8)}@unclaimed.example`),
    ],
    [
      'an address in a domain A claimed but has not verified',
      async () => {
        const domain = `pending-${randomUUID().slice(0, 8)}.example`;
        await tenantDb(a.id).ssoEmailDomain.create({ data: { domain, verificationToken: 't' } });
        return userBody(newAddress(domain));
      },
    ],
    [
      'a userName in B’s domain beside a primary email of A',
      async () => userBody(newAddress(a.domain), { userName: newAddress(b.domain) }),
    ],
  ])('refuses %s on create and writes nothing', async (_, body) => {
    const before = await tenantDb(a.id).scimUser.count();
    const refused = await scim(a, usersRoute.POST, 'POST', { body: await body() });
    expect(refused.status).toBe(400);
    expect(refused.json.scimType).toBe('invalidValue');
    expect(await tenantDb(a.id).scimUser.count()).toBe(before);
  });

  it.each([
    [
      'Entra ID (path emails[type eq "work"].value)',
      (to: string) => ({ op: 'Replace', path: 'emails[type eq "work"].value', value: to }),
    ],
    [
      'Okta (no path, emails list)',
      (to: string) => ({ op: 'replace', value: { emails: [{ value: to, primary: true }] } }),
    ],
    ['a userName change', (to: string) => ({ op: 'replace', path: 'userName', value: to })],
  ])("refuses A's token patching a user's address to a B address: %s", async (_, operation) => {
    const own = newAddress(a.domain);
    const created = await scim(a, usersRoute.POST, 'POST', { body: userBody(own) });
    expect(created.status).toBe(201);
    const victim = await personOfB();
    const refused = await scim(a, userRoute.PATCH, 'PATCH', {
      id: created.json.id,
      body: patchBody(operation(victim.email)),
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ scimType: 'invalidValue', detail: expect.stringMatching(/verif/i) });
    expect(await findMembership(a.id, victim.user.id)).toBeNull();
    const read = await scim(a, userRoute.GET, 'GET', { id: created.json.id });
    expect(read.json).toMatchObject({ userName: own, emails: [{ value: own }] });
  });

  it("refuses a PUT that names a B address in place of the user's own", async () => {
    const own = newAddress(a.domain);
    const created = await scim(a, usersRoute.POST, 'POST', { body: userBody(own) });
    const victim = await personOfB();
    const refused = await scim(a, userRoute.PUT, 'PUT', { id: created.json.id, body: userBody(victim.email) });
    expect(refused.status).toBe(400);
    expect(await findMembership(a.id, victim.user.id)).toBeNull();
  });
});

describe("A's deactivation ends A's access only", () => {
  it('never moves a user onto another account, yet an IdP deprovisioning with a changed address still deactivates', async () => {
    const own = newAddress(a.domain);
    const created = await scim(a, usersRoute.POST, 'POST', { body: userBody(own) });
    const renamed = newAddress(a.domain);
    const moved = await scim(a, userRoute.PUT, 'PUT', { id: created.json.id, body: userBody(renamed) });
    expect(moved.status).toBe(400);
    expect(moved.json.scimType).toBe('mutability');
    expect(await globalDb().user.count({ where: { email: renamed } })).toBe(0);

    const victim = await personOfB();
    const off = await scim(a, userRoute.PUT, 'PUT', {
      id: created.json.id,
      body: userBody(victim.email, { active: false }),
    });
    expect(off.status).toBe(200);
    expect(off.json).toMatchObject({ active: false, emails: [{ value: own }] });
    const user = await globalDb().user.findUniqueOrThrow({ where: { email: own } });
    expect(await findMembership(a.id, user.id)).toBeNull();
    expect(await findMembership(b.id, victim.user.id)).toMatchObject({ role: 'member' });
  });

  it.each([
    ['PATCH active=false', 'PATCH'],
    ['DELETE', 'DELETE'],
  ])('%s: the B session and the plain one live, the A-bound and A-host ones end', async (_, method) => {
    // Someone of A's domain who is also a member of B (B invited them).
    const email = newAddress(a.domain);
    const user = await authDb().user.create({ data: { email, emailVerified: new Date() } });
    await tenantDb(b.id).membership.create({ data: { userId: user.id, role: 'member' } });
    const created = await scim(a, usersRoute.POST, 'POST', { body: userBody(email) });
    expect(created.status).toBe(201);

    const plain = await createMainSession(user.id);
    const boundToB = await createMainSession(user.id, b.id);
    const boundToA = await createMainSession(user.id, a.id);
    const parent = { userId: user.id, expires: new Date(Date.now() + 3_600_000) };
    const customHost = `app-${randomUUID().slice(0, 8)}.example`;
    const claim = await tenantDb(a.id).domain.create({ data: { hostname: customHost, verificationToken: 't' } });
    await authDbFor(a.id).$queryRaw`SELECT * FROM record_domain_check(${claim.id}::uuid, 'verified', NULL)`;
    const handedToA = await createHandedSession({ ...parent, id: plain, ssoTenantId: null }, customHost);
    const handedFromA = await createHandedSession({ ...parent, id: boundToA, ssoTenantId: a.id }, 'x.example');
    const handedFromB = await createHandedSession({ ...parent, id: boundToB, ssoTenantId: b.id }, 'b.example');

    const ended =
      method === 'DELETE'
        ? await scim(a, userRoute.DELETE, 'DELETE', { id: created.json.id })
        : await scim(a, userRoute.PATCH, 'PATCH', {
            id: created.json.id,
            body: patchBody({ op: 'replace', value: { active: false } }),
          });
    expect(ended.status).toBeLessThan(300);
    expect(await findMembership(a.id, user.id)).toBeNull();
    expect(await findMembership(b.id, user.id)).toMatchObject({ role: 'member' });
    const alive = (await authDb().session.findMany({ where: { userId: user.id }, select: { id: true } })).map(
      (session) => session.id,
    );
    expect(alive.sort()).toEqual([plain, boundToB, handedFromB].sort());
    expect(alive).not.toContain(handedToA);
    expect(alive).not.toContain(handedFromA);
  });
});

describe('an account nobody proved, provisioned by the IdP (pre-account takeover)', () => {
  it("drops the squatter's password, sessions and links; the real person gets in", async () => {
    const email = newAddress(a.domain);
    const squatter = await signUp({
      name: 'Squatter',
      email,
      password: 'the squatter password',
      workspaceName: 'Squat',
      slug: `squat-${randomUUID().slice(0, 8)}`,
    });
    if (!squatter.ok) throw new Error(squatter.error);
    const squatterSession = await createMainSession(squatter.userId);
    await authDb().account.create({
      data: { userId: squatter.userId, type: 'oauth', provider: 'github', providerAccountId: randomUUID() },
    });
    expect(await passwordSignsIn(email, 'the squatter password')).toBe(true);

    const created = await scim(a, usersRoute.POST, 'POST', { body: userBody(email) });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.json)).not.toContain('Squatter');

    expect(await passwordSignsIn(email, 'the squatter password')).toBe(false);
    expect(await authDb().session.findFirst({ where: { id: squatterSession } })).toBeNull();
    expect(await authDb().account.count({ where: { userId: squatter.userId } })).toBe(0);
    expect(await findMembership(a.id, squatter.userId)).toMatchObject({ role: 'member' });

    // The real person: a magic link signs them in, and so does A's IdP.
    const signIn = authOptions().callbacks?.signIn;
    if (!signIn) throw new Error('no signIn callback');
    const user = { id: squatter.userId, email, emailVerified: null };
    const account = { provider: 'email', type: 'email' as const, providerAccountId: email };
    expect(await signIn({ user, account, email: {} })).toBe(true);
    await tenantDb(a.id).ssoConnection.create({
      data: {
        protocol: 'saml',
        samlIdpEntityId: `https://idp.${a.slug}.example`,
        samlIdpSsoUrl: `https://idp.${a.slug}.example/sso`,
        samlIdpCertificates: ['cert'],
      },
    });
    const viaIdp = await provisionSsoUser(a.id, { provider: `saml-${a.slug}`, subject: 'real', email, name: null });
    expect(viaIdp).toEqual({ ok: true, userId: squatter.userId });
  });
});
