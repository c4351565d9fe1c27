// Edge Config as a routing hint, with the real @vercel/edge-config client against a local server
// that speaks its read API and Vercel's REST API for writes. The hint is published when a route
// changes; an outage or a stale entry never routes a host to the wrong workspace.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeEdgeConfig, startFakeEdgeConfig } from '../../tests/support/edge-config-server';
import { createTenant } from '../../tests/support/tenants';
import { tenantDb } from '../db/tenant-db';
import { classifyHost } from '../hosts/classify-host';
import { routingSlugForHost, workspaceSlugForHost } from '../hosts/workspace-slug-for-host';
import { edgeConfigKey } from './edge-config-key';
import { recordDomainCheck } from './record-domain-check';
import { removeDomain } from './remove-domain';

let edge: FakeEdgeConfig;
let acme: { id: string; slug: string };
let globex: { id: string; slug: string };

beforeAll(async () => {
  edge = await startFakeEdgeConfig();
  // Before anything reads the environment (lib/env caches it).
  Object.assign(process.env, {
    EDGE_CONFIG: edge.connectionString,
    VERCEL_API_URL: edge.apiUrl,
    VERCEL_API_TOKEN: edge.apiToken,
    VERCEL_EDGE_CONFIG_ID: edge.edgeConfigId,
  });
  acme = await createTenant('edge-acme');
  globex = await createTenant('edge-globex');
});
afterAll(async () => {
  await edge.close();
});

const host = () => `app.${randomUUID().slice(0, 8)}.example`;
const kind = (hostname: string) => classifyHost(hostname, { rootDomain: 'localhost' });

async function verifiedDomain(tenant: { id: string }, hostname: string) {
  const domain = await tenantDb(tenant.id).domain.create({ data: { hostname, verificationToken: 't' } });
  await recordDomainCheck(tenant.id, domain, 'verified', null);
  return domain;
}

async function writeStaleEntry(hostname: string, value: unknown): Promise<void> {
  const response = await fetch(`${edge.apiUrl}/v1/edge-config/${edge.edgeConfigId}/items`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${edge.apiToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ operation: 'upsert', key: edgeConfigKey(hostname), value }] }),
  });
  expect(response.ok).toBe(true);
}

describe('Edge Config routing hint', () => {
  it('is published when a domain is verified, and read by the proxy', async () => {
    const hostname = host();
    await verifiedDomain(acme, hostname);
    expect(edge.items()[edgeConfigKey(hostname)]).toEqual({ tenantId: acme.id, slug: acme.slug });
    expect(await routingSlugForHost(kind(hostname))).toBe(acme.slug);
  });

  it('follows a takeover and a removal', async () => {
    const hostname = host();
    await verifiedDomain(acme, hostname);
    const claim = await verifiedDomain(globex, hostname);
    expect(edge.items()[edgeConfigKey(hostname)]).toEqual({ tenantId: globex.id, slug: globex.slug });
    await removeDomain(globex.id, claim.id);
    expect(edge.items()[edgeConfigKey(hostname)]).toBeUndefined();
    expect(await routingSlugForHost(kind(hostname))).toBeNull();
  });

  it('a stale entry may steer the proxy, but pages derive the truth from PostgreSQL', async () => {
    const hostname = host();
    await verifiedDomain(acme, hostname);
    await writeStaleEntry(hostname, { tenantId: globex.id, slug: globex.slug });
    expect(await routingSlugForHost(kind(hostname))).toBe(globex.slug);
    // The page behind the rewrite compares its route with this and answers 404 on a mismatch.
    expect(await workspaceSlugForHost(kind(hostname))).toBe(acme.slug);
  });

  it('an outage falls back to PostgreSQL, and the database change is kept', async () => {
    const hostname = host();
    edge.setDown(true);
    try {
      await verifiedDomain(acme, hostname);
      expect(await routingSlugForHost(kind(hostname))).toBe(acme.slug);
    } finally {
      edge.setDown(false);
    }
  });

  it('an unchanged re-check writes nothing', async () => {
    const hostname = host();
    const domain = await verifiedDomain(acme, hostname);
    const writes = edge.writes().length;
    await recordDomainCheck(acme.id, domain, 'verified', null);
    expect(edge.writes()).toHaveLength(writes);
  });

  it('a malformed entry gives no hint', async () => {
    const hostname = host();
    await verifiedDomain(acme, hostname);
    await writeStaleEntry(hostname, 'not-a-route');
    expect(await routingSlugForHost(kind(hostname))).toBe(acme.slug);
  });
});
