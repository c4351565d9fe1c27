// Stripe webhooks end to end (THREATS.md, Billing): the real route handler, real PostgreSQL, the
// real stripe client against the local fake. Every case checks the HTTP answer, what was stored
// (billing_states, stripe_events) and, where it matters, how often Stripe was asked.
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { startStripeBilling } from '../../../tests/support/stripe-billing-env';
import { createTenant } from '../../../tests/support/tenants';
import { platformDb } from '../../db/platform-db';
import { linkStripeCustomer } from '../stripe-customers';

const WEBHOOK_SECRET = 'whsec_test_webhook_secret';
// Before anything reads the environment (lib/env caches it per test file).
const { fake, proPriceId } = await startStripeBilling(WEBHOOK_SECRET);
const { POST } = await import('../../../app/api/webhooks/stripe/route');
const { authDb } = await import('../../db/auth-db');
const { tenantDb } = await import('../../db/tenant-db');
const { billingTenantDb } = await import('../../db/billing-db');
const { workspaceEntitlements } = await import('../workspace-entitlements');
const { createProject } = await import('../../projects/create-project');
const { PLANS } = await import('../plans');

afterAll(async () => {
  await fake.stop();
});

const FREE_PROJECTS = PLANS.free.limits.projects;
const FREE_REFUSAL = `The Free plan includes ${FREE_PROJECTS} projects. An owner can upgrade to Pro in Settings → Billing.`;
const api = fake.client();

type Workspace = { id: string; slug: string; customerId: string };

async function workspaceWithCustomer(label: string): Promise<Workspace> {
  const tenant = await createTenant(label);
  const customer = fake.seedCustomer({ email: `${tenant.slug}@example.test` });
  await linkCustomer(tenant.id, customer.id);
  return { ...tenant, customerId: customer.id };
}

async function linkCustomer(tenantId: string, customerId: string): Promise<void> {
  await linkStripeCustomer(tenantId, customerId);
}

async function subscribeToPro(customerId: string): Promise<Stripe.Subscription> {
  const created = await api.subscriptions.create({ customer: customerId, items: [{ price: proPriceId }] });
  return fake.subscription(created.id);
}

type Delivery = { payload: string; signature: string };

function signed(event: Stripe.Event, options: { secret?: string; timestamp?: number } = {}): Delivery {
  return fake.signedDelivery(event, options.secret ?? WEBHOOK_SECRET, { timestamp: options.timestamp });
}

async function post(delivery: { payload: string; signature?: string }): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (delivery.signature !== undefined) headers['stripe-signature'] = delivery.signature;
  return POST(new Request('http://localhost/api/webhooks/stripe', { method: 'POST', body: delivery.payload, headers }));
}

async function deliver(event: Stripe.Event): Promise<{ status: number; outcome: string | undefined }> {
  return answer(await post(signed(event)));
}

async function answer(response: Response): Promise<{ status: number; outcome: string | undefined }> {
  const text = await response.text();
  const body: unknown = text.startsWith('{') ? JSON.parse(text) : null;
  const outcome =
    typeof body === 'object' && body !== null && 'outcome' in body && typeof body.outcome === 'string'
      ? body.outcome
      : undefined;
  return { status: response.status, outcome };
}

/** How many times the app asked Stripe for this customer's subscriptions (the re-read). */
function subscriptionReads(customerId: string): number {
  return fake
    .requests()
    .filter((r) => r.method === 'GET' && r.path === '/v1/subscriptions' && r.query.customer === customerId).length;
}

const billingState = (tenantId: string) => tenantDb(tenantId).billingState.findFirst();
const eventRows = (eventId: string) => platformDb().stripeEvent.findMany({ where: { id: eventId } });

async function fillProjects(tenantId: string, count: number): Promise<void> {
  await tenantDb(tenantId).project.createMany({
    data: Array.from({ length: count }, (_, i) => ({ name: `filler-${i}-${randomUUID().slice(0, 6)}` })),
  });
}

// The audit line names its actor: a real user row.
const actor = await authDb().user.create({
  data: { email: `billing-${randomUUID().slice(0, 8)}@example.test` },
  select: { id: true, email: true },
});
const newProject = (tenantId: string) =>
  createProject(tenantDb(tenantId), tenantId, actor, `project-${randomUUID().slice(0, 8)}`);

describe('signature checks', () => {
  it.each<[string, (event: Stripe.Event) => { payload: string; signature?: string }]>([
    ['a missing signature', (event) => ({ payload: signed(event).payload })],
    [
      'a bad signature',
      (event) => ({
        payload: signed(event).payload,
        signature: `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
      }),
    ],
    ['a signature made with another secret', (event) => signed(event, { secret: 'whsec_someone_else' })],
    [
      'a parsed and re-serialised body (whitespace changed)',
      (event) => {
        const { payload, signature } = signed(event);
        return { payload: JSON.stringify(JSON.parse(payload)), signature };
      },
    ],
    [
      'a body with another customer swapped in',
      (event) => {
        const { payload, signature } = signed(event);
        return { payload: payload.replace(/"customer": "cus_[A-Za-z0-9]+"/, '"customer": "cus_attacker"'), signature };
      },
    ],
    ['a stale timestamp (301 s old)', (event) => signed(event, { timestamp: Math.floor(Date.now() / 1000) - 301 })],
  ])('refuses %s with 400 and stores nothing', async (_, tamper) => {
    const ws = await workspaceWithCustomer('wh-sig');
    const subscription = await subscribeToPro(ws.customerId);
    const event = fake.makeEvent('customer.subscription.created', subscription);

    const response = await post(tamper(event));

    expect(response.status).toBe(400);
    expect(await response.text()).toBe('invalid signature');
    expect(await eventRows(event.id)).toEqual([]);
    expect(await billingState(ws.id)).toBeNull();
    expect(subscriptionReads(ws.customerId)).toBe(0);
  });

  it('accepts the same delivery once it is signed properly (the refusals above are not a fake artefact)', async () => {
    const ws = await workspaceWithCustomer('wh-sig-ok');
    const event = fake.makeEvent('customer.subscription.created', await subscribeToPro(ws.customerId));
    expect(await deliver(event)).toEqual({ status: 200, outcome: 'processed' });
  });
});

describe('a subscription created', () => {
  it('stores Pro/active from Stripe, and the next project beyond the free limit is allowed', async () => {
    const ws = await workspaceWithCustomer('wh-created');
    await fillProjects(ws.id, FREE_PROJECTS);
    expect(await newProject(ws.id)).toEqual({ ok: false, error: FREE_REFUSAL });
    expect(await workspaceEntitlements(ws.id)).toMatchObject({ plan: 'free', status: 'none' });

    const subscription = await subscribeToPro(ws.customerId);
    const event = fake.makeEvent('customer.subscription.created', subscription);
    expect(await deliver(event)).toEqual({ status: 200, outcome: 'processed' });

    expect(await billingState(ws.id)).toMatchObject({
      plan: 'pro',
      status: 'active',
      stripeSubscriptionId: subscription.id,
      priceId: proPriceId,
      cancelAtPeriodEnd: false,
    });
    expect(await eventRows(event.id)).toEqual([
      expect.objectContaining({
        type: 'customer.subscription.created',
        customerId: ws.customerId,
        status: 'processed',
        attempts: 1,
        processedAt: expect.any(Date),
      }),
    ]);
    expect(subscriptionReads(ws.customerId)).toBe(1);
    expect(await workspaceEntitlements(ws.id)).toMatchObject({ plan: 'pro', status: 'active', pastDue: false });
    expect(await newProject(ws.id)).toEqual({ ok: true, id: expect.any(String) });
  });
});

describe('the same event more than once', () => {
  it('processes a second delivery as a duplicate, without asking Stripe again', async () => {
    const ws = await workspaceWithCustomer('wh-twice');
    const event = fake.makeEvent('customer.subscription.created', await subscribeToPro(ws.customerId));
    const delivery = signed(event);

    expect(await answer(await post(delivery))).toEqual({ status: 200, outcome: 'processed' });
    const syncedAt = (await billingState(ws.id))?.syncedAt;
    expect(await answer(await post(delivery))).toEqual({ status: 200, outcome: 'duplicate' });

    expect(subscriptionReads(ws.customerId)).toBe(1);
    expect(await eventRows(event.id)).toEqual([expect.objectContaining({ status: 'processed', attempts: 1 })]);
    expect((await billingState(ws.id))?.syncedAt).toEqual(syncedAt);
  });

  it('processes 10 concurrent deliveries exactly once; the other 9 are duplicates', async () => {
    const ws = await workspaceWithCustomer('wh-concurrent');
    const event = fake.makeEvent('customer.subscription.created', await subscribeToPro(ws.customerId));
    const delivery = signed(event);

    const answers = await Promise.all(Array.from({ length: 10 }, async () => answer(await post(delivery))));

    const outcomes = answers.map((a) => `${a.status} ${a.outcome}`).sort();
    expect(outcomes).toEqual(['200 processed', ...Array.from({ length: 9 }, () => '200 duplicate')].sort());
    expect(subscriptionReads(ws.customerId)).toBe(1);
    expect(await eventRows(event.id)).toEqual([expect.objectContaining({ status: 'processed', attempts: 1 })]);
    expect(await billingState(ws.id)).toMatchObject({ plan: 'pro', status: 'active' });
  });
});

describe('events out of order', () => {
  it('ends canceled (free) when deleted, updated and created arrive in reverse', async () => {
    const ws = await workspaceWithCustomer('wh-reverse');
    const subscription = await subscribeToPro(ws.customerId);
    const created = fake.makeEvent('customer.subscription.created', subscription);
    const updated = fake.makeEvent(
      'customer.subscription.updated',
      fake.setSubscriptionStatus(subscription.id, 'past_due'),
    );
    const deleted = fake.makeEvent(
      'customer.subscription.deleted',
      fake.setSubscriptionStatus(subscription.id, 'canceled'),
    );

    for (const event of [deleted, updated, created]) {
      expect(await deliver(event)).toEqual({ status: 200, outcome: 'processed' });
      // Each event only triggers a re-read: the content of an older one never wins.
      expect(await billingState(ws.id)).toMatchObject({ status: 'canceled', stripeSubscriptionId: subscription.id });
      expect(await workspaceEntitlements(ws.id)).toMatchObject({ plan: 'free', status: 'canceled' });
    }
    expect(subscriptionReads(ws.customerId)).toBe(3);
  });

  it('ends active when a stale past_due update arrives after the one that made it active again', async () => {
    const ws = await workspaceWithCustomer('wh-stale');
    const subscription = await subscribeToPro(ws.customerId);
    const wentPastDue = fake.makeEvent(
      'customer.subscription.updated',
      fake.setSubscriptionStatus(subscription.id, 'past_due'),
    );
    const recovered = fake.makeEvent(
      'customer.subscription.updated',
      fake.setSubscriptionStatus(subscription.id, 'active'),
    );

    for (const event of [recovered, wentPastDue]) {
      expect(await deliver(event)).toEqual({ status: 200, outcome: 'processed' });
      expect(await billingState(ws.id)).toMatchObject({ plan: 'pro', status: 'active' });
    }
    expect(await workspaceEntitlements(ws.id)).toMatchObject({ plan: 'pro', pastDue: false });
  });
});

describe('an event for a customer no workspace has', () => {
  it('answers 409 and keeps it unmatched; once a workspace has the customer, the redelivery is processed', async () => {
    const customer = fake.seedCustomer({ email: 'early@example.test' });
    const subscription = await subscribeToPro(customer.id);
    const event = fake.makeEvent('customer.subscription.created', subscription);
    const delivery = signed(event);

    const first = await answer(await post(delivery));
    expect(first).toEqual({ status: 409, outcome: 'unmatched' });
    expect(await eventRows(event.id)).toEqual([
      expect.objectContaining({ status: 'unmatched', customerId: customer.id, attempts: 1, processedAt: null }),
    ]);
    expect(subscriptionReads(customer.id)).toBe(0);

    const tenant = await createTenant('wh-late');
    await linkCustomer(tenant.id, customer.id);
    expect(await answer(await post(delivery))).toEqual({ status: 200, outcome: 'processed' });

    expect(await eventRows(event.id)).toEqual([
      expect.objectContaining({ status: 'processed', attempts: 2, processedAt: expect.any(Date) }),
    ]);
    expect(await billingState(tenant.id)).toMatchObject({ plan: 'pro', status: 'active' });
    expect(subscriptionReads(customer.id)).toBe(1);
  });
});

describe('Stripe unreachable while handling a webhook', () => {
  it('answers 500 and keeps nothing, so the retry after the outage is processed', async () => {
    const ws = await workspaceWithCustomer('wh-down');
    const subscription = await subscribeToPro(ws.customerId);
    expect(await deliver(fake.makeEvent('customer.subscription.created', subscription))).toMatchObject({ status: 200 });
    const before = await billingState(ws.id);
    expect(before).toMatchObject({ plan: 'pro', status: 'active' });

    const deleted = fake.makeEvent(
      'customer.subscription.deleted',
      fake.setSubscriptionStatus(subscription.id, 'canceled'),
    );
    const delivery = signed(deleted);
    const readsBefore = subscriptionReads(ws.customerId);
    fake.setDown(true);
    try {
      expect(await answer(await post(delivery))).toEqual({ status: 500, outcome: undefined });
    } finally {
      fake.setDown(false);
    }
    // The client tried (with its own retries) and got 503s; nothing was stored.
    expect(subscriptionReads(ws.customerId)).toBeGreaterThan(readsBefore);
    expect(await eventRows(deleted.id)).toEqual([]);
    expect(await billingState(ws.id)).toEqual(before);

    expect(await answer(await post(delivery))).toEqual({ status: 200, outcome: 'processed' });
    expect(await eventRows(deleted.id)).toEqual([expect.objectContaining({ status: 'processed', attempts: 1 })]);
    expect(await billingState(ws.id)).toMatchObject({ plan: 'pro', status: 'canceled' });
    expect(await workspaceEntitlements(ws.id)).toMatchObject({ plan: 'free' });
  }, 60_000);
});

describe('a downgrade', () => {
  it('refuses the next project beyond the free limit right after the webhook, although Pro was cached', async () => {
    const ws = await workspaceWithCustomer('wh-downgrade');
    const subscription = await subscribeToPro(ws.customerId);
    expect(await deliver(fake.makeEvent('customer.subscription.created', subscription))).toMatchObject({ status: 200 });
    await fillProjects(ws.id, FREE_PROJECTS);
    expect(await newProject(ws.id)).toMatchObject({ ok: true }); // Pro, and now cached
    expect(await workspaceEntitlements(ws.id)).toMatchObject({ plan: 'pro' });

    const deleted = fake.makeEvent(
      'customer.subscription.deleted',
      fake.setSubscriptionStatus(subscription.id, 'canceled'),
    );
    expect(await deliver(deleted)).toEqual({ status: 200, outcome: 'processed' });

    // Immediately: no waiting, no polling.
    expect(await newProject(ws.id)).toEqual({ ok: false, error: FREE_REFUSAL });
    expect(await tenantDb(ws.id).project.count()).toBe(FREE_PROJECTS + 1);
  });

  it('reaches a cache that was not told in-process: the NOTIFY from billing_states invalidates it', async () => {
    // What another instance sees when this one handled the webhook: the row changes, no forget().
    const ws = await workspaceWithCustomer('wh-notify');
    const subscription = await subscribeToPro(ws.customerId);
    expect(await deliver(fake.makeEvent('customer.subscription.created', subscription))).toMatchObject({ status: 200 });
    expect(await workspaceEntitlements(ws.id)).toMatchObject({ plan: 'pro' });
    // The listener connects on first use; give it a moment so this checks the notice, not a fresh load.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await workspaceEntitlements(ws.id)).toMatchObject({ plan: 'pro' });

    await billingTenantDb(ws.id).billingState.update({ where: { tenantId: ws.id }, data: { status: 'canceled' } });
    // Polled: the notice travels asynchronously (~5–25 ms here), but far inside the 30 s TTL.
    expect(await waitFor(async () => (await workspaceEntitlements(ws.id)).plan === 'free', 2_000)).toBe(true);
    await fillProjects(ws.id, FREE_PROJECTS);
    expect(await newProject(ws.id)).toEqual({ ok: false, error: FREE_REFUSAL });
  });
});

describe('an event that does not concern billing', () => {
  it('is acknowledged and ignored, without asking Stripe', async () => {
    const ws = await workspaceWithCustomer('wh-ignored');
    const event = fake.makeEvent('customer.updated', fake.customer(ws.customerId));
    const delivery = signed(event);

    expect(await answer(await post(delivery))).toEqual({ status: 200, outcome: 'ignored' });
    expect(await eventRows(event.id)).toEqual([
      expect.objectContaining({ type: 'customer.updated', customerId: null, status: 'ignored' }),
    ]);
    expect(await answer(await post(delivery))).toEqual({ status: 200, outcome: 'duplicate' });
    expect(await billingState(ws.id)).toBeNull();
    expect(subscriptionReads(ws.customerId)).toBe(0);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return check();
}
