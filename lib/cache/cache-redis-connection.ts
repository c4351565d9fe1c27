// The tenant cache's Redis connection, or null when REDIS_URL is unset. Like the rate limiters'
// (lib/rate-limit/redis-connection.ts): while Redis is unreachable a command fails at once (no
// offline queue, 250 ms command timeout), because a cache that waits is slower than no cache.
// A connection of its own, so an outage is logged in the cache's words and its options are its own.
import 'server-only';
import { Redis } from 'ioredis';
import { env } from '../env';

const CONNECT_TIMEOUT_MS = 2_000;
let shared: Redis | null | undefined;

export function cacheRedis(): Redis | null {
  if (shared === undefined) {
    const { REDIS_URL } = env();
    shared = REDIS_URL ? connectCacheRedis(REDIS_URL) : null;
  }
  return shared;
}

export function connectCacheRedis(url: string): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 250,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // Keep trying to come back, at most every 5 s.
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  });
}

/** Resolves once `redis` is ready, or has failed to connect once, or after 2 s. */
export function firstContact(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      redis.off('ready', done);
      redis.off('error', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, CONNECT_TIMEOUT_MS);
    timer.unref();
    redis.once('ready', done);
    redis.once('error', done);
  });
}
