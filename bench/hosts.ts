// npm run bench:hosts — what host routing costs, in one run against one seeded database:
//   1. in-process, per request: host classification + workspace resolution, for a subdomain, a
//      custom domain in the cache (hit) and one that is not (miss: a database lookup);
//   2. over HTTP under load: a workspace page, as a signed-in member sees it, through proxy.ts,
//      against the same page served by a build without proxy.ts (the internal route requested
//      directly), and by a build with an empty proxy.ts (Next's proxy machinery alone).
// Targets: ≤ 50 µs p99 in-process on a cache hit; the proxy adds ≤ 10% to the page's p50.
// The servers are warmed up under load first (BENCH_WARMUP_SECONDS), then measured in interleaved
// rounds; each round also reports the server CPU a request cost (from /proc), the steadier figure.
import { type ChildProcess, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { benchDatabase } from './bench-database';
import { measure, ms, ratio } from './measure';
import { childEnv, startNext } from './next-start';

const ROOT = path.resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
// Each server's JIT needs a while under load before its numbers settle; a short warm-up made the
// first rounds of whichever server ran more code (the one with proxy.ts) look up to 30 % slower.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 12);

const database = await benchDatabase('hosts');
const { urls } = database;

const { seed } = await import('../prisma/seed');
await seed();
const admin = new pg.Client(urls.platformUrl);
await admin.connect();
await admin.query(`INSERT INTO domains (id, tenant_id, hostname, verification_token)
  SELECT gen_random_uuid(), id, 'app.acme-corp.test', 't' FROM tenants WHERE slug = 'acme'`);
await admin.query("UPDATE domains SET status = 'verified' WHERE hostname = 'app.acme-corp.test'");
// A member signed in on acme's host (a session handed to acme.localhost, as in development).
const BENCH_AUTH_SECRET = 'bench-only-secret-bench-only-secret-bench';
const { rows: sessionRows } = await admin.query<{ user_id: string; id: string }>(`
  WITH u AS (SELECT id FROM users WHERE email = 'alice@acme.test'),
       main AS (INSERT INTO sessions (id, user_id, expires) SELECT gen_random_uuid(), id, now() + interval '1 day' FROM u RETURNING id, user_id)
  INSERT INTO sessions (id, user_id, host, parent_id, expires)
  SELECT gen_random_uuid(), user_id, 'acme.localhost', id, now() + interval '1 day' FROM main RETURNING user_id, id`);
await admin.end();
const { encode } = await import('next-auth/jwt');
const signedIn = sessionRows[0];
if (!signedIn) throw new Error('no bench session');
const cookie = `tenantry.session=${await encode({ token: { sub: signedIn.user_id, sid: signedIn.id }, secret: BENCH_AUTH_SECRET })}`;

// ── 1. In-process ─────────────────────────────────────────────────────────────────────────────
const { classifyHost } = await import('../lib/hosts/classify-host');
const { workspaceSlugForHost } = await import('../lib/hosts/workspace-slug-for-host');
const { forgetCustomDomainRoute } = await import('../lib/domains/custom-domain-routes');
const options = { rootDomain: 'localhost' };

async function perRequest(host: string, forget: boolean): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    if (forget) forgetCustomDomainRoute('app.acme-corp.test');
    const t0 = performance.now();
    const slug = await workspaceSlugForHost(classifyHost(host, options));
    samples.push((performance.now() - t0) * 1000);
    if (slug !== 'acme') throw new Error(`${host} resolved to ${slug}`);
    if (forget && i >= 2_000) break;
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length / 2)] ?? 0, p99: samples[Math.floor(samples.length * 0.99)] ?? 0 };
}

await perRequest('app.acme-corp.test:3000', false); // warm up
const inProcess = {
  'subdomain (pure)': await perRequest('acme.localhost:3000', false),
  'custom domain, cache hit': await perRequest('app.acme-corp.test:3000', false),
  'custom domain, cache miss': await perRequest('app.acme-corp.test:3000', true),
};
console.log('\nIn-process, per request: classify the host + resolve the workspace');
for (const [label, { p50, p99 }] of Object.entries(inProcess)) {
  console.log(`  ${label.padEnd(28)} p50 ${p50.toFixed(1).padStart(7)} µs   p99 ${p99.toFixed(1).padStart(7)} µs`);
}
const hitP99 = inProcess['custom domain, cache hit'].p99;
console.log(`  target cache-hit p99 ≤ 50 µs: ${hitP99.toFixed(1)} µs ${hitP99 <= 50 ? 'met' : 'MISSED'}`);

// ── 2. Over HTTP ──────────────────────────────────────────────────────────────────────────────

type Variant = 'ours' | 'empty' | 'none';

// An empty proxy: Next runs it on every page request and it changes nothing (the page is asked for
// at its internal path). What Next's proxy machinery costs by itself, apart from our routing.
const EMPTY_PROXY = `import { NextResponse } from 'next/server';
export function proxy() {
  return NextResponse.next();
}
export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'] };
`;

function buildCopy(variant: Variant): string {
  // Inside the project (git-ignored .data/): Turbopack compiles nothing from outside its root, and
  // from here Node finds the project's node_modules by itself.
  mkdirSync(path.join(ROOT, '.data'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, '.data', `bench-proxy-${variant}-`));
  // Everything `next build` type-checks (tsconfig includes the tests), except e2e and bench.
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
  for (const entry of [...entries, ...configs]) {
    cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  if (variant === 'none') rmSync(path.join(dir, 'proxy.ts'));
  if (variant === 'empty') writeFileSync(path.join(dir, 'proxy.ts'), EMPTY_PROXY);
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
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

function start(dir: string, port: number): Promise<ChildProcess> {
  return startNext(path.join(ROOT, 'node_modules/next/dist/bin/next'), dir, port, BENCH_AUTH_SECRET);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function get(port: number, pathname: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, path: pathname, agent, headers: { host: `acme.localhost:${port}`, cookie } },
      (response) => {
        if (response.statusCode !== 200) reject(new Error(`${pathname} on ${port}: ${response.statusCode}`));
        response.resume();
        response.on('end', resolve);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

console.log('\nBuilding the app three times (our proxy.ts, an empty proxy.ts, none)…');
const variants: { variant: Variant; port: number; path: string }[] = [
  { variant: 'ours', port: 3201, path: '/' },
  { variant: 'empty', port: 3203, path: '/t/acme' },
  { variant: 'none', port: 3202, path: '/t/acme' },
];
const dirs = variants.map(({ variant }) => buildCopy(variant));
const servers = await Promise.all(variants.map(({ port }, index) => start(dirs[index] ?? '', port)));
const requestOn = (index: number) => () => get(variants[index]?.port ?? 0, variants[index]?.path ?? '/');
for (const index of variants.keys()) await measure(10, WARMUP_SECONDS, requestOn(index));

/** CPU time a server process has used so far, in ms (Linux /proc; NaN elsewhere). */
function serverCpuMs(child: ChildProcess | undefined): number {
  const stat = child?.pid ? `/proc/${child.pid}/stat` : '';
  if (!stat || !existsSync(stat)) return Number.NaN;
  const fields = readFileSync(stat, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  return (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
}

/** The load on one server, and the server CPU each request cost (what a proxy can add to). */
async function loadOn(index: number) {
  const cpu0 = serverCpuMs(servers[index]);
  const result = await measure(10, SECONDS, requestOn(index));
  return { ...result, serverCpuMsPerRequest: (serverCpuMs(servers[index]) - cpu0) / result.count };
}

type Load = Awaited<ReturnType<typeof loadOn>>;
const ratios = {
  ours: { p50: [] as number[], cpu: [] as number[] },
  empty: { p50: [] as number[], cpu: [] as number[] },
};
const rows: string[] = [];
const summary = (label: string, load: Load) =>
  `${label} p50 ${ms(load.p50)} ${load.qps.toFixed(0)} req/s ${ms(load.serverCpuMsPerRequest)} CPU/req`;
for (let round = 0; round < ROUNDS; round++) {
  // The three back to back, in a rotating order, so each round's ratios share the machine's mood.
  const loads: Load[] = [];
  for (let step = 0; step < variants.length; step++) {
    const index = (round + step) % variants.length;
    loads[index] = await loadOn(index);
  }
  const [ours, empty, none] = loads as [Load, Load, Load];
  ratios.ours.p50.push(ours.p50 / none.p50);
  ratios.ours.cpu.push(ours.serverCpuMsPerRequest / none.serverCpuMsPerRequest);
  ratios.empty.p50.push(empty.p50 / none.p50);
  ratios.empty.cpu.push(empty.serverCpuMsPerRequest / none.serverCpuMsPerRequest);
  rows.push(`  round ${round + 1}: ${summary('ours', ours)} · ${summary('empty', empty)} · ${summary('none', none)}`);
}
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
const medianRatio = median(ratios.ours.p50);
console.log('\nA signed-in workspace page under load (10 concurrent clients): through our proxy.ts, through an');
console.log("empty proxy.ts (Next's machinery alone), and from a build without proxy.ts");
console.log(rows.join('\n'));
console.log(
  `  our proxy's share of the page p50: ${ratio(medianRatio)} (median of rounds; target ≤ 1.10×: ${medianRatio <= 1.1 ? 'met' : 'MISSED'})`,
);
console.log(`  an empty proxy's share of the page p50: ${ratio(median(ratios.empty.p50))}`);
console.log(
  `  server CPU per request ÷ without proxy: ours ${ratio(median(ratios.ours.cpu))}, empty ${ratio(median(ratios.empty.cpu))} (medians)`,
);

for (const child of servers) child.kill();
agent.destroy();
for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
await database.stop();
process.exit(0);
