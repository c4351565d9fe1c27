// The Domains settings page's actions through the real checks (Origin, session on the Host,
// membership, permission), the real database and a real DNS server; only Next's request
// headers and cache are stood in for. Then what the page lists, a takeover included.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDomain, checkDomainNow, removeDomain } from '../../app/t/[tenant]/settings/domains/actions';
import { startDnsServer, type TestDnsServer } from '../../tests/support/dns-server';
import { createTenant } from '../../tests/support/tenants';
import { type Member, signedInMember, submitAs, type Tenant } from '../../tests/support/workspace-members';
import { ROLE_REFUSAL } from '../actions/tenant-action';
import { tenantDb } from '../db/tenant-db';
import { customDomainRoute } from './custom-domain-routes';
import { describeDomain } from './describe-domain';
import { challengeRecordName } from './dns-records';
import { listDomains } from './list-domains';
import { routingTarget } from './routing-target';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidatePath }));

let dns: TestDnsServer;
let acme: Tenant;
let globex: Tenant;
let acmeAdmin: Member;
let acmeMember: Member;
let globexAdmin: Member;

const newHost = () => `app.${randomUUID().slice(0, 8)}.example`;
const domainsOf = (tenant: Tenant) => tenantDb(tenant.id).domain.findMany({ orderBy: { createdAt: 'asc' } });
const auditOf = (tenant: Tenant, action: string, target: string) =>
  tenantDb(tenant.id).auditEvent.findMany({ where: { action, target } });

async function added(member: Member, hostname: string) {
  expect(await submitAs(member, addDomain, { hostname })).toMatchObject({ status: 'ok' });
  const domain = (await domainsOf(member.tenant)).find((row) => row.hostname === hostname);
  if (!domain) throw new Error(`${hostname} was not added`);
  return domain;
}

/** DNS as the domain's owner sets it: this token proves ownership, the host points at us. */
function publish(hostname: string, token: string) {
  dns.set(challengeRecordName(hostname), 'TXT', [token]);
  dns.set(hostname, 'CNAME', [routingTarget().cname]);
}

beforeAll(async () => {
  dns = await startDnsServer();
  // Before anything reads the environment (lib/env caches it).
  process.env.DOMAIN_CHECK_DNS_SERVERS = `127.0.0.1:${dns.port}`;
  acme = await createTenant('page-acme', { plan: 'pro' });
  globex = await createTenant('page-globex', { plan: 'pro' });
  acmeAdmin = await signedInMember(acme, 'admin');
  acmeMember = await signedInMember(acme, 'member');
  globexAdmin = await signedInMember(globex, 'owner');
});
afterAll(async () => {
  await dns.close();
});
beforeEach(() => {
  revalidatePath.mockClear();
});

describe('addDomain', () => {
  it('adds a pending domain, audits it and refreshes the page', async () => {
    const hostname = newHost();
    const result = await submitAs(acmeAdmin, addDomain, { hostname: ` ${hostname.toUpperCase()} ` });
    expect(result).toMatchObject({ status: 'ok', message: expect.stringContaining(hostname) });
    expect((await domainsOf(acme)).find((row) => row.hostname === hostname)?.status).toBe('pending');
    const [event] = await auditOf(acme, 'domain.added', hostname);
    expect(event).toMatchObject({ actorId: acmeAdmin.id, actorEmail: acmeAdmin.email });
    expect(revalidatePath).toHaveBeenCalledWith(`/t/${acme.slug}/settings/domains`);
  });

  it.each([
    ['empty', ''],
    ['too long', `${'abcde'.repeat(12)}.`.repeat(5).concat('example')],
    ['not a host name', 'not a domain'],
    ['one of ours', 'someone.localhost'],
  ])('refuses a hostname that is %s on the field, changing nothing', async (_name, hostname) => {
    const before = await domainsOf(acme);
    const result = await submitAs(acmeAdmin, addDomain, { hostname });
    expect(result).toMatchObject({ status: 'error', fieldErrors: { hostname: [expect.any(String)] } });
    expect(await domainsOf(acme)).toEqual(before);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('refuses a duplicate, keeping what was typed', async () => {
    const hostname = newHost();
    await added(acmeAdmin, hostname);
    expect(await submitAs(acmeAdmin, addDomain, { hostname })).toMatchObject({
      status: 'error',
      fieldErrors: { hostname: [expect.stringContaining('already on your list')] },
      values: { hostname },
    });
  });

  it('refuses a member without domains.manage', async () => {
    const hostname = newHost();
    expect(await submitAs(acmeMember, addDomain, { hostname })).toMatchObject({
      status: 'error',
      message: ROLE_REFUSAL,
    });
    expect((await domainsOf(acme)).some((row) => row.hostname === hostname)).toBe(false);
  });
});

describe('checkDomainNow and removeDomain', () => {
  it('checks, verifies and audits the resulting status', async () => {
    const hostname = newHost();
    const domain = await added(acmeAdmin, hostname);
    const pending = await submitAs(acmeAdmin, checkDomainNow, { domainId: domain.id });
    expect(pending).toMatchObject({ status: 'ok', message: expect.stringContaining(`${hostname} is pending`) });

    publish(hostname, domain.verificationToken);
    const verified = await submitAs(acmeAdmin, checkDomainNow, { domainId: domain.id });
    expect(verified).toMatchObject({ status: 'ok', message: `${hostname} is verified and serves this workspace.` });
    expect(await customDomainRoute(hostname)).toEqual({ tenantId: acme.id, slug: acme.slug });
    const events = await auditOf(acme, 'domain.checked', hostname);
    expect(events.map((event) => event.details)).toEqual([
      { status: 'pending', changed: false, tookOver: false },
      { status: 'verified', changed: true, tookOver: false },
    ]);
    expect(revalidatePath).toHaveBeenCalledWith(`/t/${acme.slug}/settings/domains`);
  });

  it("answers 'Domain not found' for another workspace's domain, changing nothing", async () => {
    const hostname = newHost();
    const theirs = await added(globexAdmin, hostname);
    publish(hostname, theirs.verificationToken);
    revalidatePath.mockClear();
    for (const action of [checkDomainNow, removeDomain]) {
      expect(await submitAs(acmeAdmin, action, { domainId: theirs.id })).toMatchObject({
        status: 'error',
        message: 'Domain not found',
      });
    }
    expect(await tenantDb(globex.id).domain.findUnique({ where: { id: theirs.id } })).toEqual(theirs);
    expect(await tenantDb(acme.id).auditEvent.findMany({ where: { target: hostname } })).toEqual([]);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('refuses a malformed domain id on the field', async () => {
    for (const action of [checkDomainNow, removeDomain]) {
      expect(await submitAs(acmeAdmin, action, { domainId: 'not-a-uuid' })).toMatchObject({
        status: 'error',
        fieldErrors: { domainId: ['Domain not found'] },
      });
    }
  });

  it('removes a verified domain: routing stops at once, and it is audited', async () => {
    const hostname = newHost();
    const domain = await added(acmeAdmin, hostname);
    publish(hostname, domain.verificationToken);
    await submitAs(acmeAdmin, checkDomainNow, { domainId: domain.id });
    expect(await customDomainRoute(hostname)).not.toBeNull();

    expect(await submitAs(acmeAdmin, removeDomain, { domainId: domain.id })).toMatchObject({ status: 'ok' });
    expect(await customDomainRoute(hostname)).toBeNull();
    expect(await domainsOf(acme)).not.toContainEqual(expect.objectContaining({ id: domain.id }));
    expect(await auditOf(acme, 'domain.removed', hostname)).toHaveLength(1);
  });
});

describe('the page after a takeover', () => {
  it("tells the displaced workspace's admins when and how to take it back", async () => {
    const hostname = newHost();
    const acmes = await added(acmeAdmin, hostname);
    publish(hostname, acmes.verificationToken);
    await submitAs(acmeAdmin, checkDomainNow, { domainId: acmes.id });

    // The domain changes hands: its new owner publishes their own token and checks.
    const globexs = await added(globexAdmin, hostname);
    publish(hostname, globexs.verificationToken);
    const claim = await submitAs(globexAdmin, checkDomainNow, { domainId: globexs.id });
    expect(claim).toMatchObject({ status: 'ok', message: expect.stringContaining('taken over') });
    expect(await customDomainRoute(hostname)).toEqual({ tenantId: globex.id, slug: globex.slug });
    const [globexEvent] = await auditOf(globex, 'domain.checked', hostname);
    expect(globexEvent?.details).toEqual({ status: 'verified', changed: true, tookOver: true });

    const lost = (await listDomains(tenantDb(acme.id))).find((row) => row.hostname === hostname);
    if (!lost?.lastCheckedAt) throw new Error('the displaced row is not listed, or not dated');
    const view = describeDomain(lost, routingTarget());
    expect(view).toMatchObject({ status: 'misconfigured', takenOver: true });
    const date = `${lost.lastCheckedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    expect(view.message).toBe(
      `Another workspace proved ownership of this domain on ${date}; prove it again with the TXT record to take it back.`,
    );
    expect(view.records.map((record) => [record.type, record.value])).toEqual([
      ['TXT', acmes.verificationToken],
      ['CNAME', routingTarget().cname],
    ]);

    // The winner's page shows its own verified row, never the loser's token.
    const [won] = (await listDomains(tenantDb(globex.id))).filter((row) => row.hostname === hostname);
    expect(won).toMatchObject({ status: 'verified', verificationToken: globexs.verificationToken });
  });

  it('lists only the workspace’s own domains, oldest first', async () => {
    const first = await added(globexAdmin, newHost());
    const second = await added(globexAdmin, newHost());
    const listed = (await listDomains(tenantDb(globex.id))).map((row) => row.id);
    expect(listed.indexOf(first.id)).toBeLessThan(listed.indexOf(second.id));
    const acmeIds = new Set((await listDomains(tenantDb(acme.id))).map((row) => row.id));
    expect(acmeIds.has(first.id) || acmeIds.has(second.id)).toBe(false);
  });
});
