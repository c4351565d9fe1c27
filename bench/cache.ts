// npm run bench:cache — what the workspace home's counts cost, in one run against one fresh
// database and the machine's Redis (REDIS_URL or 127.0.0.1:6379, under a key prefix of this run,
// removed afterwards):
//   A. counting in PostgreSQL (tenantDb, one statement of four counts), for a small workspace (the
//      seed's size) and a large one (200 projects, 5,000 tasks, 50 members);
//   B. a hit in Redis (tenantCache: one HMGET, JSON.parse, the zod schema);
//   C. a hit in this process's LRU (the store used without REDIS_URL), the price of an L1 in front
//      of Redis.
// Sequential latency (p50/p99) and throughput at 10 concurrent. Decides whether a per-process LRU
// in front of Redis would pay for its cross-instance invalidation (docs/decisions/023).
import { randomUUID } from 'node:crypto';
import { deleteKeysWithPrefix, TEST_REDIS_URL, testRedis } from '../tests/support/redis-keys';
import { benchDatabase } from './bench-database';
import { measure, ms } from './measure';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 5_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const redisUrl = process.env.REDIS_URL ?? TEST_REDIS_URL;
const prefix = `bench:${process.pid}:`;
const cleanup = await testRedis(redisUrl);
if (!cleanup) throw new Error(`bench:cache needs a Redis at ${redisUrl}`);

const database = await benchDatabase('cache', {
  REDIS_URL: redisUrl,
  REDIS_KEY_PREFIX: prefix,
});

const { tenantDb } = await import('../lib/db/tenant-db');
const { authDb } = await import('../lib/db/auth-db');
const { appPool } = await import('../lib/db/app-pool');
const { tenantCache } = await import('../lib/cache/tenant-cache');
const { memoryCacheStore } = await import('../lib/cache/memory-cache-store');
const { countInDatabase, WorkspaceCounts } = await import('../lib/workspaces/workspace-counts');
const { createTenant } = await import('../tests/support/tenants');

async function workspaceOf(projects: number, tasksPerProject: number, members: number): Promise<string> {
  const tenant = await createTenant('bench-cache');
  const db = tenantDb(tenant.id);
  for (let p = 0; p < projects; p++) {
    const project = await db.project.create({ data: { name: `project ${p}` } });
    await db.task.createMany({
      data: Array.from({ length: tasksPerProject }, (_, t) => ({
        projectId: project.id,
        title: `task ${t}`,
        status: t % 3 === 0 ? 'done' : 'todo',
      })),
    });
  }
  for (let m = 0; m < members; m++) {
    const user = await authDb().user.create({ data: { email: `m${m}-${randomUUID().slice(0, 8)}@bench.test` } });
    await db.membership.create({ data: { userId: user.id, role: 'member' } });
  }
  return tenant.id;
}

function percentiles(samples: number[]): { p50: number; p99: number } {
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

async function sequential(operation: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 500; i++) await operation(); // warm up (JIT, pool, script cache)
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now();
    await operation();
    samples.push(performance.now() - t0);
  }
  return percentiles(samples);
}

const small = await workspaceOf(3, 4, 3);
const large = await workspaceOf(200, 25, 50);
const memory = memoryCacheStore();
const counts = (tenantId: string) => () => countInDatabase(tenantId);
const redisHit = (tenantId: string) => () =>
  tenantCache(tenantId).getOrLoad('workspace-counts', WorkspaceCounts, 600, () => countInDatabase(tenantId));
const memoryHit = (tenantId: string) => () =>
  tenantCache(tenantId, memory).getOrLoad('workspace-counts', WorkspaceCounts, 600, () => countInDatabase(tenantId));

const rows: [string, () => Promise<unknown>][] = [
  ['A. PostgreSQL, small workspace', counts(small)],
  ['A. PostgreSQL, large workspace', counts(large)],
  ['B. Redis hit', redisHit(large)],
  ['C. in-process LRU hit', memoryHit(large)],
];
console.log(`\nWorkspace counts: ${SAMPLES} sequential reads, then ${SECONDS} s at 10 concurrent`);
console.log('                                      p50        p99    reads/s (10 concurrent)');
for (const [label, operation] of rows) {
  const latency = await sequential(operation);
  const load = await measure(10, SECONDS, async () => {
    await operation();
  });
  console.log(
    `${label.padEnd(34)} ${ms(latency.p50).padStart(10)} ${ms(latency.p99).padStart(10)} ${load.qps.toFixed(0).padStart(10)}`,
  );
}

await deleteKeysWithPrefix(cleanup, prefix);
cleanup.disconnect();
await appPool().end();
await database.stop();
process.exit(0);
