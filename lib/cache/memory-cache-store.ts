// The tenant cache in this process, for `npm run dev` without REDIS_URL: entries and their
// generations in two LRUs. Invalidations reach this process only, which is right for one process.
import { LRUCache } from 'lru-cache';
import { type CacheStore, GENERATION_TTL_MS, type TenantCacheKey } from './cache-store';

export function memoryCacheStore(max = 10_000): CacheStore {
  const entries = new LRUCache<TenantCacheKey, string>({ max });
  const generations = new LRUCache<TenantCacheKey, number>({ max, ttl: GENERATION_TTL_MS });
  const generationOf = (key: TenantCacheKey) => String(generations.get(key) ?? '');
  return {
    async read(key) {
      return { json: entries.get(key) ?? null, generation: generationOf(key) };
    },
    async fill(key, generation, json, ttlMs) {
      if (generationOf(key) === generation) entries.set(key, json, { ttl: ttlMs });
    },
    async invalidate(key) {
      entries.delete(key);
      generations.set(key, (generations.get(key) ?? 0) + 1);
    },
  };
}
