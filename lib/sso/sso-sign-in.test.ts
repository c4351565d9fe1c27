// What a sign-in through a workspace's IdP may do, against the real database: provision just in
// time into that workspace only, link rather than duplicate, honour SCIM and the seat limit, and
// yield a session that is no session on any other workspace's host. Also the SSO-required refusal
// of every other way in, through next-auth's own signIn callback.
import { randomUUID } from 'node:crypto';
import type { Account } from 'next-auth';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { stubRequest } from '../../tests/support/next-request-stub';
import { createTenant } from '../../tests/support/tenants';
import { signUp } from '../accounts/sign-up';
import { authOptions } from '../auth/auth-options';
import { currentSession } from '../auth/current-session';
import { sessionCookieName } from '../auth/session-cookie';
import { createHandedSession, createMainSession } from '../auth/session-store';
import { encodeSessionToken } from '../auth/session-token';
import { passwordHashOf, setPasswordHash } from '../auth/user-password';
import { authDb, authDbFor } from '../db/auth-db';
import { globalDb } from '../db/global-db';
import { tenantDb } from '../db/tenant-db';
import { createScimUser } from '../scim/create-scim-user';
import type { SsoSignInContext } from './oidc-sign-in-provider';
import { provisionSsoUser, type SsoIdentity } from './provision-sso-user';
import { removeEmailDomain } from './remove-email-domain';
import { workspaceSso } from './workspace-sso';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));
// React's per-request cache has no request here: every call computes afresh.
vi.mock('react', async (original) => ({ ...(await original<typeof import('react')>()), cache: <T>(fn: T) => fn }));

type Tenant = { id: string; slug: string };
let acme: Tenant;
let globex: Tenant;
let acmeDomain: string;
let globexDomain: string;

async function verifiedDomainOf(tenant: Tenant): Promise<string> {
  const domain = `${tenant.slug}.example`;
  const claim = await tenantDb(tenant.id).ssoEmailDomain.create({ data: { domain, verificationToken: 't' } });
  await authDbFor(tenant.id).$queryRaw`SELECT * FROM record_email_domain_check(${claim.id}::uuid, true, NULL)`;
  return domain;
}

async function connect(tenant: Tenant, options: { ssoRequired?: boolean; defaultRole?: 'member' | 'admin' } = {}) {
  await tenantDb(tenant.id).ssoConnection.create({
    data: {
      protocol: 'saml',
      samlIdpEntityId: `https://idp.${tenant.slug}.example`,
      samlIdpSsoUrl: `https://idp.${tenant.slug}.example/sso`,
      samlIdpCertificates: ['cert'],
      ...options,
    },
  });
}

const identity = (email: string, provider = 'sso-test'): SsoIdentity => ({
  provider,
  subject: `sub-${randomUUID()}`,
  email,
  name: 'Test Person',
});
const membershipOf = (tenant: Tenant, userId: string) =>
  tenantDb(tenant.id).membership.findFirst({ where: { userId }, select: { role: true } });

beforeAll(async () => {
  acme = await createTenant('jit-acme', { plan: 'pro' });
  globex = await createTenant('jit-globex', { plan: 'pro' });
  acmeDomain = await verifiedDomainOf(acme);
  globexDomain = await verifiedDomainOf(globex);
  await connect(acme, { defaultRole: 'admin' });
  await connect(globex, { ssoRequired: true });
});

describe('just-in-time provisioning', () => {
  it('makes a first sign-in a user and a member with the default role, audited', async () => {
    const email = `new-${randomUUID().slice(0, 8)}@${acmeDomain}`;
    const result = await provisionSsoUser(acme.id, identity(email.toUpperCase()));
    if (!result.ok) throw new Error(result.code);
    const user = await globalDb().user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(user.email).toBe(email);
    expect(user.emailVerified).not.toBeNull();
    expect(await membershipOf(acme, result.userId)).toEqual({ role: 'admin' });
    expect(await membershipOf(globex, result.userId)).toBeNull();
    const [audit] = await tenantDb(acme.id).auditEvent.findMany({
      where: { action: 'sso.member.provisioned', target: email },
    });
    expect(audit?.details).toMatchObject({ role: 'admin' });
  });

  it('links an existing user instead of duplicating, and keeps an existing role', async () => {
    const email = `owner-${randomUUID().slice(0, 8)}@${acmeDomain}`;
    const user = await authDb().user.create({ data: { email, emailVerified: new Date() } });
    await setPasswordHash(user.id, 'kept');
    await tenantDb(acme.id).membership.create({ data: { userId: user.id, role: 'owner' } });
    const first = await provisionSsoUser(acme.id, identity(email));
    const second = await provisionSsoUser(acme.id, identity(email));
    expect(first).toEqual({ ok: true, userId: user.id });
    expect(second).toEqual({ ok: true, userId: user.id });
    expect(await globalDb().user.count({ where: { email } })).toBe(1);
    expect(await membershipOf(acme, user.id)).toEqual({ role: 'owner' });
    expect(await passwordHashOf(user.id)).toBe('kept');
  });

  it('drops what an impostor set up on an address nobody had proven', async () => {
    const email = `squatted-${randomUUID().slice(0, 8)}@${acmeDomain}`;
    const squatter = await authDb().user.create({ data: { email } });
    await setPasswordHash(squatter.id, 'impostor');
    const squatterSession = await createMainSession(squatter.id);
    const result = await provisionSsoUser(acme.id, identity(email));
    expect(result).toEqual({ ok: true, userId: squatter.id });
    const user = await globalDb().user.findUniqueOrThrow({ where: { id: squatter.id } });
    expect(await passwordHashOf(squatter.id)).toBeNull();
    expect(user.emailVerified).not.toBeNull();
    expect(await authDb().session.findFirst({ where: { id: squatterSession } })).toBeNull();
  });

  it('refuses an address outside the workspace’s verified domains, and writes nothing', async () => {
    for (const email of [`someone@${globexDomain}`, `someone-${randomUUID()}@unclaimed.example`]) {
      expect(await provisionSsoUser(acme.id, identity(email))).toEqual({ ok: false, code: 'SsoDomainNotVerified' });
      expect(await globalDb().user.count({ where: { email } })).toBe(0);
    }
  });

  it('never provisions A’s IdP identity into B, even for a user B already has', async () => {
    const email = `both-${randomUUID().slice(0, 8)}@${acmeDomain}`;
    const user = await authDb().user.create({ data: { email, emailVerified: new Date() } });
    await tenantDb(globex.id).membership.create({ data: { userId: user.id, role: 'member' } });
    expect(await provisionSsoUser(globex.id, identity(email))).toEqual({ ok: false, code: 'SsoDomainNotVerified' });
  });

  it('signs in someone SCIM created, as that user and with the role SCIM gave', async () => {
    const email = `scim-${randomUUID().slice(0, 8)}@${acmeDomain}`;
    await createScimUser(tenantDb(acme.id), acme.id, {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: email,
      active: true,
    });
    const scimCreated = await globalDb().user.findUniqueOrThrow({ where: { email } });
    const result = await provisionSsoUser(acme.id, identity(email));
    expect(result).toEqual({ ok: true, userId: scimCreated.id });
    expect(await membershipOf(acme, scimCreated.id)).toEqual({ role: 'member' });
    expect(await globalDb().user.count({ where: { email } })).toBe(1);
  });

  it('keeps out someone the IdP deactivated through SCIM', async () => {
    const email = `gone-${randomUUID().slice(0, 8)}@${acmeDomain}`;
    const user = await authDb().user.create({ data: { email, emailVerified: new Date() } });
    await tenantDb(acme.id).scimUser.create({ data: { userId: user.id, userName: email, active: false } });
    expect(await provisionSsoUser(acme.id, identity(email))).toEqual({ ok: false, code: 'SsoDeactivated' });
    expect(await membershipOf(acme, user.id)).toBeNull();
  });

  it('honours the seat limit', async () => {
    const small = await createTenant('jit-small');
    const domain = await verifiedDomainOf(small);
    await connect(small);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await provisionSsoUser(small.id, identity(`u${i}@${domain}`)));
    expect(results.slice(0, 5).every((result) => result.ok)).toBe(true);
    expect(results[5]).toEqual({ ok: false, code: 'SsoNoSeat' });
    expect(await tenantDb(small.id).membership.count()).toBe(5);
  });
});

describe('links between an IdP’s subjects and our users', () => {
  it('never move: a subject linked to one user cannot sign in as, or under the address of, another', async () => {
    const subject = `sub-${randomUUID()}`;
    const first = await provisionSsoUser(acme.id, {
      ...identity(`first-${randomUUID().slice(0, 6)}@${acmeDomain}`),
      subject,
    });
    if (!first.ok) throw new Error(first.code);
    const relabelled = await provisionSsoUser(acme.id, {
      ...identity(`second-${randomUUID().slice(0, 6)}@${acmeDomain}`),
      subject,
    });
    expect(relabelled).toEqual({ ok: false, code: 'SsoIdentityChanged' });
  });

  it('a domain that leaves the workspace ends the sessions its IdP opened there', async () => {
    const domain = `leaving-${randomUUID().slice(0, 8)}.example`;
    const claim = await tenantDb(acme.id).ssoEmailDomain.create({ data: { domain, verificationToken: 't' } });
    await authDbFor(acme.id).$queryRaw`SELECT * FROM record_email_domain_check(${claim.id}::uuid, true, NULL)`;
    const user = await authDb().user.create({ data: { email: `someone@${domain}` } });
    const bound = await createMainSession(user.id, acme.id);
    const plain = await createMainSession(user.id);
    await removeEmailDomain(acme.id, { id: user.id, email: user.email }, claim.id);
    expect(await authDb().session.findFirst({ where: { id: bound } })).toBeNull();
    expect(await authDb().session.findFirst({ where: { id: plain } })).not.toBeNull();
  });
});

describe('a workspace’s single sign-on', () => {
  it('is offered only once the workspace has verified an email domain', async () => {
    const fresh = await createTenant('jit-fresh');
    await connect(fresh);
    expect(await workspaceSso(fresh.slug)).toBeNull();
    await verifiedDomainOf(fresh);
    expect((await workspaceSso(fresh.slug))?.tenant.id).toBe(fresh.id);
  });

  it('where required, leaves no way to sign up with a password', async () => {
    const email = `newcomer-${randomUUID().slice(0, 8)}@${globexDomain}`;
    const result = await signUp({
      name: 'New Comer',
      email,
      password: 'a-long-enough-password',
      workspaceName: 'Newcomer Inc',
      slug: `newcomer-${randomUUID().slice(0, 8)}`,
    });
    expect(result).toMatchObject({ ok: false, field: 'email', error: expect.stringContaining('single sign-on') });
    expect(await globalDb().user.count({ where: { email } })).toBe(0);
  });
});

describe('next-auth’s signIn callback', () => {
  const ssoContext = (tenant: Tenant): SsoSignInContext => ({
    tenantId: tenant.id,
    provider: { id: `sso-${tenant.slug}`, name: 'x', type: 'oauth', profile: () => ({ id: 'x' }) },
  });
  const account = (provider: string): Account => ({
    provider,
    providerAccountId: `sub-${randomUUID()}`,
    type: 'oauth',
  });
  const signIn = (sso: SsoSignInContext | undefined, args: Record<string, unknown>) => {
    const callback = authOptions(sso).callbacks?.signIn;
    if (!callback) throw new Error('no signIn callback');
    return callback(args as Parameters<typeof callback>[0]);
  };

  it('provisions through the workspace’s own provider, and refuses an unverified email claim', async () => {
    const email = `oidc-${randomUUID().slice(0, 8)}@${acmeDomain}`;
    const ok = await signIn(ssoContext(acme), {
      user: { id: 'x', email },
      account: account(`sso-${acme.slug}`),
      profile: { email },
    });
    expect(ok).toBe(true);
    const unverified = await signIn(ssoContext(acme), {
      user: { id: 'x', email },
      account: account(`sso-${acme.slug}`),
      profile: { email, email_verified: false },
    });
    expect(unverified).toContain('error=SsoEmailUnverified');
  });

  it('refuses when the user next-auth found by the subject is not the one the IdP now names', async () => {
    const email = `named-${randomUUID().slice(0, 8)}@${acmeDomain}`;
    const refused = await signIn(ssoContext(acme), {
      user: { id: randomUUID(), email: `someone-else@${acmeDomain}` },
      account: account(`sso-${acme.slug}`),
      profile: { email },
    });
    expect(refused).toContain('error=SsoIdentityChanged');
  });

  it('refuses A’s provider an address of B’s domain', async () => {
    const email = `intruder@${globexDomain}`;
    const refused = await signIn(ssoContext(acme), {
      user: { id: 'x', email },
      account: account(`sso-${acme.slug}`),
      profile: { email },
    });
    expect(refused).toContain('error=SsoDomainNotVerified');
  });

  it('refuses passwords, links and OAuth for an address whose domain requires SSO', async () => {
    const email = `pat@${globexDomain}`;
    const user = { id: randomUUID(), email };
    expect(await signIn(undefined, { user, account: account('password') })).toContain('error=SsoRequired');
    expect(
      await signIn(undefined, { user, account: account('email'), email: { verificationRequest: true } }),
    ).toContain('error=SsoRequired');
    expect(await signIn(undefined, { user, account: account('github') })).toContain('error=SsoRequired');
    // acme verified its domain but does not require SSO: passwords still work there.
    expect(
      await signIn(undefined, { user: { id: randomUUID(), email: `pat@${acmeDomain}` }, account: account('password') }),
    ).toBe(true);
  });
});

describe('a session opened through a workspace’s IdP', () => {
  async function onHost(host: string, userId: string, sessionId: string) {
    stubRequest({ host }, { [sessionCookieName(host)]: await encodeSessionToken({ userId, sessionId }) });
    return currentSession();
  }

  it('serves that workspace and the root site, and is no session on another workspace’s host', async () => {
    const user = await authDb().user.create({ data: { email: `scoped-${randomUUID()}@${acmeDomain}` } });
    await tenantDb(globex.id).membership.create({ data: { userId: user.id, role: 'member' } });
    const expires = new Date(Date.now() + 86_400_000);
    const acmeBound = await createMainSession(user.id, acme.id);
    const handedToAcme = await createHandedSession(
      { id: acmeBound, userId: user.id, expires, ssoTenantId: acme.id },
      `${acme.slug}.localhost`,
    );
    const handedToGlobex = await createHandedSession(
      { id: acmeBound, userId: user.id, expires, ssoTenantId: acme.id },
      `${globex.slug}.localhost`,
    );
    expect((await onHost(`${acme.slug}.localhost`, user.id, handedToAcme))?.ssoTenantId).toBe(acme.id);
    expect(await onHost(`${globex.slug}.localhost`, user.id, handedToGlobex)).toBeNull();
    expect((await onHost('localhost', user.id, acmeBound))?.id).toBe(acmeBound);

    // The same user's ordinary session is good on globex.
    const plain = await createMainSession(user.id);
    const handedPlain = await createHandedSession(
      { id: plain, userId: user.id, expires, ssoTenantId: null },
      `${globex.slug}.localhost`,
    );
    expect((await onHost(`${globex.slug}.localhost`, user.id, handedPlain))?.id).toBe(handedPlain);
  });
});
