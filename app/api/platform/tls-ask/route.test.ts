import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { tenantDb } from '@/lib/db/tenant-db';
import { recordDomainCheck } from '@/lib/domains/record-domain-check';
import { createTenant } from '@/tests/support/tenants';
import { GET } from './route';

const ask = async (domain: string) =>
  (await GET(new Request(`http://127.0.0.1/api/platform/tls-ask?domain=${domain}`))).status;

it('answers 200 only for verified custom domains', async () => {
  const tenant = await createTenant('tls');
  const host = `shop.${randomUUID().slice(0, 8)}.example`;
  const domain = await tenantDb(tenant.id).domain.create({ data: { hostname: host, verificationToken: 'x' } });
  expect(await ask(host)).toBe(404);
  await recordDomainCheck(tenant.id, domain, 'verified', null);
  expect(await ask(host)).toBe(200);
  expect(await ask(host.toUpperCase())).toBe(200);
  expect(await ask('acme.localhost')).toBe(404);
  expect(await ask('not a host')).toBe(404);
  expect(await ask('')).toBe(404);
});
