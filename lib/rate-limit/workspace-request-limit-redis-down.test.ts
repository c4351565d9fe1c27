// Redis stopped mid-test under the per-workspace request limit (docs/decisions/022, 017): the proxy
// answers no 500 and waits for no timeout; each process goes on counting by itself, from zero, so a
// workspace is limited again once it spends its plan's allowance in this process; other workspaces
// are served throughout. Redis here is a server of this test's own, stopped for real.
import { afterAll, expect, it, vi } from 'vitest';
import { startRedisServer } from '../../tests/support/redis-server-process';
import { createTenant } from '../../tests/support/tenants';

const redis = await startRedisServer();
// Before anything reads the environment (lib/env caches it per test file).
process.env.REDIS_URL = redis.url;
const { serveProxy } = await import('../../tests/support/proxy-server');
const { signedInMember } = await import('../../tests/support/workspace-members');
/** A member's session cookie: only members spend the workspace's budget. */
const members = new Map<string, string>();
async function memberCookie(tenant: Tenant): Promise<string> {
  const token = members.get(tenant.id) ?? (await signedInMember(tenant, 'member')).token;
  members.set(tenant.id, token);
  return `tenantry.session=${token}`;
}
const { PLANS } = await import('../billing/plans');
const { defaultTenantRequestLimit } = await import('./tenant-request-limit');

const proxy = await serveProxy();
afterAll(async () => {
  await proxy.stop();
  await redis.stop();
});

const FREE = PLANS.free.limits.requestsPerMinute;
type Tenant = { id: string; slug: string };
const send = async (tenant: Tenant) =>
  proxy.send(`${tenant.slug}.localhost:3000`, '/', { headers: { cookie: await memberCookie(tenant) } });

async function spend(tenant: Tenant, count: number): Promise<void> {
  const limit = defaultTenantRequestLimit();
  for (let done = 0; done < count; done += 200) {
    await Promise.all(Array.from({ length: Math.min(200, count - done) }, () => limit.hit(tenant.id)));
  }
}

it('keeps limiting per process after Redis stops: no 500, no waiting, documented in the log', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const [noisy, quiet] = [await createTenant('redis-down-noisy'), await createTenant('redis-down-quiet')];
  await spend(noisy, FREE);
  expect((await send(noisy)).status).toBe(429); // counted in Redis

  await redis.stop();

  const answers: number[] = [];
  const started = performance.now();
  for (let i = 0; i < 20; i++) answers.push((await send(noisy)).status, (await send(quiet)).status);
  const perRequestMs = (performance.now() - started) / answers.length;
  expect(answers).not.toContain(500);
  // The count starts again in process: the noisy workspace is served until it spends its allowance here.
  expect(answers).toEqual(Array(40).fill(200));
  expect(perRequestMs).toBeLessThan(50); // a failing command fails at once, no 500 ms timeout each
  // ioredis reports the outage on its first failed reconnect, a moment after the close.
  await vi.waitFor(
    () => expect(warn.mock.calls.filter(([line]) => String(line).includes('Redis unreachable'))).toHaveLength(1),
    { timeout: 3_000 },
  );

  await spend(noisy, FREE - 20);
  const refused = await send(noisy);
  expect(refused.status).toBe(429);
  expect(refused.headers['retry-after']).toMatch(/^\d+$/);
  expect((await send(quiet)).status).toBe(200);
});
