// npm run bench:api — what the v1 API costs (issue 16's speed section, docs/decisions/025), in one
// run against one fresh database and the machine's Redis:
//   1. key verification per request: the SHA-256 and the definer-function lookup (no cache, by
//      decision: a revoked key is refused on the next request on every instance), p50 and p99,
//      against the 20 µs p99 for a cache hit;
//   2. an authenticated GET of 20 projects through the API's route handler (key lookup, both rate
//      limits in Redis, schemas, JSON) vs the same read through tenantDb in process, 50 concurrent:
//      req/s and p99, and their ratio. In process, not over HTTP: Next's own cost per request is
//      bench:hosts' subject. The API's limits are real, so the counts are cleared between slices of
//      the run (every answer is checked to be a 200).
// Webhook delivery throughput is not measured: outgoing webhooks are not built yet.
import { deleteKeysWithPrefix, TEST_REDIS_URL, testRedis } from '../tests/support/redis-keys';
import { benchDatabase } from './bench-database';
import { type Measurement, measure, ms, ratio } from './measure';

const SLICES = Number(process.env.BENCH_SLICES ?? 8);
const SLICE_SECONDS = Number(process.env.BENCH_SLICE_SECONDS ?? 0.5);
const WORKERS = 50;
const KEY_CHECK_TARGET_MICROS = 20;

const redisUrl = process.env.REDIS_URL ?? TEST_REDIS_URL;
const prefix = `bench:api:${process.pid}:`;
const found = await testRedis(redisUrl);
if (!found) throw new Error(`bench:api needs a Redis at ${redisUrl}`);
const redis = found;
const database = await benchDatabase('api', { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix });

const { tenantDb } = await import('../lib/db/tenant-db');
const { findApiKey } = await import('../lib/api-keys/find-api-key');
const { hashToken } = await import('../lib/auth/random-token');
const { createTenant } = await import('../tests/support/tenants');
const { apiKeyFor, ALL_SCOPES } = await import('../tests/support/api-client');
const projectsRoute = await import('../app/v1/projects/route');

const tenant = await createTenant('bench-api', { plan: 'pro' });
const db = tenantDb(tenant.id);
for (let p = 0; p < 40; p++) await db.project.create({ data: { name: `project ${String(p).padStart(2, '0')}` } });
const { secret } = await apiKeyFor(tenant.id, ALL_SCOPES);
const host = `${tenant.slug}.localhost:3000`;

// ── 1. Key verification ──────────────────────────────────────────────────────────────────────
function micros(samples: number[]) {
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}
async function timed(calls: number, run: () => unknown): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    await run();
    samples.push((performance.now() - t0) * 1000);
  }
  return micros(samples);
}
await timed(500, () => findApiKey(secret)); // warm up
const hashing = await timed(5_000, () => hashToken(secret));
const lookup = await timed(3_000, () => findApiKey(secret));

// ── 2. GET 20 projects: the API vs tenantDb ─────────────────────────────────────────────────
const direct = () =>
  db.project.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 21,
    select: { id: true, name: true, createdAt: true },
  });
let notOk = 0;
const throughApi = async () => {
  const response = await projectsRoute.GET(
    new Request(`http://${host}/v1/projects?limit=20`, { headers: { host, authorization: `Bearer ${secret}` } }),
    { params: Promise.resolve(undefined) },
  );
  await response.text();
  if (response.status !== 200) notOk++;
};

/** Slices of the run with the limits' counts cleared before each, pooled. */
async function sliced(operation: () => Promise<unknown>): Promise<Measurement> {
  const slices: Measurement[] = [];
  for (let slice = 0; slice < SLICES; slice++) {
    await deleteKeysWithPrefix(redis, prefix);
    slices.push(await measure(WORKERS, SLICE_SECONDS, async () => void (await operation())));
  }
  const count = slices.reduce((sum, s) => sum + s.count, 0);
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return {
    count,
    qps: median(slices.map((s) => s.qps)),
    p50: median(slices.map((s) => s.p50)),
    p99: median(slices.map((s) => s.p99)),
    cpuMicros: median(slices.map((s) => s.cpuMicros)),
  };
}
await sliced(direct); // warm up both
await sliced(throughApi);
notOk = 0;
const rounds: [Measurement, Measurement][] = [];
for (let round = 0; round < 3; round++) rounds.push([await sliced(direct), await sliced(throughApi)]);

const line = (label: string, m: Measurement) =>
  `  ${label.padEnd(34)} ${m.qps.toFixed(0).padStart(6)} req/s   p50 ${ms(m.p50)}   p99 ${ms(m.p99)}   CPU ${(m.cpuMicros / 1000).toFixed(2)} ms/req`;
console.log('\nKey verification per API request (no cache, by decision 025)');
console.log(`  SHA-256 of the secret           p50 ${hashing.p50.toFixed(1)} µs   p99 ${hashing.p99.toFixed(1)} µs`);
console.log(`  the whole check (hash + lookup)  p50 ${lookup.p50.toFixed(1)} µs   p99 ${lookup.p99.toFixed(1)} µs`);
console.log(
  `  target: a cache hit ≤ ${KEY_CHECK_TARGET_MICROS} µs p99: ${lookup.p99 <= KEY_CHECK_TARGET_MICROS ? 'met' : 'MISSED (there is no cache: each check is a database call)'}`,
);
console.log(
  `\nGET 20 projects, ${WORKERS} concurrent, ${SLICES} × ${SLICE_SECONDS} s slices per measurement, 3 rounds`,
);
for (const [index, [plain, api]] of rounds.entries()) {
  console.log(`  round ${index + 1}`);
  console.log(line('tenantDb in process', plain));
  console.log(line('through the API route handler', api));
  console.log(`  API ÷ tenantDb: ${ratio(api.qps / plain.qps)} req/s, ${ratio(api.p99 / plain.p99)} p99`);
}
console.log(`  API answers not 200: ${notOk}${notOk ? ' (the measurement met a limit: MISSED)' : ''}`);
console.log('\nWebhook delivery throughput: not measured (outgoing webhooks are not built yet).');

await deleteKeysWithPrefix(redis, prefix);
redis.disconnect();
await database.stop();
process.exit(0);
