// The one way to cache a workspace's data: tenantCache(tenant.id).
//
//   const cache = tenantCache(workspace.id);
//   const counts = await cache.getOrLoad('workspace-counts', Counts, 60, () => countFromDb());
//   await cache.invalidate('workspace-counts');   // after the change has committed
//
// Callers name an entry under their tenant; the key, `${REDIS_KEY_PREFIX}tenant:{id}:{name}`, is
// built here alone, from a tenant id checked like tenantDb's, so one workspace's entry cannot be
// read or written under another's. Entries are JSON checked against the caller's schema on every
// read: a malformed or poisoned entry is a miss. Redis (REDIS_URL) is shared by every instance;
// without it, each process caches alone (announced once). A store that does not answer is a miss,
// never an error: the load reads through to the database.
// Values travel as JSON and are read back through the schema, so a schema must accept its own
// output (no one-way transforms; dates read with z.coerce.date()). There is no bare set():
// a write that skipped the generation check could put back an answer an invalidation had removed.
import 'server-only';
import type { z } from 'zod';
import { assertTenantId } from '../db/tenant-id';
import { env } from '../env';
import { cacheRedis } from './cache-redis-connection';
import type { CacheStore, TenantCacheKey } from './cache-store';
import { memoryCacheStore } from './memory-cache-store';
import { redisCacheStore } from './redis-cache-store';
import { sharedLoad } from './shared-loads';

export type TenantCache = {
  /** The entry `name` if it is cached and valid, else `load()`'s answer, cached for `ttlSeconds`. */
  getOrLoad<Schema extends z.ZodType>(
    name: string,
    schema: Schema,
    ttlSeconds: number,
    load: () => Promise<z.input<Schema>>,
  ): Promise<z.output<Schema>>;
  /** Forgets `name` on every instance. Call it after the change commits. */
  invalidate(name: string): Promise<void>;
};

/** Lower-case words, digits and `.-_:` separators; no spaces, globs or braces. */
const ENTRY_NAME = /^[a-z0-9][a-z0-9._:-]{0,199}$/;

let defaultStore: CacheStore | undefined;

function sharedStore(): CacheStore {
  if (!defaultStore) {
    const redis = cacheRedis();
    if (!redis) console.warn('[cache] REDIS_URL unset: each process caches alone');
    defaultStore = redis ? redisCacheStore(redis) : memoryCacheStore();
  }
  return defaultStore;
}

/** `store` is the app's (Redis or in process) unless a test passes its own. */
export function tenantCache(tenantId: string, store: CacheStore = sharedStore()): TenantCache {
  assertTenantId(tenantId);
  const keyOf = (name: string): TenantCacheKey => {
    if (!ENTRY_NAME.test(name)) throw new TypeError(`Not a cache entry name: ${JSON.stringify(name).slice(0, 60)}`);
    return `${env().REDIS_KEY_PREFIX}tenant:${tenantId}:${name}` as TenantCacheKey;
  };
  return {
    async getOrLoad(name, schema, ttlSeconds, load) {
      const key = keyOf(name);
      if (!(ttlSeconds > 0)) throw new RangeError(`A cache TTL must be positive: ${ttlSeconds}`);
      const { json, generation } = await store.read(key);
      const cached = json === null ? undefined : parsed(schema, json);
      if (cached) return cached.data;
      const loadedJson = await sharedLoad(store, key, generation, async () => {
        // What is stored is what the schema makes of the answer, so a hit returns the same shape.
        const text = JSON.stringify(schema.parse(await load()));
        await store.fill(key, generation, text, ttlSeconds * 1000);
        return text;
      });
      // Each caller reads the answer through its own schema, as it would read a hit.
      return schema.parse(JSON.parse(loadedJson));
    },
    async invalidate(name) {
      await store.invalidate(keyOf(name));
    },
  };
}

function parsed<Schema extends z.ZodType>(schema: Schema, json: string): { data: z.output<Schema> } | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  const result = schema.safeParse(raw);
  return result.success ? { data: result.data } : undefined;
}
