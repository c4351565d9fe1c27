// The fake is only useful if the real client believes it: every read here goes through
// @vercel/edge-config itself, every write through Vercel's REST API shape.
import { createClient } from '@vercel/edge-config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeEdgeConfig, startFakeEdgeConfig } from './edge-config-server';

// What tests (and the app's tests) pass: no development SWR cache, so a write shows on the next
// read; no stale-if-error, so an outage is an error instead of last week's copy.
const FRESH = { disableDevelopmentCache: true, staleIfError: false } as const;

let fake: FakeEdgeConfig;

beforeEach(async () => {
  fake = await startFakeEdgeConfig();
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

function readToken(): string {
  return new URL(fake.connectionString).searchParams.get('token') ?? '';
}

async function patch(
  items: unknown[],
  { token = fake.apiToken, id = fake.edgeConfigId, teamId }: { token?: string; id?: string; teamId?: string } = {},
): Promise<Response> {
  const url = new URL(`/v1/edge-config/${id}/items`, fake.apiUrl);
  if (teamId) url.searchParams.set('teamId', teamId);
  return fetch(url, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ items }),
  });
}

describe('fake Edge Config, read by the real @vercel/edge-config client', () => {
  it('reads a missing key as undefined, and sees the requests the client really makes', async () => {
    const client = createClient(fake.connectionString, FRESH);
    expect(await client.get('absent')).toBeUndefined();
    expect(await client.has('absent')).toBe(false);

    const [get, head] = fake.requests();
    expect(get).toMatchObject({
      method: 'GET',
      url: `/${fake.edgeConfigId}/item/absent?version=1`,
      status: 404,
      headers: { authorization: `Bearer ${readToken()}`, 'x-edge-config-sdk': '@vercel/edge-config@1.5.1' },
    });
    // staleIfError: false drops the client's `stale-if-error=…`; what is left is fetch's own, for cache: 'no-store'.
    expect(get?.headers['cache-control']).toBe('no-cache');
    expect(head).toMatchObject({ method: 'HEAD', url: `/${fake.edgeConfigId}/item/absent?version=1`, status: 404 });
  });

  it('serves what the REST API wrote: get, has, getAll, digest', async () => {
    const client = createClient(fake.connectionString, FRESH);
    const emptyDigest = await client.digest();
    const route = { tenantId: 't1', slug: 'acme' };

    const response = await patch(
      [
        { operation: 'upsert', key: 'domain_acme_com', value: route },
        { operation: 'create', key: 'flag', value: true },
      ],
      { teamId: 'team_123' },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });

    expect(await client.get('domain_acme_com')).toEqual(route);
    expect(await client.has('domain_acme_com')).toBe(true);
    expect(await client.getAll(['domain_acme_com', 'nope'])).toEqual({ domain_acme_com: route });
    expect(await client.getAll()).toEqual({ domain_acme_com: route, flag: true });
    const digest = await client.digest();
    expect(typeof digest).toBe('string');
    expect(digest).not.toBe(emptyDigest);

    await patch([{ operation: 'delete', key: 'flag' }]);
    expect(await client.get('flag')).toBeUndefined();
    expect(await client.has('flag')).toBe(false);
    expect(fake.items()).toEqual({ domain_acme_com: route });
    expect(fake.writes()).toEqual([
      { operation: 'upsert', key: 'domain_acme_com', value: route },
      { operation: 'create', key: 'flag', value: true },
      { operation: 'delete', key: 'flag' },
    ]);
  });

  it('answers If-None-Match with 304 while unchanged, and the new value right after a write', async () => {
    const client = createClient(fake.connectionString, FRESH);
    await patch([{ operation: 'upsert', key: 'k', value: 1 }]);
    expect(await client.get('k')).toBe(1);
    expect(await client.get('k')).toBe(1);
    await patch([{ operation: 'upsert', key: 'k', value: 2 }]);
    expect(await client.get('k')).toBe(2);

    const reads = fake.requests().filter((r) => r.method === 'GET');
    expect(reads.map((r) => r.status)).toEqual([200, 304, 200]);
    expect(reads[0]?.headers['if-none-match']).toBeUndefined();
    expect(reads[1]?.headers['if-none-match']).toMatch(/^".+"$/);
  });

  it('rejects writes as Vercel does, all or nothing', async () => {
    await patch([{ operation: 'create', key: 'a', value: 1 }]);
    const statusOf = async (...args: Parameters<typeof patch>) => (await patch(...args)).status;

    expect(await statusOf([{ operation: 'upsert', key: 'has.dot', value: 1 }])).toBe(400);
    expect(await statusOf([{ operation: 'upsert', key: 'x'.repeat(257), value: 1 }])).toBe(400);
    expect(await statusOf([{ operation: 'upsert', key: 'x'.repeat(256), value: 1 }])).toBe(200);
    expect(await statusOf([{ operation: 'rename', key: 'a', value: 1 }])).toBe(400);
    expect(await statusOf([{ operation: 'create', key: 'b' }])).toBe(400);
    expect(await statusOf([{ operation: 'create', key: 'a', value: 2 }])).toBe(409);
    expect(await statusOf([{ operation: 'update', key: 'missing', value: 2 }])).toBe(404);
    expect(await statusOf([{ operation: 'delete', key: 'missing' }])).toBe(404);
    expect(await statusOf([{ operation: 'upsert', key: 'a', value: 2 }], { token: 'wrong' })).toBe(401);
    expect(await statusOf([{ operation: 'upsert', key: 'a', value: 2 }], { id: 'ecfg_other' })).toBe(404);
    // The second item fails, so the first must not land either.
    const mixed = [
      { operation: 'upsert', key: 'a', value: 3 },
      { operation: 'update', key: 'missing', value: 3 },
    ];
    const rejected = await patch(mixed);
    expect(rejected.status).toBe(404);
    expect(await rejected.json()).toMatchObject({ error: { code: 'not_found' } });

    expect(fake.items()).toEqual({ a: 1, ['x'.repeat(256)]: 1 });
    expect(fake.writes().map((w) => w.key)).toEqual(['a', 'x'.repeat(256)]);
    const unknown = await fetch(`${fake.apiUrl}/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('makes the client throw on a wrong read token or an unknown store', async () => {
    const wrongToken = createClient(fake.connectionString.replace(readToken(), 'wrong'), FRESH);
    await expect(wrongToken.get('k')).rejects.toThrow('@vercel/edge-config: Unauthorized');
    await expect(wrongToken.has('k')).rejects.toThrow('@vercel/edge-config: Unauthorized');
    await expect(wrongToken.getAll()).rejects.toThrow('@vercel/edge-config: Unauthorized');
    // digest() has no 401 case of its own; it still throws.
    await expect(wrongToken.digest()).rejects.toThrow('status code 401');

    const noStore = createClient(`${fake.apiUrl}/ecfg_missing?token=${readToken()}`, FRESH);
    await expect(noStore.get('k')).rejects.toThrow('@vercel/edge-config: Edge Config not found');
    await expect(noStore.has('k')).rejects.toThrow('@vercel/edge-config: Edge Config not found');
  });

  it('makes the client throw while down, so callers can fall back', async () => {
    await patch([{ operation: 'upsert', key: 'k', value: 'v' }]);
    const client = createClient(fake.connectionString, FRESH);
    expect(await client.get('k')).toBe('v');

    fake.setDown(true);
    await expect(client.get('k')).rejects.toThrow('status code 503');
    await expect(client.has('k')).rejects.toThrow('status code 503');
    await expect(client.getAll()).rejects.toThrow('status code 503');
    await expect(client.digest()).rejects.toThrow('status code 503');
    expect((await patch([{ operation: 'upsert', key: 'k', value: 'w' }])).status).toBe(503);

    fake.setDown(false);
    expect(await client.get('k')).toBe('v');
  });

  it('with default options, the client answers from its last good copy while down (stale-if-error)', async () => {
    await patch([{ operation: 'upsert', key: 'k', value: 'v' }]);
    const client = createClient(fake.connectionString);
    expect(await client.get('k')).toBe('v');
    expect(fake.requests().at(-1)?.headers['cache-control']).toBe('stale-if-error=604800');

    fake.setDown(true);
    expect(await client.get('k')).toBe('v');
    // Only URLs it fetched before have a copy; has() (HEAD) never has one.
    await expect(client.get('other')).rejects.toThrow('status code 503');
    await expect(client.has('k')).rejects.toThrow('status code 503');
  });

  it('in development, the client lags one read behind unless disableDevelopmentCache is set', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const swr = createClient(fake.connectionString, { staleIfError: false });
    const fresh = createClient(fake.connectionString, FRESH);
    expect(await swr.get('k')).toBeUndefined();

    await patch([{ operation: 'upsert', key: 'k', value: 1 }]);
    expect(await fresh.get('k')).toBe(1);
    expect(await swr.get('k')).toBeUndefined();
    await vi.waitFor(async () => expect(await swr.get('k')).toBe(1), { timeout: 1_000, interval: 10 });
    // The development cache reads the whole store, never single items.
    expect(fake.requests().some((r) => r.url === `/${fake.edgeConfigId}/items?version=1`)).toBe(true);
  });
});
