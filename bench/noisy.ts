// npm run bench:noisy — the noisy neighbour (docs/decisions/022), in one run against one seeded
// database and the machine's Redis:
//   1. in-process, per request: what the per-workspace limit adds to a proxied request (slug → id
//      and entitlements from their caches, one count in Redis), p50 and p99;
//   2. over HTTP, one production build: a quiet workspace's signed-in page requested at a steady
//      rate, alone, and while another workspace floods its own signed-in page at 20× its plan's
//      limit. Phases alternate (alone, flood, flood, alone, …) so both see the machine's same mood.
// Target: the quiet page's p50 and p99 under the flood ≤ 1.25× alone. Requests are open-loop (a
// fixed rate, latency from the scheduled start), so queueing behind the flood counts.
// BENCH_BUILD_DIR=<dir> measures a copy an earlier run built (and keeps it) instead of building.
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { deleteKeysWithPrefix, TEST_REDIS_URL, testRedis } from '../tests/support/redis-keys';
import { benchDatabase } from './bench-database';
import type { FloodOrder, FloodReport } from './flood-client';
import { ratio } from './measure';
import { childEnv, startNext } from './next-start';
import { openLoop, percentile } from './open-loop';

const ROOT = path.resolve(import.meta.dirname, '..');
const PHASE_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 12);
const QUIET_RATE = Number(process.env.BENCH_QUIET_RATE ?? 20);
const TARGET = 1.25;

const BENCH_KEY_PREFIX = `bench:noisy:${process.pid}:`;
const redis = await testRedis(process.env.REDIS_URL ?? TEST_REDIS_URL);
if (!redis) console.warn(`[bench] no Redis at ${TEST_REDIS_URL}: counting in process (the REDIS_URL-unset case)`);
const REDIS_URL = redis ? (process.env.REDIS_URL ?? TEST_REDIS_URL) : undefined;
const database = await benchDatabase('noisy', {
  REDIS_KEY_PREFIX: BENCH_KEY_PREFIX,
  ...(REDIS_URL ? { REDIS_URL } : {}),
});
const { urls } = database;

const { seed } = await import('../prisma/seed');
await seed();
const { PLANS } = await import('../lib/billing/plans');
const { createTenant } = await import('../tests/support/tenants');
const FLOOD_RATE = (20 * PLANS.free.limits.requestsPerMinute) / 60;

// The seed comps acme with Pro: acme is the quiet one (its steady QUIET_RATE/s is well inside Pro's
// limit), and globex, on Free, floods at 20× Free's limit.
const admin = new pg.Client(urls.platformUrl);
await admin.connect();
const { rows: plans } = await admin.query<{ slug: string; plan: string | null }>(
  "SELECT t.slug, b.plan FROM tenants t LEFT JOIN billing_states b ON b.tenant_id = t.id WHERE t.slug IN ('acme', 'globex')",
);
const planOf = (slug: string) => plans.find((row) => row.slug === slug)?.plan ?? 'free';
if (planOf('acme') !== 'pro' || planOf('globex') !== 'free')
  throw new Error(`unexpected seed plans: ${JSON.stringify(plans)}`);

const BENCH_AUTH_SECRET = 'bench-only-secret-bench-only-secret-bench';
const { encode } = await import('next-auth/jwt');
/** A session of `email` handed to `host` (subdomains of localhost share no cookie), as a cookie header. */
async function sessionCookie(email: string, host: string): Promise<string> {
  const { rows } = await admin.query<{ user_id: string; id: string }>(
    `WITH u AS (SELECT id FROM users WHERE email = $1),
          main AS (INSERT INTO sessions (id, user_id, expires) SELECT gen_random_uuid(), id, now() + interval '1 day' FROM u RETURNING id, user_id)
     INSERT INTO sessions (id, user_id, host, parent_id, expires)
     SELECT gen_random_uuid(), user_id, $2, id, now() + interval '1 day' FROM main RETURNING user_id, id`,
    [email, host],
  );
  const session = rows[0];
  if (!session) throw new Error(`no bench session for ${email}`);
  const token = await encode({ token: { sub: session.user_id, sid: session.id }, secret: BENCH_AUTH_SECRET });
  return `tenantry.session=${token}`;
}
const quietCookie = await sessionCookie('alice@acme.test', 'acme.localhost');
const floodCookie = await sessionCookie('grace@globex.test', 'globex.localhost');
await admin.end();

// ── 1. In-process ─────────────────────────────────────────────────────────────────────────────
const { NextRequest } = await import('next/server');
const { limitWorkspaceRequest } = await import('../lib/rate-limit/workspace-request-limit');
const costed = await createTenant('bench-cost', { plan: 'pro' });

// Paced at a Pro workspace's per-second share (300), so every call is one the limit lets through.
const PER_SECOND = 250;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function limiterCost(calls: number): Promise<number[]> {
  const request = new NextRequest(`http://${costed.slug}.localhost/projects`);
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    if (i > 0 && i % PER_SECOND === 0) await pause(1_050);
    const t0 = performance.now();
    const refused = await limitWorkspaceRequest(request, costed.slug);
    samples.push((performance.now() - t0) * 1000);
    if (refused) throw new Error('the cost was measured past the limit');
  }
  return samples.sort((a, b) => a - b);
}

/** The floor under it: one bare INCR on the same Redis, as many times (what the machine's Redis answers in). */
async function bareRedisRoundTrip(calls: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    await redis?.incr(`${BENCH_KEY_PREFIX}floor`);
    samples.push((performance.now() - t0) * 1000);
  }
  return samples.sort((a, b) => a - b);
}

await limiterCost(PER_SECOND); // warm up (caches filled, JIT)
await pause(1_050);
const calls = 2_000;
const cost = await limiterCost(calls);
const floor = await bareRedisRoundTrip(calls);
const micros = (sorted: number[]) =>
  `p50 ${percentile(sorted, 0.5).toFixed(1).padStart(7)} µs   p99 ${percentile(sorted, 0.99).toFixed(1).padStart(7)} µs`;
console.log(`\nIn-process, per request: the workspace limit in proxy.ts (${REDIS_URL ? 'Redis' : 'in process'})`);
console.log(`  the limit (slug → id, plan, count)  ${micros(cost)}`);
if (redis) console.log(`  a bare Redis INCR, same run         ${micros(floor)}`);

// ── 2. Over HTTP ──────────────────────────────────────────────────────────────────────────────

function buildCopy(): string {
  // A git worktree shares node_modules through a symlink, which Turbopack does not follow out of
  // its root: the copy then goes outside the project, with node_modules and a lockfile of its own
  // (inside the project, the project's lockfile would make the project the root, with two Reacts).
  const modules = path.join(ROOT, 'node_modules');
  const shared = lstatSync(modules).isSymbolicLink();
  const parent = shared ? tmpdir() : path.join(ROOT, '.data');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, 'bench-noisy-'));
  const entries = [
    'app',
    'components',
    'lib',
    'public',
    'prisma',
    'scripts',
    'tests',
    'proxy.ts',
    'instrumentation.ts',
  ];
  const configs = ['next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package.json', 'vitest.config.ts'];
  for (const entry of [...entries, ...configs])
    cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  if (shared) {
    cpSync(realpathSync(modules), path.join(dir, 'node_modules'), { recursive: true, verbatimSymlinks: true });
    cpSync(path.join(ROOT, 'package-lock.json'), path.join(dir, 'package-lock.json'));
  }
  try {
    execFileSync(process.execPath, [nextBin(dir), 'build'], {
      cwd: dir,
      stdio: 'pipe',
      env: childEnv(),
    });
  } catch (error) {
    const output = error instanceof Error && 'stdout' in error ? `${error.stdout}${Reflect.get(error, 'stderr')}` : '';
    throw new Error(`next build failed in ${dir}:\n${output.slice(-3000)}`);
  }
  return dir;
}

/** The copy's own Next when it has node_modules of its own: Next and the app must load one React. */
const nextBin = (dir: string) =>
  [dir, ROOT].map((base) => path.join(base, 'node_modules/next/dist/bin/next')).find((bin) => existsSync(bin)) ?? '';

const PORT = 3301;
function start(dir: string): Promise<ChildProcess> {
  return startNext(nextBin(dir), dir, PORT, BENCH_AUTH_SECRET);
}

const quietAgent = new http.Agent({ keepAlive: true, maxSockets: 256 });
function get(agent: http.Agent, host: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: PORT, path: '/', agent, headers: { host: `${host}:${PORT}`, cookie } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end();
  });
}
const quiet = () => get(quietAgent, 'acme.localhost', quietCookie);
// The flood comes from a process of its own, so its client work is not timed against the quiet page.
const floodClient = fork(path.join(import.meta.dirname, 'flood-client.ts'), [], {
  execArgv: ['--import', 'tsx'],
  env: childEnv(),
});
function flood(seconds: number): Promise<FloodReport> {
  const order: FloodOrder = { host: 'globex.localhost', port: PORT, cookie: floodCookie, rate: FLOOD_RATE, seconds };
  return new Promise((resolve) => {
    floodClient.once('message', (report: FloodReport) => resolve(report));
    floodClient.send(order);
  });
}

// BENCH_BUILD_DIR: a copy already built by an earlier run (kept, not removed), to measure again quickly.
const reused = process.env.BENCH_BUILD_DIR;
if (!reused) console.log('\nBuilding the app…');
const dir = reused ?? buildCopy();
const child = await start(dir);
// Warm both pages and the 429 path, then forget the counts: every run starts with fresh windows.
await Promise.all([openLoop(QUIET_RATE * 2, WARMUP_SECONDS, quiet), flood(WARMUP_SECONDS)]);
if (redis) await deleteKeysWithPrefix(redis, BENCH_KEY_PREFIX);

/** CPU time the server process has used so far, in ms (Linux /proc; NaN elsewhere). */
function serverCpuMs(): number {
  const stat = child.pid ? `/proc/${child.pid}/stat` : '';
  if (!stat || !existsSync(stat)) return Number.NaN;
  const fields = readFileSync(stat, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10; // USER_HZ is 100 on Linux
}

type Phase = { latencies: number[]; notOk: number; cpuShare: number };
async function phase(withFlood: boolean) {
  const cpu0 = serverCpuMs();
  const [quietRun, floodRun] = await Promise.all([
    openLoop(QUIET_RATE, PHASE_SECONDS, quiet),
    withFlood ? flood(PHASE_SECONDS) : null,
  ]);
  const notOk = [...quietRun.statuses].filter(([status]) => status !== 200).reduce((sum, [, n]) => sum + n, 0);
  const result: Phase = {
    latencies: quietRun.latencies,
    notOk: notOk + quietRun.errors,
    cpuShare: (serverCpuMs() - cpu0) / (PHASE_SECONDS * 1000),
  };
  return { result, floodRun };
}

const alone: Phase[] = [];
const flooded: Phase[] = [];
const floodStatuses = new Map<number, number>();
const floodLatencies: number[] = [];
const rows: string[] = [];
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const line = (label: string, { latencies, cpuShare }: Phase) => {
  const s = sorted(latencies);
  return `${label} p50 ${percentile(s, 0.5).toFixed(2)} ms p99 ${percentile(s, 0.99).toFixed(2)} ms (server CPU ${(cpuShare * 100).toFixed(0)} %)`;
};
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? [false, true] : [true, false];
  for (const withFlood of order) {
    const { result, floodRun } = await phase(withFlood);
    (withFlood ? flooded : alone).push(result);
    for (const [status, n] of floodRun?.statuses ?? []) floodStatuses.set(status, (floodStatuses.get(status) ?? 0) + n);
    floodLatencies.push(...(floodRun?.latencies ?? []));
  }
  rows.push(
    `  round ${round + 1}: ${line('alone', alone.at(-1) as Phase)} · ${line('flood', flooded.at(-1) as Phase)}`,
  );
}

const pooled = (phases: Phase[]) => sorted(phases.flatMap((p) => p.latencies));
const [quietAlone, quietFlooded] = [pooled(alone), pooled(flooded)];
const p50Ratio = percentile(quietFlooded, 0.5) / percentile(quietAlone, 0.5);
const p99Ratio = percentile(quietFlooded, 0.99) / percentile(quietAlone, 0.99);
const verdict = (value: number) => (value <= TARGET ? 'met' : 'MISSED');
console.log(
  `\nA quiet workspace's signed-in page at ${QUIET_RATE}/s, alone and while another workspace floods its own page at ${FLOOD_RATE}/s (20× Free's ${PLANS.free.limits.requestsPerMinute}/min)`,
);
console.log(rows.join('\n'));
console.log(
  `  quiet page alone:      p50 ${percentile(quietAlone, 0.5).toFixed(2)} ms   p99 ${percentile(quietAlone, 0.99).toFixed(2)} ms   (${quietAlone.length} requests)`,
);
console.log(
  `  quiet page, flooded:   p50 ${percentile(quietFlooded, 0.5).toFixed(2)} ms   p99 ${percentile(quietFlooded, 0.99).toFixed(2)} ms   (${quietFlooded.length} requests)`,
);
console.log(`  p50 flooded ÷ alone: ${ratio(p50Ratio)} (target ≤ ${TARGET}×: ${verdict(p50Ratio)})`);
console.log(`  p99 flooded ÷ alone: ${ratio(p99Ratio)} (target ≤ ${TARGET}×: ${verdict(p99Ratio)})`);
const quietNotOk = [...alone, ...flooded].reduce((sum, p) => sum + p.notOk, 0);
console.log(
  `  quiet requests not answered 200: ${quietNotOk}${quietNotOk ? ' (MISSED: the quiet workspace was hurt)' : ''}`,
);
const floodSorted = sorted(floodLatencies);
const statuses = [...floodStatuses].map(([status, n]) => `${n}× ${status}`).join(', ');
// What the server spends: a quiet page alone, and each flood request on top (mostly refusals).
const cpuMs = (phases: Phase[]) => phases.reduce((sum, p) => sum + p.cpuShare, 0) * PHASE_SECONDS * 1000;
const quietPageCpu = cpuMs(alone) / quietAlone.length;
const floodCount = [...floodStatuses.values()].reduce((sum, n) => sum + n, 0);
const perFloodRequest = (cpuMs(flooded) - quietPageCpu * quietFlooded.length) / floodCount;
console.log(
  `  server CPU: ${quietPageCpu.toFixed(2)} ms per quiet page alone; ${perFloodRequest.toFixed(2)} ms more per flood request`,
);
console.log(
  `  the flood: ${statuses}; its answers p50 ${percentile(floodSorted, 0.5).toFixed(2)} ms p99 ${percentile(floodSorted, 0.99).toFixed(2)} ms`,
);

child.kill();
quietAgent.destroy();
floodClient.disconnect();
if (!reused) rmSync(dir, { recursive: true, force: true });
if (redis) {
  await deleteKeysWithPrefix(redis, BENCH_KEY_PREFIX);
  redis.disconnect();
}
await database.stop();
process.exit(0);
