// The tenant cache in Redis, shared by every instance: an entry is one hash at its key, with the
// JSON (`v`) and the generation (`g`) that invalidations bump. A fill is a script that writes only
// if the generation is still the one read before loading; an invalidation deletes `v` and bumps
// `g` in one step, so every instance sees it on its next read.
//
// Redis unreachable: reads are misses, fills are dropped, and invalidations are kept in process
// and sent again once Redis answers (every second, and when the connection is ready again), so an
// entry a change invalidated during the outage is not served after it. The log says so once per
// outage.
import 'server-only';
import type { Redis } from 'ioredis';
import { firstContact } from './cache-redis-connection';
import { type CacheStore, GENERATION_TTL_MS, type TenantCacheKey } from './cache-store';

const FILL_IF_UNCHANGED = `
local g = redis.call('HGET', KEYS[1], 'g') or ''
if g ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

const INVALIDATE = `
redis.call('HDEL', KEYS[1], 'v')
redis.call('HINCRBY', KEYS[1], 'g', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;

const RETRY_PENDING_MS = 1_000;
/** Beyond this many keys invalidated during one outage, the oldest are dropped (their TTL still ends them). */
const MAX_PENDING = 10_000;

export function redisCacheStore(redis: Redis): CacheStore {
  let contacted = false;
  let down = false;
  const pending = new Set<TenantCacheKey>();
  let retry: NodeJS.Timeout | undefined;

  const ready = async () => {
    if (contacted) return;
    await firstContact(redis);
    contacted = true;
  };
  const failed = (error: unknown) => {
    if (down) return;
    down = true;
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[cache] Redis unreachable (${reason}): reading through to the database until it is back`);
  };
  const answered = () => {
    if (!down) return;
    down = false;
    console.info('[cache] Redis is back: caching again');
  };

  async function invalidateNow(key: TenantCacheKey): Promise<void> {
    await redis.eval(INVALIDATE, 1, key, GENERATION_TTL_MS);
  }

  async function sendPending(): Promise<void> {
    for (const key of pending) {
      try {
        await invalidateNow(key);
        pending.delete(key);
        answered();
      } catch (error) {
        failed(error);
        scheduleRetry();
        return;
      }
    }
  }

  function scheduleRetry() {
    if (retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void sendPending();
    }, RETRY_PENDING_MS);
    retry.unref();
  }

  // Connection errors are the outage too (and, unheard, ioredis would print each reconnect attempt).
  redis.on('error', failed);
  redis.on('ready', () => void sendPending());

  return {
    async read(key) {
      await ready();
      if (pending.has(key)) return { json: null, generation: null }; // its invalidation has not reached Redis
      try {
        const [json, generation] = await redis.hmget(key, 'v', 'g');
        answered();
        return { json: json ?? null, generation: generation ?? '' };
      } catch (error) {
        failed(error);
        return { json: null, generation: null };
      }
    },
    async fill(key, generation, json, ttlMs) {
      if (generation === null || pending.has(key)) return;
      try {
        await redis.eval(FILL_IF_UNCHANGED, 1, key, generation, json, Math.max(1, Math.round(ttlMs)));
      } catch (error) {
        failed(error);
      }
    },
    async invalidate(key) {
      await ready();
      try {
        await invalidateNow(key);
        pending.delete(key);
        answered();
      } catch (error) {
        failed(error);
        const oldest = pending.size >= MAX_PENDING ? pending.values().next().value : undefined;
        if (oldest) pending.delete(oldest);
        pending.add(key);
        scheduleRetry();
      }
    },
  };
}
