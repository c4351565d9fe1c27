// The Redis connection the rate limiters share, or null when REDIS_URL is unset. While Redis is
// unreachable a command fails at once instead of waiting in a queue, so a limiter answers from its
// in-process insurance without delaying the request; the log says so once per outage. Only the
// first connection is waited for (up to 2 s), so counts at boot do not start in process.
import 'server-only';
import { Redis } from 'ioredis';
import { env } from '../env';

const CONNECT_TIMEOUT_MS = 2_000;
let shared: Redis | null | undefined;
const firstContact = new WeakMap<Redis, Promise<void>>();

export function rateLimitRedis(): Redis | null {
  if (shared === undefined) {
    const { REDIS_URL } = env();
    shared = REDIS_URL ? connectRateLimitRedis(REDIS_URL) : null;
  }
  return shared;
}

export function connectRateLimitRedis(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // Keep trying to come back, at most every 5 s.
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  });
  const contact = new Promise<void>((resolve) => {
    redis.once('ready', resolve);
    redis.once('error', () => resolve());
    setTimeout(resolve, CONNECT_TIMEOUT_MS).unref();
  });
  firstContact.set(redis, contact);
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    console.warn(`[rate-limit] Redis unreachable (${error.message}): each process limits on its own until it is back`);
  });
  redis.on('ready', () => {
    if (down) console.info('[rate-limit] Redis is back: limits are shared again');
    down = false;
  });
  return redis;
}

/** Resolves once `redis` has connected or failed to for the first time (at once afterwards). */
export function firstContactWith(redis: Redis): Promise<void> {
  return firstContact.get(redis) ?? Promise.resolve();
}
