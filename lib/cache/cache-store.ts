// Where tenant cache entries live: Redis (shared by every instance) or this process's LRU. Both
// keep, beside each entry, a generation that every invalidation bumps, so a load that was already
// running when its data changed cannot put its (maybe stale) answer back (`fill` compares it).
// Stores take only keys built by lib/cache/tenant-cache.ts (the brand), and never throw: an
// unreachable Redis reads as a miss.

declare const tenantCacheKey: unique symbol;
/** `${REDIS_KEY_PREFIX}tenant:{id}:{name}`, built by tenantCache() alone. */
export type TenantCacheKey = string & { readonly [tenantCacheKey]: true };

export type CacheRead = {
  /** The stored JSON text, or null: a miss (absent, expired, invalidated or the store unreachable). */
  json: string | null;
  /** To hand back to `fill` ('' when never invalidated); null: do not fill (the store did not answer). */
  generation: string | null;
};

export type CacheStore = {
  read(key: TenantCacheKey): Promise<CacheRead>;
  /** Stores `json` for `ttlMs` unless the entry was invalidated since `generation` was read. */
  fill(key: TenantCacheKey, generation: string | null, json: string, ttlMs: number): Promise<void>;
  invalidate(key: TenantCacheKey): Promise<void>;
};

/** How long a generation outlives its last invalidation: longer than any load can take. */
export const GENERATION_TTL_MS = 10 * 60_000;
