// The domain lifecycle an admin goes through, against a real DNS server and the real database:
// add → pending → TXT + CNAME → verified and routed → CNAME gone → misconfigured and unrouted.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDnsServer } from '../../tests/support/dns-server';
import { createTenant } from '../../tests/support/tenants';
import { addDomain } from './add-domain';
import { checkDomain } from './check-domain';
import { customDomainRoute } from './custom-domain-routes';
import { challengeRecordName } from './dns-records';
import { removeDomain } from './remove-domain';
import { routingTarget } from './routing-target';

let dns: Awaited<ReturnType<typeof startDnsServer>>;

beforeAll(async () => {
  dns = await startDnsServer();
});
afterAll(async () => {
  await dns.close();
});

it('routes a custom domain only while DNS proves and points it, and stops when it is removed', async () => {
  const tenant = await createTenant('lifecycle', { plan: 'pro' });
  const added = await addDomain(tenant.id, 'Shop.Lifecycle-Corp.example.');
  if (!added.ok) throw new Error(added.error);
  const host = added.domain.hostname;
  expect(host).toBe('shop.lifecycle-corp.example');
  const txt = added.records.find((record) => record.type === 'TXT');
  expect(added.records.find((record) => record.type === 'CNAME')?.value).toBe(routingTarget().cname);

  expect(await checkDomain(tenant.id, added.domain.id, dns.resolver())).toMatchObject({ status: 'pending' });
  expect(await customDomainRoute(host)).toBeNull();

  dns.set(challengeRecordName(host), 'TXT', [txt?.value ?? '']);
  dns.set(host, 'CNAME', [routingTarget().cname]);
  expect(await checkDomain(tenant.id, added.domain.id, dns.resolver())).toMatchObject({
    status: 'verified',
    changed: true,
  });
  expect(await customDomainRoute(host)).toEqual({ tenantId: tenant.id, slug: tenant.slug });

  dns.delete(host, 'CNAME');
  expect(await checkDomain(tenant.id, added.domain.id, dns.resolver())).toMatchObject({
    status: 'misconfigured',
    changed: true,
  });
  expect(await customDomainRoute(host)).toBeNull();

  dns.set(host, 'CNAME', [routingTarget().cname]);
  await checkDomain(tenant.id, added.domain.id, dns.resolver());
  expect(await customDomainRoute(host)).not.toBeNull();
  expect(await removeDomain(tenant.id, added.domain.id)).toBe(true);
  expect(await customDomainRoute(host)).toBeNull();
});

it('a DNS outage changes nothing', async () => {
  const tenant = await createTenant('outage', { plan: 'pro' });
  const added = await addDomain(tenant.id, 'app.outage-corp.example');
  if (!added.ok) throw new Error(added.error);
  const host = added.domain.hostname;
  dns.set(challengeRecordName(host), 'TXT', [added.records[0]?.value ?? '']);
  dns.set(host, 'CNAME', [routingTarget().cname]);
  await checkDomain(tenant.id, added.domain.id, dns.resolver());
  dns.misbehave(challengeRecordName(host), 'servfail');
  dns.misbehave(host, 'servfail');
  expect(await checkDomain(tenant.id, added.domain.id, dns.resolver())).toMatchObject({
    status: 'verified',
    changed: false,
  });
  expect(await customDomainRoute(host)).not.toBeNull();
});

it('refuses our own hosts, IP addresses, invalid names and duplicates, changing nothing', async () => {
  const tenant = await createTenant('refuse', { plan: 'pro' });
  for (const bad of ['acme.localhost', 'localhost', '10.0.0.1', 'not a domain', '', 'lifecycle-corp.example']) {
    expect(await addDomain(tenant.id, bad), bad).toMatchObject({ ok: false });
  }
  expect(await addDomain(tenant.id, 'www.dup-corp.example')).toMatchObject({ ok: true });
  expect(await addDomain(tenant.id, 'WWW.dup-corp.example')).toMatchObject({ ok: false, error: /already/ });
});
