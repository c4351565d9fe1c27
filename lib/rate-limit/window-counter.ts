// A count per key over a fixed window: the one primitive every limit is built from (sign-in
// failures, emails asked for an address, later API calls per plan). rate-limiter-flexible keeps it
// in Redis when REDIS_URL is set, with an in-process copy as insurance that answers while Redis is
// unreachable (limits then hold per process instead of failing open); in process alone otherwise.
import 'server-only';
import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterRes,
} from 'rate-limiter-flexible';
import { env } from '../env';
import { firstContactWith, rateLimitRedis } from './redis-connection';

export type WindowCount = { count: number; msLeft: number };

export type WindowCounter = {
  /** Counts one more for `key`; the first hit of a window starts it (`windowSeconds` overrides its length). */
  hit(key: string, windowSeconds?: number): Promise<WindowCount>;
  /** Takes one back (an attempt that turned out fine). */
  subtract(key: string): Promise<void>;
  peek(key: string): Promise<WindowCount>;
  clear(key: string): Promise<void>;
};

let announced = false;

/** `name` keeps counters apart; `redis` is the shared connection unless a test passes its own. */
export function windowCounter(
  name: string,
  windowSeconds: number,
  redis: Redis | null = rateLimitRedis(),
): WindowCounter {
  // Points are not used: callers compare counts with their own limits (which may vary per plan).
  const options = { keyPrefix: `${env().REDIS_KEY_PREFIX}rl:${name}`, points: 1, duration: windowSeconds };
  const memory = new RateLimiterMemory(options);
  if (!redis && !announced) {
    announced = true;
    console.warn('[rate-limit] REDIS_URL unset: limits are per process');
  }
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: memory })
    : memory;
  const ready = () => (redis ? firstContactWith(redis) : Promise.resolve());
  const count = (res: RateLimiterRes | null): WindowCount =>
    res ? { count: res.consumedPoints, msLeft: Math.max(res.msBeforeNext, 0) } : { count: 0, msLeft: 0 };
  return {
    hit: async (key, seconds) => {
      await ready();
      return count(await limiter.penalty(key, 1, seconds ? { customDuration: seconds } : {}));
    },
    subtract: async (key) => {
      await ready();
      await limiter.reward(key, 1);
    },
    peek: async (key) => {
      await ready();
      return count(await limiter.get(key));
    },
    clear: async (key) => {
      await ready();
      await limiter.delete(key);
    },
  };
}
