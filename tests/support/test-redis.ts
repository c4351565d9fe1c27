// Vitest global setup: the rate limiters run against the real Redis at 127.0.0.1:6379 (or
// TEST_REDIS_URL), under a key prefix of this run alone, so parallel runs never share a count.
// Without a Redis server the limiters' in-process fallback is tested instead; under CI that is a
// failure (.ci/run starts Redis).
import type { TestProject } from 'vitest/node';
import { deleteKeysWithPrefix, TEST_REDIS_URL, testRedis } from './redis-keys';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string; // '' when no Redis answered
    redisKeyPrefix: string;
  }
}

export default async function setup(project: TestProject) {
  const prefix = `test:${process.pid}:${Date.now().toString(36)}:`;
  const redis = await testRedis();
  if (!redis) {
    const message = `[test] no Redis at ${TEST_REDIS_URL}: the rate limiters are tested in process only`;
    if (process.env.CI) throw new Error(`${message}; CI needs it (redis-server)`);
    console.warn(message);
  }
  project.provide('redisUrl', redis ? TEST_REDIS_URL : '');
  project.provide('redisKeyPrefix', prefix);
  return async () => {
    if (!redis) return;
    await deleteKeysWithPrefix(redis, prefix);
    redis.disconnect();
  };
}
