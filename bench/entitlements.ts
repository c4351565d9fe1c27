// npm run bench:entitlements — what billing costs, in one run against one fresh database:
//   A. an entitlement check on a request path: workspaceEntitlements() on a cache hit, against
//      reading the billing state from PostgreSQL (tenantDb + entitlementsOf) each time;
//   B. webhook deliveries at 20 and at 100 concurrent on billing_user's pool (BILLING_POOL_MAX): signed
//      Stripe events (some delivered twice, concurrently) through the route's POST handler
//      in-process, the local Stripe fake answering in BENCH_STRIPE_LATENCY_MS (50). Baseline, in
//      the same rounds: the floor of a delivery, i.e. the signature check and the one Stripe read,
//      without the database.
// Targets: cache hit ≤ 5 µs p99; ≥ 200 events/s sustained at 20 concurrent with 0 duplicates
// applied; every delivery at 100 concurrent answered 2xx.
import pg from 'pg';
import type Stripe from 'stripe';
import { linkStripeCustomer } from '../lib/billing/stripe-customers';
import { startStripeBilling } from '../tests/support/stripe-billing-env';
import { benchDatabase } from './bench-database';
import { ratio } from './measure';

const HITS = Number(process.env.BENCH_HITS ?? 100_000);
const DB_READS = Number(process.env.BENCH_DB_READS ?? 10_000);
const WORKSPACES = Number(process.env.BENCH_WORKSPACES ?? 50);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000);
const DUPLICATE_SHARE = 0.2;
const CONCURRENCIES = [20, 100];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STRIPE_LATENCY_MS = Number(process.env.BENCH_STRIPE_LATENCY_MS ?? 50);
// Steady state, not start-up: with 300 warm-up events the first measured second still ran ~25%
// below the rest (JIT of the route, pg and the stripe client, all on this one thread).
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1_000);
const WEBHOOK_SECRET = 'whsec_bench_only';

// Before anything reads the environment (lib/env caches it).
const { fake, proPriceId } = await startStripeBilling(WEBHOOK_SECRET);
const database = await benchDatabase('entitlements');
const { urls } = database;

const { tenantDb } = await import('../lib/db/tenant-db');
const { entitlementsOf } = await import('../lib/billing/entitlements');
const { workspaceEntitlements } = await import('../lib/billing/workspace-entitlements');
const { appPool } = await import('../lib/db/app-pool');
const { BILLING_POOL_MAX, billingPool } = await import('../lib/db/billing-db');
const { POST } = await import('../app/api/webhooks/stripe/route');
const { stripeClient } = await import('../lib/billing/stripe-client');
const { verifyStripeEvent } = await import('../lib/billing/webhooks/verify-stripe-event');
const { customerOfEvent } = await import('../lib/billing/webhooks/customer-of-event');
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
  await linkStripeCustomer(tenant.id, customer.id);
  const created = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: proPriceId }] });
  subscriptions.push(fake.subscription(created.id));
}

type Delivery = { id: string; payload: string; signature: string };
type Handler = (request: Request) => Promise<Response>;
type Run = {
  seconds: number;
  statuses: Map<string, number>;
  non2xx: number;
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

async function run(handler: Handler, deliveries: Delivery[], concurrency: number): Promise<Run> {
  const result: Run = { seconds: 0, statuses: new Map(), non2xx: 0, processedIds: [], finishedAt: [], latencies: [] };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let delivery = deliveries[next++]; delivery; delivery = deliveries[next++]) {
        const t0 = performance.now();
        const response = await handler(
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
        if (response.status < 200 || response.status > 299) result.non2xx++;
        if (outcome === 'processed') result.processedIds.push(delivery.id);
        result.latencies.push(performance.now() - t0);
        result.finishedAt.push(performance.now() - started);
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

// The baseline: the least a delivery costs, with the app's own stripe client (retries, timeout):
// the signature check on the raw body and the one Stripe read. No database.
const configured = stripeClient();
if (!configured) throw new Error('billing is not configured');
const appStripe: Stripe = configured;
async function floor(request: Request): Promise<Response> {
  const signature = request.headers.get('stripe-signature');
  const event = verifyStripeEvent(appStripe, await request.text(), signature, WEBHOOK_SECRET);
  const customer = event ? customerOfEvent(event) : null;
  if (!customer) return new Response('invalid signature', { status: 400 });
  await appStripe.subscriptions.list({ customer, status: 'all', limit: 100 }).autoPagingToArray({ limit: 1_000 });
  return Response.json({ received: true, outcome: 'processed' });
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
fake.setLatency(STRIPE_LATENCY_MS);
// Warm-up (JIT, connections, Prisma's query caches), not counted.
await run(POST, deliveriesOf(WARMUP, 0), 20);
await run(floor, deliveriesOf(Math.min(WARMUP, 300), 0), 20);
failures.clear();

const distinct = Math.round(EVENTS * (1 - DUPLICATE_SHARE));
type Variant = 'floor' | 'ours';
type Totals = { runs: Record<Variant, Run[]>; failures: Map<string, number>; ids: string[]; stripeReads: number };
const byConcurrency = new Map<number, Totals>();
for (const concurrency of CONCURRENCIES) {
  const totals: Totals = { runs: { floor: [], ours: [] }, failures: new Map(), ids: [], stripeReads: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    // Both back to back, in alternating order, so each round's ratio shares the machine's mood.
    const order: Variant[] = round % 2 === 0 ? ['floor', 'ours'] : ['ours', 'floor'];
    for (const variant of order) {
      const deliveries = deliveriesOf(distinct, EVENTS - distinct);
      if (variant === 'floor') {
        totals.runs.floor.push(await run(floor, deliveries, concurrency));
        continue;
      }
      const readsBefore = subscriptionReads();
      failures.clear();
      totals.runs.ours.push(await run(POST, deliveries, concurrency));
      totals.stripeReads += subscriptionReads() - readsBefore;
      for (const [cause, count] of failures) totals.failures.set(cause, (totals.failures.get(cause) ?? 0) + count);
      totals.ids.push(...new Set(deliveries.map((delivery) => delivery.id)));
    }
  }
  byConcurrency.set(concurrency, totals);
}
console.error = logError;
fake.setLatency(0);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
function summary(result: Run) {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { rate: result.latencies.length / result.seconds, p50: at(0.5), p95: at(0.95) };
}

console.log(
  `\nB. Webhook deliveries: ${EVENTS} signed per run (${distinct} distinct events, ${EVENTS - distinct} repeats) over ${WORKSPACES} workspaces, billing pool ${BILLING_POOL_MAX}, Stripe fake answering in ${STRIPE_LATENCY_MS} ms; ${ROUNDS} rounds (medians; ratios paired within a round) after ${WARMUP} warm-up events`,
);
console.log(
  '  concurrent  variant                            deliveries/s   p50 ms   p95 ms  non-2xx   ÷ floor: d/s   p50    p95',
);
const owner = new pg.Client(urls.ownerUrl);
await owner.connect();
let missedAt100 = 0;
let sustainedAt20 = 0;
let duplicatesApplied = 0;
for (const [concurrency, totals] of byConcurrency) {
  const floors = totals.runs.floor.map(summary);
  const ours = totals.runs.ours.map(summary);
  const nonFloor = totals.runs.floor.reduce((sum, r) => sum + r.non2xx, 0);
  const nonOurs = totals.runs.ours.reduce((sum, r) => sum + r.non2xx, 0);
  const paired = (pick: (s: ReturnType<typeof summary>) => number) =>
    ratio(median(ours.map((o, i) => pick(o) / pick(floors[i] ?? o))));
  const line = (label: string, list: ReturnType<typeof summary>[], non2xx: number, ratios: string) =>
    console.log(
      `  ${String(concurrency).padEnd(10)}  ${label.padEnd(34)} ${median(list.map((x) => x.rate))
        .toFixed(0)
        .padStart(12)} ${median(list.map((x) => x.p50))
        .toFixed(1)
        .padStart(8)} ${median(list.map((x) => x.p95))
        .toFixed(1)
        .padStart(8)} ${String(non2xx).padStart(8)}   ${ratios}`,
    );
  line('floor (signature + 1 Stripe read)', floors, nonFloor, '');
  line(
    'ours (the route, with PostgreSQL)',
    ours,
    nonOurs,
    `${paired((x) => x.rate).padStart(12)} ${paired((x) => x.p50).padStart(6)} ${paired((x) => x.p95).padStart(6)}`,
  );

  const answers = new Map<string, number>();
  for (const r of totals.runs.ours)
    for (const [key, count] of r.statuses) answers.set(key, (answers.get(key) ?? 0) + count);
  console.log(`              ours, all rounds: ${[...answers].map(([key, count]) => `${key} ×${count}`).join(', ')}`);
  if (totals.failures.size > 0) {
    console.log(
      `              logged failures: ${[...totals.failures].map(([cause, count]) => `×${count} ${cause.slice(0, 120)}`).join(' · ')}`,
    );
  }
  const { rows } = await owner.query<{ status: string; count: string }>(
    'SELECT status, count(*) FROM stripe_events WHERE id = ANY($1) GROUP BY status ORDER BY status',
    [totals.ids],
  );
  const processed = totals.runs.ours.flatMap((r) => r.processedIds);
  const distinctProcessed = totals.runs.ours.reduce((sum, r) => sum + new Set(r.processedIds).size, 0);
  duplicatesApplied += processed.length - distinctProcessed;
  console.log(
    `              stripe_events rows: ${JSON.stringify(Object.fromEntries(rows.map((row) => [row.status, Number(row.count)])))} for ${totals.ids.length} distinct events; duplicates applied ${processed.length - distinctProcessed}; Stripe subscription reads ${totals.stripeReads}`,
  );
  if (concurrency === 100) missedAt100 = nonOurs;
  if (concurrency === 20) {
    // Sustained: deliveries completed in each whole second of a run (the last, partial one left out).
    const seconds = totals.runs.ours.map((r) =>
      Array.from(
        { length: Math.max(1, Math.floor(r.seconds)) },
        (_, s) => r.finishedAt.filter((t) => t >= s * 1000 && t < (s + 1) * 1000).length,
      ),
    );
    console.log(
      `              ours, deliveries completed in each whole second: ${seconds.map((run) => run.join(', ')).join(' | ')}`,
    );
    sustainedAt20 = Math.min(...seconds.flat());
  }
}
await owner.end();
console.log(
  `  target ≥ 200 events/s sustained at 20 concurrent, 0 duplicates applied: ${sustainedAt20 >= 200 && duplicatesApplied === 0 ? 'met' : 'MISSED'} (slowest second ${sustainedAt20}/s, ${duplicatesApplied} duplicates applied)`,
);
console.log(
  `  target every delivery at 100 concurrent answered 2xx: ${missedAt100 === 0 ? 'met' : 'MISSED'} (${missedAt100} of ${ROUNDS * EVENTS} not 2xx)`,
);

await fake.stop();
await appPool().end();
await billingPool().end();
await database.stop();
process.exit(0);
