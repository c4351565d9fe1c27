// The Stripe webhook over real HTTP (tests/support/route-server.ts), on billing_user's pool of 5,
// with the real stripe client against the local fake answering slowly (100 ms per API call, as the
// real API over a network): a burst of 100 concurrent deliveries is answered 2xx throughout, each
// event recorded once; two reads for one customer that finish out of order leave the newer state;
// a body past the limit is refused while it streams in.
import { request as httpRequest } from 'node:http';
import type Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { serveRoute } from '../../../tests/support/route-server';
import { startStripeBilling } from '../../../tests/support/stripe-billing-env';
import { createTenant } from '../../../tests/support/tenants';

const WEBHOOK_SECRET = 'whsec_test_over_http';
const STRIPE_LATENCY_MS = 100;
// Before anything reads the environment (lib/env caches it per test file).
const { fake, proPriceId } = await startStripeBilling(WEBHOOK_SECRET);
const { POST } = await import('../../../app/api/webhooks/stripe/route');
const { platformDb } = await import('../../db/platform-db');
const { linkStripeCustomer } = await import('../stripe-customers');
const { tenantDb } = await import('../../db/tenant-db');
const { BILLING_POOL_MAX } = await import('../../db/billing-db');
const server = await serveRoute(POST);

afterAll(async () => {
  await server.stop();
  await fake.stop();
});

const api = fake.client();
type Workspace = { id: string; customerId: string; subscription: Stripe.Subscription };

async function proWorkspace(label: string): Promise<Workspace> {
  const tenant = await createTenant(label);
  const customer = fake.seedCustomer({ email: `${tenant.slug}@example.test` });
  await linkStripeCustomer(tenant.id, customer.id);
  const created = await api.subscriptions.create({ customer: customer.id, items: [{ price: proPriceId }] });
  return { id: tenant.id, customerId: customer.id, subscription: fake.subscription(created.id) };
}

const updated = (subscription: Stripe.Subscription) => fake.makeEvent('customer.subscription.updated', subscription);

async function deliver(event: Stripe.Event): Promise<{ status: number; outcome: string }> {
  const { payload, signature } = fake.signedDelivery(event, WEBHOOK_SECRET);
  const response = await fetch(`${server.url}/api/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });
  const text = await response.text();
  const body: unknown = text.startsWith('{') ? JSON.parse(text) : null;
  const outcome = typeof body === 'object' && body !== null && 'outcome' in body ? String(body.outcome) : text;
  return { status: response.status, outcome };
}

const billingState = (tenantId: string) => tenantDb(tenantId).billingState.findFirst();
const subscriptionReads = (customerId: string) =>
  fake.requests().filter((r) => r.method === 'GET' && r.path === '/v1/subscriptions' && r.query.customer === customerId)
    .length;

describe('a burst of 100 concurrent deliveries on a pool of 5, Stripe answering in 100 ms', () => {
  it('answers every one 2xx, records each event once, and stores each workspace’s final state', async () => {
    expect(BILLING_POOL_MAX).toBe(5);
    // 60 workspaces with one event each; 2 with 20 deliveries each: 17 events, 2 of them delivered
    // twice, and one more that Stripe sends after the state changed mid-burst.
    const distinct = await Promise.all(Array.from({ length: 60 }, (_, i) => proWorkspace(`burst-d${i}`)));
    const [canceled, pastDue] = await Promise.all([proWorkspace('burst-canceled'), proWorkspace('burst-past-due')]);
    if (!canceled || !pastDue) throw new Error('no shared workspaces');
    const sharedEvents = [canceled, pastDue].map((ws) => Array.from({ length: 17 }, () => updated(ws.subscription)));
    const events: Stripe.Event[] = [...distinct.map((ws) => updated(ws.subscription)), ...sharedEvents.flat()];
    const repeats = sharedEvents.flatMap((list) => list.slice(0, 2));

    fake.setLatency(STRIPE_LATENCY_MS);
    try {
      const first = [...events, ...repeats].map(deliver);
      // While the first reads are in flight, the two customers change; Stripe then sends those events.
      await new Promise((resolve) => setTimeout(resolve, STRIPE_LATENCY_MS / 2));
      const changes = [
        fake.makeEvent(
          'customer.subscription.deleted',
          fake.setSubscriptionStatus(canceled.subscription.id, 'canceled'),
        ),
        updated(fake.setSubscriptionStatus(pastDue.subscription.id, 'past_due')),
      ];
      events.push(...changes);
      const answers = await Promise.all([...first, ...changes.map(deliver)]);

      expect(answers).toHaveLength(100);
      const tally = new Map<string, number>();
      for (const { status, outcome } of answers)
        tally.set(`${status} ${outcome}`, (tally.get(`${status} ${outcome}`) ?? 0) + 1);
      expect(Object.fromEntries(tally)).toEqual({ '200 processed': 96, '200 duplicate': 4 });
    } finally {
      fake.setLatency(0);
    }

    const rows = await platformDb().stripeEvent.findMany({ where: { id: { in: events.map((e) => e.id) } } });
    expect(rows).toHaveLength(96);
    expect(rows.filter((row) => row.status === 'processed' && row.attempts === 1)).toHaveLength(96);
    for (const ws of distinct) expect(await billingState(ws.id)).toMatchObject({ plan: 'pro', status: 'active' });
    expect(await billingState(canceled.id)).toMatchObject({ status: 'canceled' });
    expect(await billingState(pastDue.id)).toMatchObject({ plan: 'pro', status: 'past_due' });
  }, 60_000);
});

describe('two reads for one customer that finish out of order', () => {
  it('keeps the newer state: a read that started before a change is not stored over one that started after it', async () => {
    const ws = await proWorkspace('order');
    // The first subscription list for this customer answers late, with the state of when it was asked.
    let first = true;
    fake.setLatency((request) => {
      if (request.path !== '/v1/subscriptions' || request.query.customer !== ws.customerId || !first) return 0;
      first = false;
      return 800;
    });
    try {
      const early = deliver(updated(ws.subscription));
      while (subscriptionReads(ws.customerId) === 0) await new Promise((resolve) => setTimeout(resolve, 5));

      const deleted = fake.makeEvent(
        'customer.subscription.deleted',
        fake.setSubscriptionStatus(ws.subscription.id, 'canceled'),
      );
      expect(await deliver(deleted)).toEqual({ status: 200, outcome: 'processed' });
      expect(await billingState(ws.id)).toMatchObject({ status: 'canceled' });

      expect(await early).toEqual({ status: 200, outcome: 'processed' });
    } finally {
      fake.setLatency(0);
    }
    expect(await billingState(ws.id)).toMatchObject({ status: 'canceled' });
    expect(subscriptionReads(ws.customerId)).toBe(2);
  });
});

/** A POST with Transfer-Encoding: chunked and no Content-Length, as a client streaming its body sends it. */
async function postChunked(
  headers: Record<string, string>,
  chunks: Iterable<string>,
): Promise<{ status: number; text: string }> {
  const url = new URL(`${server.url}/api/webhooks/stripe`);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
    });
    // The server may close before the whole body is sent: that is the point, not a failure.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    (async () => {
      for (const chunk of chunks) {
        if (answered) break;
        if (!req.write(chunk)) await new Promise((drained) => req.once('drain', drained));
      }
      req.end();
    })().catch(reject);
  });
}

describe('the body', () => {
  it('accepts a signed delivery sent chunked, without Content-Length', async () => {
    const ws = await proWorkspace('chunked');
    const { payload, signature } = fake.signedDelivery(updated(ws.subscription), WEBHOOK_SECRET);
    const chunks = payload.match(/[\s\S]{1,200}/g) ?? [];
    const answer = await postChunked({ 'content-type': 'application/json', 'stripe-signature': signature }, chunks);
    expect(answer.status).toBe(200);
    expect(await billingState(ws.id)).toMatchObject({ plan: 'pro', status: 'active' });
  });

  it('refuses a chunked body past 1 MiB with 413, without parsing it, storing or asking Stripe anything', async () => {
    const ws = await proWorkspace('huge');
    const event = updated(ws.subscription);
    const { payload, signature } = fake.signedDelivery(event, WEBHOOK_SECRET);
    const requestsBefore = fake.requests().length;
    // A valid event padded past the limit: JSON whitespace, so only the size can refuse it.
    function* body() {
      yield payload.slice(0, -1);
      for (let sent = 0; sent < 4 * 1024 * 1024; sent += 64 * 1024) yield ' '.repeat(64 * 1024);
      yield '}';
    }
    const answer = await postChunked({ 'content-type': 'application/json', 'stripe-signature': signature }, body());
    expect(answer).toEqual({ status: 413, text: 'payload too large' });
    expect(await platformDb().stripeEvent.findMany({ where: { id: event.id } })).toEqual([]);
    expect(fake.requests().length).toBe(requestsBefore);
    expect(await billingState(ws.id)).toBeNull();
  });
});
