// What the database guarantees about custom domains, whatever the app does: a domain starts
// unproven, cannot be marked verified directly, is claimed only by its own workspace, and a proven
// claim takes the hostname over, telling the previous holder. Routing sees verified domains only.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import { globalDb } from '../db/global-db';
import { tenantDb } from '../db/tenant-db';
import { customDomainRoute } from './custom-domain-routes';
import { recordDomainCheck } from './record-domain-check';

let a: { id: string; slug: string };
let b: { id: string; slug: string };

beforeAll(async () => {
  a = await createTenant('dom-a');
  b = await createTenant('dom-b');
});

const hostname = () => `app.${randomUUID().slice(0, 8)}.example`;

async function addDomain(tenantId: string, host: string) {
  return tenantDb(tenantId).domain.create({ data: { hostname: host, verificationToken: randomUUID() } });
}

describe('domain claims', () => {
  it('a new domain is pending, even if the insert says otherwise', async () => {
    const domain = await tenantDb(a.id).domain.create({
      data: { hostname: hostname(), verificationToken: 't', status: 'verified', verifiedAt: new Date() },
    });
    expect(domain.status).toBe('pending');
    expect(domain.verifiedAt).toBeNull();
  });

  it('the app cannot mark a domain verified directly', async () => {
    const domain = await addDomain(a.id, hostname());
    await expect(
      tenantDb(a.id).domain.update({ where: { id: domain.id }, data: { status: 'verified' } }),
    ).rejects.toThrow(/permission denied/);
    await expect(tenantDb(a.id).$executeRaw`UPDATE domains SET status = 'verified'`).rejects.toThrow(
      /permission denied/,
    );
  });

  it("a workspace cannot record a check for another workspace's domain", async () => {
    const domain = await addDomain(a.id, hostname());
    await expect(recordDomainCheck(b.id, domain, 'verified', null)).rejects.toThrow(/not found/);
    expect((await tenantDb(a.id).domain.findUniqueOrThrow({ where: { id: domain.id } })).status).toBe('pending');
  });

  it('only a verified domain routes, and it stops routing when it is removed', async () => {
    const host = hostname();
    const domain = await addDomain(a.id, host);
    expect(await customDomainRoute(host)).toBeNull();
    await recordDomainCheck(a.id, domain, 'verified', null);
    expect(await customDomainRoute(host)).toEqual({ tenantId: a.id, slug: a.slug });
    await tenantDb(a.id).domain.delete({ where: { id: domain.id } });
    await expect.poll(() => customDomainRoute(host), { timeout: 2_000 }).toBeNull();
  });

  it('a proven claim takes the hostname over; the previous holder sees why', async () => {
    const host = hostname();
    const first = await addDomain(a.id, host);
    await recordDomainCheck(a.id, first, 'verified', null);
    const second = await addDomain(b.id, host);
    expect(await customDomainRoute(host)).toEqual({ tenantId: a.id, slug: a.slug });

    const recorded = await recordDomainCheck(b.id, second, 'verified', null);
    expect(recorded).toEqual({ previous: 'pending', current: 'verified', reason: null, displacedTenantId: a.id });
    expect(await customDomainRoute(host)).toEqual({ tenantId: b.id, slug: b.slug });
    const loser = await tenantDb(a.id).domain.findUniqueOrThrow({ where: { id: first.id } });
    expect(loser.status).toBe('misconfigured');
    expect(loser.statusReason).toMatch(/Another workspace proved/);
    // The loser's admins keep a record of it, whatever later checks write on the row.
    const lost = await tenantDb(a.id).auditEvent.findMany({ where: { action: 'domain.lost', target: host } });
    expect(lost).toHaveLength(1);
    expect(await tenantDb(b.id).auditEvent.count({ where: { action: 'domain.lost', target: host } })).toBe(0);
  });

  it("while the holder's TXT token is still published, a newcomer's proof does not take the hostname", async () => {
    const host = hostname();
    const held = await addDomain(a.id, host);
    await recordDomainCheck(a.id, held, 'verified', null, [held.verificationToken]);
    const claim = await addDomain(b.id, host);
    const bothPublished = [held.verificationToken, claim.verificationToken];

    const blocked = await recordDomainCheck(b.id, claim, 'verified', null, bothPublished);
    expect(blocked).toMatchObject({ current: 'pending', displacedTenantId: null });
    expect(blocked.reason).toMatch(/its TXT record is still published/);
    expect(await customDomainRoute(host)).toEqual({ tenantId: a.id, slug: a.slug });
    // The holder re-checking with both tokens published keeps it: no back and forth.
    expect(await recordDomainCheck(a.id, held, 'verified', null, bothPublished)).toMatchObject({ current: 'verified' });

    // Once the holder's record is gone, the newcomer's proof wins.
    const won = await recordDomainCheck(b.id, claim, 'verified', null, [claim.verificationToken]);
    expect(won).toMatchObject({ current: 'verified', displacedTenantId: a.id });
  });

  it('an unproven claim of a taken hostname changes nothing for its holder', async () => {
    const host = hostname();
    const held = await addDomain(a.id, host);
    await recordDomainCheck(a.id, held, 'verified', null);
    const claim = await addDomain(b.id, host);
    await recordDomainCheck(b.id, claim, 'pending', 'TXT record not found');
    expect(await customDomainRoute(host)).toEqual({ tenantId: a.id, slug: a.slug });
  });

  it('another workspace cannot see who holds a hostname, nor pending claims', async () => {
    const host = hostname();
    await addDomain(a.id, host);
    expect(await tenantDb(b.id).domain.findMany({ where: { hostname: host } })).toEqual([]);
    expect(await globalDb().domain.findMany({ where: { hostname: host } })).toEqual([]);
  });

  it('hostnames are stored normalised', async () => {
    await expect(addDomain(a.id, 'App.Example.COM')).rejects.toThrow(/domains_hostname_format/);
    await expect(addDomain(a.id, 'app.example.com.')).rejects.toThrow(/domains_hostname_format/);
  });
});
