// TLS on Vercel: a verified custom domain is added to the project, removed when it stops routing,
// and an unreachable Vercel never undoes or blocks the database's decision.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTenant } from '../../../tests/support/tenants';
import { type FakeVercelDomains, startFakeVercelDomains } from '../../../tests/support/vercel-domains-server';
import { tenantDb } from '../../db/tenant-db';
import { customDomainRoute } from '../custom-domain-routes';
import { recordDomainCheck } from '../record-domain-check';
import { removeDomain } from '../remove-domain';

let vercel: FakeVercelDomains;
let tenant: { id: string; slug: string };

beforeAll(async () => {
  vercel = await startFakeVercelDomains();
  // Before anything reads the environment (lib/env caches it).
  Object.assign(process.env, {
    TLS_PROVIDER: 'vercel',
    VERCEL_API_URL: vercel.apiUrl,
    VERCEL_API_TOKEN: vercel.apiToken,
    VERCEL_PROJECT_ID: vercel.projectId,
  });
  tenant = await createTenant('tls-vercel');
});
afterAll(async () => {
  await vercel.close();
});

async function addAndVerify(hostname: string) {
  const domain = await tenantDb(tenant.id).domain.create({ data: { hostname, verificationToken: 't' } });
  await recordDomainCheck(tenant.id, domain, 'verified', null);
  return domain;
}

it('adds a verified domain to the project and removes it with the domain', async () => {
  const hostname = `app.${randomUUID().slice(0, 8)}.example`;
  const domain = await addAndVerify(hostname);
  expect(vercel.domains()).toContain(hostname);
  await removeDomain(tenant.id, domain.id);
  expect(vercel.domains()).not.toContain(hostname);
});

it('stops serving a domain that becomes misconfigured', async () => {
  const hostname = `shop.${randomUUID().slice(0, 8)}.example`;
  const domain = await addAndVerify(hostname);
  await recordDomainCheck(tenant.id, domain, 'misconfigured', 'CNAME removed');
  expect(vercel.domains()).not.toContain(hostname);
});

it('Vercel down or refusing: the database decision stands and routing follows it', async () => {
  const refused = `taken.${randomUUID().slice(0, 8)}.example`;
  vercel.takenByAnotherProject(refused);
  await addAndVerify(refused);
  expect(await customDomainRoute(refused)).toEqual({ tenantId: tenant.id, slug: tenant.slug });

  const hostname = `down.${randomUUID().slice(0, 8)}.example`;
  vercel.setDown(true);
  try {
    await addAndVerify(hostname);
  } finally {
    vercel.setDown(false);
  }
  expect(await customDomainRoute(hostname)).toEqual({ tenantId: tenant.id, slug: tenant.slug });
  expect(vercel.calls().some((call) => call.status === 503)).toBe(true);
});
