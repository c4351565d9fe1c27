// Vitest global setup: the rate limiters run against the real Redis at 127.0.0.1:6379 (or
// TEST_REDIS_URL), under a key prefix of this run alone, so parallel runs never share a count.
// Without a Redis server the limiters' in-process fallback is tested instead; under CI that is a
// failure (.ci/run starts Redis).
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string; // '' when no Redis answered
    redisKeyPrefix: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `test:${process.pid}:${Date.now().toString(36)}:`;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {}); // the connect() below reports it
  const reachable = await redis.connect().then(
    () => true,
    () => false,
  );
  if (!reachable) {
    const message = `[test] no Redis at ${url}: the rate limiters are tested in process only`;
    if (process.env.CI) throw new Error(`${message}; CI needs it (redis-server)`);
    console.warn(message);
  }
  project.provide('redisUrl', reachable ? url : '');
  project.provide('redisKeyPrefix', prefix);
  return async () => {
    if (reachable) await deleteKeys(redis, prefix);
    redis.disconnect();
  };
}

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
