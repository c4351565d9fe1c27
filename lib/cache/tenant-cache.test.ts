// The tenant cache against the real Redis (this run's key prefix) and in process: keys carry their
// tenant and are built only from a checked tenant id, an invalidation reaches every instance and
// beats a load already running, a poisoned entry is a miss, and Redis stopping or freezing under
// it (a redis-server of this test's own) turns reads into misses, never errors.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, inject, it, vi } from 'vitest';
import { z } from 'zod';
import { testRedis } from '../../tests/support/redis-keys';
import { startRedisServer } from '../../tests/support/redis-server-process';
import { connectCacheRedis } from './cache-redis-connection';
import type { CacheStore } from './cache-store';
import { memoryCacheStore } from './memory-cache-store';
import { redisCacheStore } from './redis-cache-store';
import { tenantCache } from './tenant-cache';

const redisUrl = inject('redisUrl');
const prefix = inject('redisKeyPrefix');
const Counts = z.object({ projects: z.number().int(), members: z.number().int() });
const opened: Redis[] = [];
afterAll(() => {
  for (const redis of opened.splice(0)) redis.disconnect();
});
afterEach(() => vi.restoreAllMocks());

function connect(url: string): Redis {
  const redis = connectCacheRedis(url);
  opened.push(redis);
  return redis;
}

/** A plain connection, to look at (or poison) what the cache stored. */
async function rawConnection(url: string): Promise<Redis> {
  const redis = await testRedis(url);
  if (!redis) throw new Error(`no Redis at ${url}`);
  opened.push(redis);
  return redis;
}

/** A loader that answers `value` and counts how often it was asked. */
function loader(value: z.input<typeof Counts>) {
  const calls = { count: 0 };
  const load = async () => {
    calls.count++;
    return { ...value };
  };
  return { calls, load };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function behavesAsACache(storeFor: () => CacheStore, secondInstance: () => CacheStore) {
  it('answers from the cache until invalidated, and reloads then', async () => {
    const tenant = randomUUID();
    const cache = tenantCache(tenant, storeFor());
    const { calls, load } = loader({ projects: 3, members: 2 });
    expect(await cache.getOrLoad('counts', Counts, 60, load)).toEqual({ projects: 3, members: 2 });
    expect(await cache.getOrLoad('counts', Counts, 60, load)).toEqual({ projects: 3, members: 2 });
    expect(calls.count).toBe(1);
    await cache.invalidate('counts');
    await cache.getOrLoad('counts', Counts, 60, load);
    expect(calls.count).toBe(2);
  });

  it('never serves one tenant’s entry to another under the same name', async () => {
    const store = storeFor();
    const [a, b] = [tenantCache(randomUUID(), store), tenantCache(randomUUID(), store)];
    await a.getOrLoad('counts', Counts, 60, async () => ({ projects: 1, members: 1 }));
    const fromB = loader({ projects: 9, members: 9 });
    expect(await b.getOrLoad('counts', Counts, 60, fromB.load)).toEqual({ projects: 9, members: 9 });
    expect(fromB.calls.count).toBe(1);
    expect(await a.getOrLoad('counts', Counts, 60, fromB.load)).toEqual({ projects: 1, members: 1 });
  });

  it('an invalidation on one instance is seen by the other', async () => {
    const tenant = randomUUID();
    const [here, there] = [tenantCache(tenant, storeFor()), tenantCache(tenant, secondInstance())];
    await here.getOrLoad('counts', Counts, 60, async () => ({ projects: 1, members: 1 }));
    expect(await there.getOrLoad('counts', Counts, 60, async () => ({ projects: 0, members: 0 }))).toEqual({
      projects: 1,
      members: 1,
    });
    await there.invalidate('counts');
    expect(await here.getOrLoad('counts', Counts, 60, async () => ({ projects: 2, members: 1 }))).toEqual({
      projects: 2,
      members: 1,
    });
  });

  it('a load that was running when its data changed does not cache its answer', async () => {
    const cache = tenantCache(randomUUID(), storeFor());
    let release = () => {};
    const slow = cache.getOrLoad('counts', Counts, 60, async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { projects: 1, members: 1 }; // read before the change below committed
    });
    await sleep(20);
    await cache.invalidate('counts'); // the change committed and invalidated
    release();
    expect(await slow).toEqual({ projects: 1, members: 1 });
    expect(await cache.getOrLoad('counts', Counts, 60, async () => ({ projects: 2, members: 1 }))).toEqual({
      projects: 2,
      members: 1,
    });
  });

  it('concurrent misses share one load, but a miss after an invalidation does not join it', async () => {
    const cache = tenantCache(randomUUID(), storeFor());
    let release = () => {};
    const calls = { count: 0 };
    const slowLoad = async () => {
      calls.count++;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { projects: 1, members: 1 };
    };
    const cold = Array.from({ length: 10 }, () => cache.getOrLoad('counts', Counts, 60, slowLoad));
    await sleep(20);
    await cache.invalidate('counts');
    const afterChange = cache.getOrLoad('counts', Counts, 60, async () => ({ projects: 2, members: 1 }));
    await sleep(20);
    release();
    expect(await afterChange).toEqual({ projects: 2, members: 1 });
    expect(await Promise.all(cold)).toEqual(Array(10).fill({ projects: 1, members: 1 }));
    expect(calls.count).toBe(1);
  });

  it('expires entries after their TTL', async () => {
    const cache = tenantCache(randomUUID(), storeFor());
    const { calls, load } = loader({ projects: 1, members: 1 });
    await cache.getOrLoad('counts', Counts, 0.2, load);
    await cache.getOrLoad('counts', Counts, 0.2, load);
    expect(calls.count).toBe(1);
    await sleep(300);
    await cache.getOrLoad('counts', Counts, 0.2, load);
    expect(calls.count).toBe(2);
  });
}

describe('refusals', () => {
  const store = memoryCacheStore();
  it.each(['acme', '', 'ACME0000-0000-4000-8000-000000000000', `${randomUUID()}:x`, `${randomUUID()}*`, '*'])(
    'refuses a forged tenant id: %j',
    (forged) => {
      expect(() => tenantCache(forged, store)).toThrow(TypeError);
    },
  );

  it.each(['', ' counts', 'a b', 'counts*', '../x', 'x{y}', 'Counts', 'x'.repeat(201)])(
    'refuses an entry name that is not a plain name: %j',
    async (name) => {
      const cache = tenantCache(randomUUID(), store);
      await expect(cache.getOrLoad(name, Counts, 60, async () => ({ projects: 0, members: 0 }))).rejects.toThrow(
        TypeError,
      );
      await expect(cache.invalidate(name)).rejects.toThrow(TypeError);
    },
  );

  it('refuses an entry without a TTL', async () => {
    const cache = tenantCache(randomUUID(), store);
    await expect(cache.getOrLoad('counts', Counts, 0, async () => ({ projects: 0, members: 0 }))).rejects.toThrow(
      RangeError,
    );
  });

  it('refuses to cache an answer its schema refuses (the load is wrong, not the cache)', async () => {
    const cache = tenantCache(randomUUID(), store);
    await expect(cache.getOrLoad('counts', Counts, 60, async () => ({ projects: 1.5, members: 0 }))).rejects.toThrow();
  });
});

describe('in process (REDIS_URL unset)', () => {
  const store = memoryCacheStore();
  behavesAsACache(
    () => store,
    () => store, // one process: its instances share the one store
  );

  it('says so once in the log', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const saved = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
    try {
      vi.resetModules();
      const fresh = await import('./tenant-cache');
      for (let i = 0; i < 3; i++) {
        await fresh
          .tenantCache(randomUUID())
          .getOrLoad('counts', Counts, 60, async () => ({ projects: 0, members: 0 }));
      }
    } finally {
      if (saved !== undefined) process.env.REDIS_URL = saved;
      vi.resetModules();
    }
    expect(warn.mock.calls).toEqual([['[cache] REDIS_URL unset: each process caches alone']]);
  });
});

describe.skipIf(!redisUrl)('on Redis', () => {
  const store = redisCacheStore(connect(redisUrl));
  behavesAsACache(
    () => store,
    () => redisCacheStore(connect(redisUrl)), // another instance: its own connection
  );

  it('keeps each entry at prefix + tenant:{id}:{name}, nowhere else', async () => {
    const raw = await rawConnection(redisUrl);
    const tenant = randomUUID();
    await tenantCache(tenant, store).getOrLoad('counts', Counts, 60, async () => ({ projects: 4, members: 1 }));
    expect(await raw.hget(`${prefix}tenant:${tenant}:counts`, 'v')).toBe('{"projects":4,"members":1}');
    expect(await raw.keys(`*${tenant}*`)).toEqual([`${prefix}tenant:${tenant}:counts`]);
  });

  it.each([
    ['not JSON', '{"projects":'],
    ['the wrong shape', '{"projects":"all of them","members":1}'],
    ['another type', '[1,2]'],
  ])('treats a poisoned entry (%s) as a miss and replaces it', async (_label, poison) => {
    const raw = await rawConnection(redisUrl);
    const tenant = randomUUID();
    await raw.hset(`${prefix}tenant:${tenant}:counts`, 'v', poison);
    const { calls, load } = loader({ projects: 5, members: 2 });
    const cache = tenantCache(tenant, store);
    expect(await cache.getOrLoad('counts', Counts, 60, load)).toEqual({ projects: 5, members: 2 });
    expect(await cache.getOrLoad('counts', Counts, 60, load)).toEqual({ projects: 5, members: 2 });
    expect(calls.count).toBe(1);
  });
});

// Needs redis-server installed, as the shared Redis does (without one, only the in-process store is tested).
describe.skipIf(!redisUrl)('Redis configured but frozen, then killed (a redis-server of this test’s own)', () => {
  it('reads through to the loader, never throws, logs once, and delivers invalidations made meanwhile', async () => {
    const server = await startRedisServer();
    try {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const info = vi.spyOn(console, 'info').mockImplementation(() => {});
      const raw = await rawConnection(server.url);
      const tenant = randomUUID();
      const key = `${prefix}tenant:${tenant}:counts`;
      const cache = tenantCache(tenant, redisCacheStore(connect(server.url)));
      const { calls, load } = loader({ projects: 1, members: 1 });
      await cache.getOrLoad('counts', Counts, 60, load);
      expect(await raw.hget(key, 'v')).not.toBeNull();

      server.pause(); // commands now time out
      const started = performance.now();
      expect(await cache.getOrLoad('counts', Counts, 60, load)).toEqual({ projects: 1, members: 1 });
      await cache.invalidate('counts'); // a change committed while Redis did not answer
      expect(await cache.getOrLoad('counts', Counts, 60, load)).toEqual({ projects: 1, members: 1 });
      expect(performance.now() - started).toBeLessThan(1_500);
      server.resume();

      // The invalidation is sent once Redis answers again: the old entry is not served after the outage.
      await vi.waitFor(
        async () => {
          expect(await raw.hget(key, 'v')).toBeNull();
          expect(info.mock.calls.some(([line]) => String(line).includes('[cache] Redis is back'))).toBe(true);
        },
        { timeout: 5_000, interval: 100 },
      );
      const afterOutage = loader({ projects: 2, members: 1 });
      expect(await cache.getOrLoad('counts', Counts, 60, afterOutage.load)).toEqual({ projects: 2, members: 1 });
      expect(afterOutage.calls.count).toBe(1);

      await server.kill(); // mid-test: the server is gone for good
      for (let i = 0; i < 5; i++) {
        expect(await cache.getOrLoad('counts', Counts, 60, afterOutage.load)).toEqual({ projects: 2, members: 1 });
        await cache.invalidate('counts');
      }
      expect(afterOutage.calls.count).toBeGreaterThanOrEqual(5);
      const outageLines = warn.mock.calls.filter(([line]) => String(line).includes('[cache] Redis unreachable'));
      expect(outageLines).toHaveLength(2); // the freeze, then the kill: one line per outage
      expect(calls.count).toBeGreaterThanOrEqual(3);
    } finally {
      await server.kill();
    }
  });
});
