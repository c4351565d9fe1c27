// Settings → SSO through the real checks (Origin, session on the Host, membership, the owners-only
// permission), the real database, a real OIDC provider (discovery checked on save) and a real DNS
// server (email-domain proof); only Next's request headers and cache are stood in for.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  checkEmailDomainAction,
  claimEmailDomainAction,
  removeSsoConnectionAction,
  saveOidcConnectionAction,
  updateSsoPolicyAction,
} from '../../app/t/[tenant]/settings/sso/sso-connection-actions';
import { startDnsServer, type TestDnsServer } from '../../tests/support/dns-server';
import { type OidcTestIdp, startOidcTestIdp } from '../../tests/support/oidc-test-idp';
import { createTenant } from '../../tests/support/tenants';
import { type Member, signedInMember, submitAs, type Tenant } from '../../tests/support/workspace-members';
import { ROLE_REFUSAL } from '../actions/tenant-action';
import { createMainSession } from '../auth/session-store';
import { authDb } from '../db/auth-db';
import { tenantDb } from '../db/tenant-db';
import { challengeRecordName } from '../domains/dns-records';
import { readSsoSettings } from './read-sso-settings';
import { decryptSecret } from './secret-box';
import { ssoRouteForEmail } from './sso-route-for-email';

vi.hoisted(() => {
  // Before anything reads the environment (lib/env caches it): the test IdP speaks plain http.
  process.env.SSO_ALLOW_HTTP = 'true';
});
vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const CLIENT_SECRET = `secret-${randomUUID()}`;
let idp: OidcTestIdp;
let dns: TestDnsServer;
let acme: Tenant;
let globex: Tenant;
let acmeOwner: Member;
let acmeAdmin: Member;
let globexOwner: Member;

const newDomain = () => `corp-${randomUUID().slice(0, 8)}.example`;

async function verifiedDomain(member: Member, domain = newDomain()): Promise<string> {
  expect(await submitAs(member, claimEmailDomainAction, { domain })).toMatchObject({ status: 'ok' });
  const claim = await tenantDb(member.tenant.id).ssoEmailDomain.findFirstOrThrow({ where: { domain } });
  dns.set(challengeRecordName(domain), 'TXT', [claim.verificationToken]);
  expect(await submitAs(member, checkEmailDomainAction, { claimId: claim.id })).toMatchObject({ status: 'ok' });
  return domain;
}

const oidcFields = () => ({ issuer: idp.issuer, clientId: 'acme-client', clientSecret: CLIENT_SECRET });

beforeAll(async () => {
  idp = await startOidcTestIdp({ clients: [] });
  dns = await startDnsServer();
  process.env.DOMAIN_CHECK_DNS_SERVERS = `127.0.0.1:${dns.port}`;
  acme = await createTenant('sso-acme', { plan: 'pro' });
  globex = await createTenant('sso-globex', { plan: 'pro' });
  acmeOwner = await signedInMember(acme, 'owner');
  acmeAdmin = await signedInMember(acme, 'admin');
  globexOwner = await signedInMember(globex, 'owner');
});
afterAll(async () => {
  await idp.stop();
  await dns.close();
});

describe('the OIDC connection', () => {
  it('is an owner’s to set: an admin is refused and nothing is stored', async () => {
    const refused = await submitAs(acmeAdmin, saveOidcConnectionAction, oidcFields());
    expect(refused).toMatchObject({ status: 'error', message: ROLE_REFUSAL });
    expect(JSON.stringify(refused)).not.toContain(CLIENT_SECRET);
    expect(await tenantDb(acme.id).ssoConnection.count()).toBe(0);
  });

  it('is checked against the issuer’s discovery document before it is stored', async () => {
    const wrong = await submitAs(acmeOwner, saveOidcConnectionAction, {
      ...oidcFields(),
      issuer: `${idp.issuer}/nope`,
    });
    expect(wrong).toMatchObject({
      status: 'error',
      fieldErrors: { issuer: [expect.stringContaining('Discovery failed')] },
    });
    const notUrl = await submitAs(acmeOwner, saveOidcConnectionAction, { ...oidcFields(), issuer: 'idp.example' });
    expect(notUrl).toMatchObject({ status: 'error', fieldErrors: { issuer: [expect.stringContaining('full URL')] } });
    expect(await tenantDb(acme.id).ssoConnection.count()).toBe(0);
  });

  it('never sends the client secret back to the browser, even after a failed save', async () => {
    const failed = await submitAs(acmeOwner, saveOidcConnectionAction, {
      ...oidcFields(),
      issuer: 'http://127.0.0.1:1',
    });
    expect(JSON.stringify(failed)).not.toContain(CLIENT_SECRET);
  });

  it('stores the secret encrypted for this workspace, and the page reads only that one exists', async () => {
    expect(await submitAs(acmeOwner, saveOidcConnectionAction, oidcFields())).toMatchObject({ status: 'ok' });
    const row = await tenantDb(acme.id).ssoConnection.findFirstOrThrow();
    expect(row.oidcIssuer).toBe(idp.issuer);
    // Sign-in uses the endpoints discovery gave now, not whatever discovery says later.
    expect(row.oidcAuthorizationEndpoint).toMatch(new RegExp(`^${idp.issuer}/`));
    expect(row.oidcJwksUri).toMatch(new RegExp(`^${idp.issuer}/`));
    expect(row.oidcClientSecretEncrypted).not.toContain(CLIENT_SECRET);
    expect(decryptSecret(row.oidcClientSecretEncrypted ?? '', acme.id)).toBe(CLIENT_SECRET);
    expect(() => decryptSecret(row.oidcClientSecretEncrypted ?? '', globex.id)).toThrow();
    const settings = await readSsoSettings(tenantDb(acme.id));
    expect(JSON.stringify(settings)).not.toContain(row.oidcClientSecretEncrypted);
    expect(settings.connection).toMatchObject({ protocol: 'oidc', hasClientSecret: true });
    const [audit] = await tenantDb(acme.id).auditEvent.findMany({ where: { action: 'sso.connection.saved' } });
    expect(audit?.actorEmail).toBe(acmeOwner.email);
    expect(JSON.stringify(audit)).not.toContain(CLIENT_SECRET);
  });

  it('keeps the stored secret when a later save leaves it empty', async () => {
    const before = await tenantDb(acme.id).ssoConnection.findFirstOrThrow();
    expect(
      await submitAs(acmeOwner, saveOidcConnectionAction, {
        ...oidcFields(),
        clientId: 'acme-client-2',
        clientSecret: '',
      }),
    ).toMatchObject({ status: 'ok' });
    const after = await tenantDb(acme.id).ssoConnection.findFirstOrThrow();
    expect(after.oidcClientId).toBe('acme-client-2');
    expect(after.oidcClientSecretEncrypted).toBe(before.oidcClientSecretEncrypted);
  });
});

describe('email domains', () => {
  it('are verified by their TXT record only, and then route sign-in to the workspace', async () => {
    const domain = newDomain();
    expect(await submitAs(acmeOwner, claimEmailDomainAction, { domain: `@${domain.toUpperCase()}.` })).toMatchObject({
      status: 'ok',
    });
    const claim = await tenantDb(acme.id).ssoEmailDomain.findFirstOrThrow({ where: { domain } });
    const absent = await submitAs(acmeOwner, checkEmailDomainAction, { claimId: claim.id });
    expect(absent).toMatchObject({ status: 'error', message: expect.stringContaining('No TXT record') });
    dns.set(challengeRecordName(domain), 'TXT', ['someone-else']);
    expect(await submitAs(acmeOwner, checkEmailDomainAction, { claimId: claim.id })).toMatchObject({ status: 'error' });
    expect(await ssoRouteForEmail(`x@${domain}`)).toBeNull();
    dns.set(challengeRecordName(domain), 'TXT', [claim.verificationToken]);
    expect(await submitAs(acmeOwner, checkEmailDomainAction, { claimId: claim.id })).toMatchObject({
      status: 'ok',
      message: 'Verified.',
    });
    expect(await ssoRouteForEmail(`X@${domain.toUpperCase()}`)).toEqual({
      tenantId: acme.id,
      slug: acme.slug,
      ssoRequired: false,
    });
    const actions = (await tenantDb(acme.id).auditEvent.findMany({ where: { target: domain } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['sso.email_domain.claimed', 'sso.email_domain.verified']));
  });

  it('belong to one workspace: a second workspace’s proof does not take a verified domain', async () => {
    const domain = await verifiedDomain(acmeOwner);
    expect(await submitAs(globexOwner, claimEmailDomainAction, { domain })).toMatchObject({ status: 'ok' });
    const claim = await tenantDb(globex.id).ssoEmailDomain.findFirstOrThrow({ where: { domain } });
    dns.set(challengeRecordName(domain), 'TXT', [claim.verificationToken]);
    const taken = await submitAs(globexOwner, checkEmailDomainAction, { claimId: claim.id });
    expect(taken).toMatchObject({
      status: 'error',
      message: 'Another workspace has already verified this email domain.',
    });
    expect((await ssoRouteForEmail(`x@${domain}`))?.tenantId).toBe(acme.id);
  });

  it('cannot be checked or seen across workspaces', async () => {
    const claim = await tenantDb(acme.id).ssoEmailDomain.findFirstOrThrow();
    expect(await submitAs(globexOwner, checkEmailDomainAction, { claimId: claim.id })).toMatchObject({
      status: 'error',
      message: 'Domain not found.',
    });
    expect(await tenantDb(globex.id).ssoEmailDomain.findFirst({ where: { id: claim.id } })).toBeNull();
  });

  it('refuse malformed names with a clear message and store nothing', async () => {
    const before = await tenantDb(acme.id).ssoEmailDomain.count();
    for (const domain of ['localhost', 'a..b', '-x.com', '1.2.3.4', `${'x'.repeat(70)}.com`]) {
      expect(await submitAs(acmeOwner, claimEmailDomainAction, { domain })).toMatchObject({
        status: 'error',
        fieldErrors: { domain: [expect.stringContaining('not a domain name')] },
      });
    }
    expect(await tenantDb(acme.id).ssoEmailDomain.count()).toBe(before);
  });
});

describe('requiring SSO', () => {
  it('needs a verified domain, then ends the other sessions of that domain’s users', async () => {
    const noDomain = await createTenant('sso-nodomain', { plan: 'pro' });
    const owner = await signedInMember(noDomain, 'owner');
    await tenantDb(noDomain.id).ssoConnection.create({
      data: {
        protocol: 'saml',
        samlIdpEntityId: 'x',
        samlIdpSsoUrl: 'https://idp.example/sso',
        samlIdpCertificates: ['x'],
      },
    });
    expect(await submitAs(owner, updateSsoPolicyAction, { defaultRole: 'member', ssoRequired: 'on' })).toMatchObject({
      status: 'error',
      message: expect.stringContaining('Verify an email domain first'),
    });

    const domain = await verifiedDomain(acmeOwner);
    const user = await authDb().user.create({ data: { email: `pat@${domain}` } });
    const passwordSession = await createMainSession(user.id);
    const ssoSession = await createMainSession(user.id, acme.id);
    expect(await submitAs(acmeOwner, updateSsoPolicyAction, { defaultRole: 'admin', ssoRequired: 'on' })).toMatchObject(
      {
        status: 'ok',
      },
    );
    expect(await ssoRouteForEmail(`pat@${domain}`)).toMatchObject({ ssoRequired: true });
    expect(await authDb().session.findFirst({ where: { id: passwordSession } })).toBeNull();
    expect(await authDb().session.findFirst({ where: { id: ssoSession } })).not.toBeNull();
    const [audit] = await tenantDb(acme.id).auditEvent.findMany({ where: { action: 'sso.policy.updated' } });
    expect(audit?.details).toEqual({ defaultRole: 'admin', ssoRequired: true });
  });

  it('switching to another IdP forgets what the previous one vouched for', async () => {
    const other = await startOidcTestIdp({ clients: [] });
    try {
      const user = await authDb().user.create({ data: { email: `switch-${randomUUID()}@example.test` } });
      const bound = await createMainSession(user.id, acme.id);
      await authDb().account.create({
        data: { userId: user.id, type: 'sso', provider: `sso-${acme.slug}`, providerAccountId: 'sub-1' },
      });
      // The same issuer again (a new client id) keeps them…
      expect(
        await submitAs(acmeOwner, saveOidcConnectionAction, { ...oidcFields(), clientId: 'again', clientSecret: '' }),
      ).toMatchObject({ status: 'ok' });
      expect(await authDb().session.findFirst({ where: { id: bound } })).not.toBeNull();
      // …another issuer does not.
      expect(
        await submitAs(acmeOwner, saveOidcConnectionAction, {
          ...oidcFields(),
          issuer: other.issuer,
          clientSecret: '',
        }),
      ).toMatchObject({ status: 'ok' });
      expect(await authDb().session.findFirst({ where: { id: bound } })).toBeNull();
      expect(await authDb().account.count({ where: { provider: `sso-${acme.slug}` } })).toBe(0);
    } finally {
      await other.stop();
    }
  });

  it('disconnecting the IdP ends the sessions it opened', async () => {
    const user = await authDb().user.create({ data: { email: `leaver-${randomUUID()}@example.test` } });
    const ssoSession = await createMainSession(user.id, acme.id);
    expect(await submitAs(acmeOwner, removeSsoConnectionAction, {})).toMatchObject({ status: 'ok' });
    expect(await authDb().session.findFirst({ where: { id: ssoSession } })).toBeNull();
    expect(await tenantDb(acme.id).auditEvent.count({ where: { action: 'sso.connection.removed' } })).toBe(1);
  });
});
