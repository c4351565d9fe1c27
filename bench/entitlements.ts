// npm run bench:entitlements — what billing costs, in one run against one fresh database:
//   A. an entitlement check on a request path: workspaceEntitlements() on a cache hit, against
//      reading the billing state from PostgreSQL (tenantDb + entitlementsOf) each time;
//   B. webhook processing: signed Stripe events (some delivered twice, concurrently) through the
//      route's POST handler in-process, against the local Stripe fake.
// Targets: cache hit ≤ 5 µs p99; ≥ 200 events/s sustained with 0 duplicates applied.
import pg from 'pg';
import type Stripe from 'stripe';
import { databaseServer } from '../scripts/db/database-server';
import { createFreshDatabase, dropDatabase } from '../scripts/db/fresh-database';
import { startStripeFake } from '../tests/support/stripe-fake';

const HITS = Number(process.env.BENCH_HITS ?? 100_000);
const DB_READS = Number(process.env.BENCH_DB_READS ?? 10_000);
const WORKSPACES = Number(process.env.BENCH_WORKSPACES ?? 50);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 2_000);
const DUPLICATE_SHARE = 0.2;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
// Steady state, not start-up: with 300 warm-up events the first measured second still ran ~25%
// below the rest (JIT of the route, pg and the stripe client, all on this one thread).
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1_000);
const WEBHOOK_SECRET = 'whsec_bench_only';

const server = await databaseServer('bench');
const name = `bench_entitlements_${process.pid}`;
const urls = await createFreshDatabase(server.url, name);
const fake = await startStripeFake();
const pro = fake.seedPrice({
  currency: 'usd',
  unit_amount: 2900,
  recurring: { interval: 'month' },
  product_data: { name: 'Pro' },
});
// Before anything reads the environment (lib/env caches it).
Object.assign(process.env, {
  DATABASE_URL: urls.ownerUrl,
  APP_DATABASE_URL: urls.appUrl,
  AUTH_DATABASE_URL: urls.authUrl,
  PLATFORM_DATABASE_URL: urls.platformUrl,
  STRIPE_SECRET_KEY: fake.secretKey,
  STRIPE_API_URL: fake.url,
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_PRICE_PRO: pro.id,
});

const { env } = await import('../lib/env');
const { tenantDb } = await import('../lib/db/tenant-db');
const { entitlementsOf } = await import('../lib/billing/entitlements');
const { workspaceEntitlements } = await import('../lib/billing/workspace-entitlements');
const { appPool } = await import('../lib/db/app-pool');
const { POST } = await import('../app/api/webhooks/stripe/route');
const { createTenant } = await import('../tests/support/tenants');

const micros = (value: number) => `${value.toFixed(2).padStart(8)} µs`;
function percentiles(samples: number[]): { p50: number; p99: number } {
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

// ── A. Entitlement check on a request path ────────────────────────────────────────────────────
const workspace = await createTenant('bench-ent', { plan: 'pro' });
await workspaceEntitlements(workspace.id);
await new Promise((resolve) => setTimeout(resolve, 200)); // the cache's LISTEN connects on first use
for (let i = 0; i < 10_000; i++) await workspaceEntitlements(workspace.id); // warm up (JIT)

const hitSamples: number[] = [];
for (let i = 0; i < HITS; i++) {
  const t0 = performance.now();
  const entitlements = await workspaceEntitlements(workspace.id);
  hitSamples.push((performance.now() - t0) * 1000);
  if (entitlements.plan !== 'pro') throw new Error(`cache answered ${entitlements.plan}`);
}
const dbSamples: number[] = [];
for (let i = 0; i < DB_READS; i++) {
  const t0 = performance.now();
  const state = await tenantDb(workspace.id).billingState.findFirst({ select: { plan: true, status: true } });
  const entitlements = entitlementsOf(state);
  dbSamples.push((performance.now() - t0) * 1000);
  if (entitlements.plan !== 'pro') throw new Error(`PostgreSQL answered ${entitlements.plan}`);
}
const hit = percentiles(hitSamples);
const read = percentiles(dbSamples);
console.log('\nA. Entitlement check on a request path (one Pro workspace, sequential)');
console.log(`  cache hit, workspaceEntitlements()   ×${HITS}   p50 ${micros(hit.p50)}   p99 ${micros(hit.p99)}`);
console.log(`  PostgreSQL read + entitlementsOf()   ×${DB_READS}    p50 ${micros(read.p50)}   p99 ${micros(read.p99)}`);
console.log(
  `  PostgreSQL / cache: p50 ${(read.p50 / hit.p50).toFixed(0)}×, p99 ${(read.p99 / hit.p99).toFixed(0)}× · target cache-hit p99 ≤ 5 µs: ${hit.p99 <= 5 ? 'met' : 'MISSED'}`,
);

// ── B. Webhook processing ─────────────────────────────────────────────────────────────────────
const stripe = fake.client();
const subscriptions: Stripe.Subscription[] = [];
for (let i = 0; i < WORKSPACES; i++) {
  const tenant = await createTenant(`bench-wh-${i}`);
  const customer = fake.seedCustomer({ email: `bench-${i}@example.test` });
  // A workspace may only update its own tenants row (RLS), so through its tenantDb.
  await tenantDb(tenant.id).tenant.update({ where: { id: tenant.id }, data: { stripeCustomerId: customer.id } });
  const created = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: pro.id }] });
  subscriptions.push(fake.subscription(created.id));
}

type Delivery = { id: string; payload: string; signature: string };
type Run = {
  seconds: number;
  statuses: Map<string, number>;
  processedIds: string[];
  finishedAt: number[];
  latencies: number[];
};

/** Distinct events round-robin over the workspaces, plus repeats of some of them, shuffled so a
 *  repeat can arrive while its original is still being processed. */
function deliveriesOf(distinct: number, repeats: number): Delivery[] {
  const originals = Array.from({ length: distinct }, (_, i) => {
    const subscription = subscriptions[i % subscriptions.length];
    if (!subscription) throw new Error('no subscription');
    const event = fake.makeEvent('customer.subscription.updated', subscription);
    return { id: event.id, ...fake.signedDelivery(event, WEBHOOK_SECRET) };
  });
  const again = Array.from({ length: repeats }, (_, i) => originals[(i * 7919) % distinct]);
  return [...originals, ...again]
    .filter((delivery) => delivery !== undefined)
    .map((delivery) => ({ delivery, order: Math.random() }))
    .sort((a, b) => a.order - b.order)
    .map(({ delivery }) => delivery);
}

async function run(deliveries: Delivery[]): Promise<Run> {
  const result: Run = { seconds: 0, statuses: new Map(), processedIds: [], finishedAt: [], latencies: [] };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let delivery = deliveries[next++]; delivery; delivery = deliveries[next++]) {
        const t0 = performance.now();
        const response = await POST(
          new Request('http://localhost/api/webhooks/stripe', {
            method: 'POST',
            body: delivery.payload,
            headers: { 'content-type': 'application/json', 'stripe-signature': delivery.signature },
          }),
        );
        const body: unknown = response.headers.get('content-type')?.includes('json')
          ? await response.json()
          : await response.text();
        const outcome = typeof body === 'object' && body !== null && 'outcome' in body ? String(body.outcome) : 'error';
        const key = `${response.status} ${outcome}`;
        result.statuses.set(key, (result.statuses.get(key) ?? 0) + 1);
        if (outcome === 'processed') result.processedIds.push(delivery.id);
        result.latencies.push(performance.now() - t0);
        result.finishedAt.push(performance.now() - started);
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

const subscriptionReads = () =>
  fake.requests().filter((r) => r.method === 'GET' && r.path === '/v1/subscriptions').length;
// The route logs each failure with its stack; counted here instead.
const logError = console.error;
const failures = new Map<string, number>();
console.error = (...args: unknown[]) => {
  const cause = args.find((arg) => arg instanceof Error);
  const key = cause instanceof Error ? cause.message.split('\n').at(-1)?.trim() || cause.name : String(args[0]);
  failures.set(key, (failures.get(key) ?? 0) + 1);
};
// Warm-up (JIT, connections, Prisma's query caches), not counted.
await run(deliveriesOf(WARMUP, 0));
failures.clear();

const distinct = Math.round(EVENTS * (1 - DUPLICATE_SHARE));
const deliveries = deliveriesOf(distinct, EVENTS - distinct);
const readsBefore = subscriptionReads();
const { seconds, statuses, processedIds, finishedAt, latencies } = await run(deliveries);
const stripeReads = subscriptionReads() - readsBefore;
console.error = logError;

// Sustained: deliveries completed in each whole second of the run (the last, partial one left out).
const perSecond = Array.from(
  { length: Math.max(1, Math.floor(seconds)) },
  (_, s) => finishedAt.filter((t) => t >= s * 1000 && t < (s + 1) * 1000).length,
);
const owner = new pg.Client(urls.ownerUrl);
await owner.connect();
const { rows } = await owner.query<{ status: string; count: string }>(
  'SELECT status, count(*) FROM stripe_events WHERE id = ANY($1) GROUP BY status ORDER BY status',
  [[...new Set(deliveries.map((delivery) => delivery.id))]],
);
await owner.end();
const rowsByStatus = Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
const distinctProcessed = new Set(processedIds).size;
const rate = deliveries.length / seconds;
const latency = percentiles(latencies.map((ms) => ms * 1000));

console.log(
  `\nB. Webhook processing: ${deliveries.length} signed deliveries (${distinct} distinct events, ${deliveries.length - distinct} repeats) over ${WORKSPACES} workspaces, ${CONCURRENCY} concurrent, DB pool ${env().DB_POOL_MAX}, after ${WARMUP} warm-up events`,
);
console.log(
  `  ${rate.toFixed(0)} deliveries/s over ${seconds.toFixed(2)} s (${(distinctProcessed / seconds).toFixed(0)} distinct events processed/s)`,
);
const sortedSeconds = [...perSecond].sort((a, b) => a - b);
console.log(
  perSecond.length <= 15
    ? `  deliveries completed in each whole second: ${perSecond.join(', ')}`
    : `  deliveries per whole second over ${perSecond.length} s: min ${sortedSeconds[0]}, median ${sortedSeconds[Math.floor(sortedSeconds.length / 2)]}, max ${sortedSeconds.at(-1)}`,
);
console.log(
  `  latency per delivery: p50 ${(latency.p50 / 1000).toFixed(1)} ms, p99 ${(latency.p99 / 1000).toFixed(1)} ms`,
);
console.log(`  answers: ${[...statuses].map(([key, count]) => `${key} ×${count}`).join(', ')}`);
if (failures.size > 0) {
  console.log(
    `  logged failures: ${[...failures].map(([cause, count]) => `×${count} ${cause.slice(0, 120)}`).join(' · ')}`,
  );
}
console.log(`  stripe_events rows: ${JSON.stringify(rowsByStatus)}`);
console.log(
  `  duplicates applied: ${processedIds.length - distinctProcessed} ('processed' answers ${processedIds.length} − distinct event ids among them ${distinctProcessed})`,
);
console.log(
  `  Stripe subscription reads: ${stripeReads} for ${distinct} distinct events (${distinctProcessed} processed)`,
);
const failed = deliveries.length - (statuses.get('200 processed') ?? 0) - (statuses.get('200 duplicate') ?? 0);
const minSecond = Math.min(...perSecond);
console.log(
  `  target ≥ 200 events/s sustained, 0 duplicates applied: ${minSecond >= 200 && processedIds.length === distinctProcessed && failed === 0 ? 'met' : 'MISSED'} (slowest second ${minSecond}/s, ${failed} not acknowledged)`,
);

await fake.stop();
await appPool().end();
await dropDatabase(server.url, name);
await server.stop();
process.exit(0);
