// npm run bench:db — the same tenant-scoped read ("the 20 newest projects of one tenant") through
// raw pg, plain Prisma with WHERE tenant_id (no RLS) and our tenant client (RLS), in one run, on
// the same seeded data. Target: tenant client ≥ 0.9× plain Prisma's q/s, p99 ≤ 1.2× plain Prisma's.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { databaseServer } from '../scripts/db/database-server';
import { createFreshDatabase, dropDatabase } from '../scripts/db/fresh-database';
import { type Measurement, measure, ms, ratio } from './measure';

const TENANTS = 1_000;
const PROJECTS_EACH = 100;
const POOL = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);

const server = await databaseServer('bench');
const name = `bench_${process.pid}`;
const urls = await createFreshDatabase(server.url, name);
process.env.APP_DATABASE_URL = urls.appUrl;
process.env.AUTH_DATABASE_URL = urls.authUrl;
process.env.BILLING_DATABASE_URL = urls.billingUrl;
process.env.DB_POOL_MAX = String(POOL);

// Imported after the env points at the bench database.
const { PrismaClient } = await import('../lib/generated/prisma/client');
const { tenantDb } = await import('../lib/db/tenant-db');
const { appPool } = await import('../lib/db/app-pool');

const seed = new pg.Client(urls.platformUrl);
await seed.connect();
await seed.query(
  `INSERT INTO tenants (id, slug, slug_skeleton, name) SELECT gen_random_uuid(), 'bench-' || i, 'bench-' || i, 'Bench ' || i FROM generate_series(1, ${TENANTS}) i`,
);
await seed.query(`INSERT INTO projects (id, tenant_id, name, created_at)
  SELECT gen_random_uuid(), t.id, 'project ' || g, now() - g * interval '1 minute' FROM tenants t, generate_series(1, ${PROJECTS_EACH}) g`);
await seed.query('ANALYZE');
const tenantIds = (await seed.query<{ id: string }>('SELECT id FROM tenants')).rows.map((r) => r.id);
await seed.end();
console.log(
  `seeded ${TENANTS} tenants × ${PROJECTS_EACH} projects = ${TENANTS * PROJECTS_EACH} rows; pool ${POOL}; ${SECONDS}s × ${ROUNDS} rounds`,
);

const randomTenant = () => tenantIds[Math.floor(Math.random() * tenantIds.length)] as string;
let wrong = 0;
const check = (rows: { tenantId?: string; tenant_id?: string }[], tenantId: string) => {
  if (rows.length !== 20 || rows.some((r) => (r.tenantId ?? r.tenant_id) !== tenantId)) wrong++;
};

// raw pg and plain Prisma connect as platform_admin (BYPASSRLS): the baseline without RLS.
const rawPool = new pg.Pool({ connectionString: urls.platformUrl, max: POOL });
const plainPool = new pg.Pool({ connectionString: urls.platformUrl, max: POOL });
const plainPrisma = new PrismaClient({ adapter: new PrismaPg(plainPool) });

const variants: Record<string, () => Promise<void>> = {
  'raw pg (WHERE, no RLS)': async () => {
    const id = randomTenant();
    const { rows } = await rawPool.query(
      'SELECT * FROM projects WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 20',
      [id],
    );
    check(rows, id);
  },
  'plain Prisma (WHERE, no RLS)': async () => {
    const id = randomTenant();
    check(
      await plainPrisma.project.findMany({ where: { tenantId: id }, orderBy: { createdAt: 'desc' }, take: 20 }),
      id,
    );
  },
  'tenantDb (RLS)': async () => {
    const id = randomTenant();
    check(await tenantDb(id).project.findMany({ orderBy: { createdAt: 'desc' }, take: 20 }), id);
  },
};

for (const operation of Object.values(variants)) await measure(10, 1, operation); // warm up

const BASELINE = 'plain Prisma (WHERE, no RLS)';
const TENANT_CLIENT = 'tenantDb (RLS)';
const targets: string[] = [];
const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

for (const workers of [10, 50]) {
  const results = new Map<string, Measurement[]>();
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order so that drift over time does not favour one variant.
    const names = round % 2 === 0 ? Object.keys(variants) : Object.keys(variants).reverse();
    for (const variant of names) {
      const result = await measure(workers, SECONDS, variants[variant] as () => Promise<void>);
      results.set(variant, [...(results.get(variant) ?? []), result]);
    }
  }
  const baseline = results.get(BASELINE) as Measurement[];
  console.log(`\n${workers} concurrent workers (medians of ${ROUNDS} rounds; ratios paired within each round)`);
  console.log('variant                          q/s       p50        p99  q/s ratio  p99 ratio  client CPU/query');
  for (const [variant, list] of results) {
    // Each round runs every variant back to back, so a ratio taken within a round cancels the
    // machine's slow drift; the median of those ratios ignores a disturbed round.
    const qpsRatios = list.map((m, i) => m.qps / (baseline[i] as Measurement).qps);
    const p99Ratios = list.map((m, i) => m.p99 / (baseline[i] as Measurement).p99);
    console.log(
      `${variant.padEnd(30)} ${median(list.map((m) => m.qps))
        .toFixed(0)
        .padStart(
          6,
        )}  ${ms(median(list.map((m) => m.p50))).padStart(9)}  ${ms(median(list.map((m) => m.p99))).padStart(9)}  ${ratio(median(qpsRatios)).padStart(9)}  ${ratio(median(p99Ratios)).padStart(9)}  ${median(
        list.map((m) => m.cpuMicros),
      )
        .toFixed(0)
        .padStart(6)} µs`,
    );
    if (variant === TENANT_CLIENT) {
      const q = median(qpsRatios);
      const p = median(p99Ratios);
      targets.push(
        `${workers} workers: q/s ${ratio(q)} (target ≥ 0.90×: ${q >= 0.9 ? 'met' : 'MISSED'}; rounds ${ratio(Math.min(...qpsRatios))}–${ratio(Math.max(...qpsRatios))}), ` +
          `p99 ${ratio(p)} (target ≤ 1.20×: ${p <= 1.2 ? 'met' : 'MISSED'})`,
      );
    }
  }
}
console.log(`\n${targets.join('\n')}`);
console.log(`\nwrong results: ${wrong}`);

await rawPool.end();
await plainPrisma.$disconnect();
await plainPool.end();
await appPool().end();
await dropDatabase(server.url, name);
await server.stop();
process.exit(0);
