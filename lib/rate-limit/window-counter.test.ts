// The counter every limit is built on: shared by every instance through Redis, still limiting (per
// process) when Redis is down, and per process when REDIS_URL is unset.
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { closedPort } from '../../tests/support/closed-port';
import { connectRateLimitRedis } from './redis-connection';
import { windowCounter } from './window-counter';

const redisUrl = inject('redisUrl');
const key = () => `key-${Math.random().toString(36).slice(2)}`;
const opened: Redis[] = [];
afterEach(() => {
  for (const redis of opened.splice(0)) redis.disconnect();
  vi.restoreAllMocks();
});

function connect(url: string): Redis {
  const redis = connectRateLimitRedis(url);
  opened.push(redis);
  return redis;
}

describe.skipIf(!redisUrl)('on Redis', () => {
  it('two instances (two connections) share one count, which expires with its window', async () => {
    const [a, b] = [windowCounter('shared', 1, connect(redisUrl)), windowCounter('shared', 1, connect(redisUrl))];
    const k = key();
    expect((await a.hit(k)).count).toBe(1);
    expect((await b.hit(k)).count).toBe(2);
    expect((await a.peek(k)).msLeft).toBeLessThanOrEqual(1_000);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await b.peek(k)).toEqual({ count: 0, msLeft: 0 });
  });

  it('a window can be given its own length on its first hit', async () => {
    const counter = windowCounter('custom', 60, connect(redisUrl));
    const k = key();
    expect((await counter.hit(k, 5)).msLeft).toBeLessThanOrEqual(5_000);
    await counter.subtract(k);
    expect((await counter.peek(k)).count).toBe(0);
  });
});

describe('Redis configured but down (a closed port)', () => {
  it('counts in process at once, says so once in the log, and keeps limiting', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const counter = windowCounter('down', 60, connect(`redis://127.0.0.1:${await closedPort()}`));
    const k = key();
    const started = performance.now();
    const counts = [];
    for (let i = 0; i < 10; i += 1) counts.push((await counter.hit(k)).count);
    expect(counts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(performance.now() - started).toBeLessThan(2_500); // the first connection attempt, then no waiting
    const outageLines = warn.mock.calls.filter(([line]) => String(line).includes('Redis unreachable'));
    expect(outageLines).toHaveLength(1);
  });
});

describe('without REDIS_URL', () => {
  it('counts in process and announces it once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const [a, b] = [windowCounter('alone-a', 60, null), windowCounter('alone-b', 60, null)];
    const k = key();
    await a.hit(k);
    expect((await a.hit(k)).count).toBe(2);
    expect((await b.hit(k)).count).toBe(1);
    await a.clear(k);
    expect((await a.peek(k)).count).toBe(0);
    expect(warn.mock.calls).toEqual([['[rate-limit] REDIS_URL unset: limits are per process']]);
  });
});
