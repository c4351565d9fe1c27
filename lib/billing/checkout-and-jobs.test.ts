// Billing outside the webhook, against the Stripe fake and a real PostgreSQL: Checkout when Stripe
// is down changes nothing; usage reaches Stripe's meter exactly once; the reconcile job heals a
// missed event; the billing flags reach Edge Config.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeEdgeConfig, startFakeEdgeConfig } from '../../tests/support/edge-config-server';
import { type StripeFake, startStripeFake } from '../../tests/support/stripe-fake';
import { createTenant } from '../../tests/support/tenants';
import { billingTenantDb } from '../db/billing-db';
import { tenantDb } from '../db/tenant-db';
import { customerOf, linkStripeCustomer } from './stripe-customers';

let stripe: StripeFake;
let edge: FakeEdgeConfig;
let proPrice: string;

beforeAll(async () => {
  stripe = await startStripeFake();
  edge = await startFakeEdgeConfig();
  proPrice = stripe.seedPrice({
    currency: 'usd',
    unit_amount: 2900,
    recurring: { interval: 'month' },
    product_data: { name: 'Pro' },
  }).id;
  // Before anything reads the environment (lib/env caches it per test file).
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_API_URL: stripe.url,
    STRIPE_PRICE_PRO: proPrice,
    VERCEL_API_URL: edge.apiUrl,
    VERCEL_API_TOKEN: edge.apiToken,
    VERCEL_EDGE_CONFIG_ID: edge.edgeConfigId,
  });
});

afterAll(async () => {
  await stripe.stop();
});

async function workspace() {
  const tenant = await createTenant('billing');
  return { id: tenant.id, slug: tenant.slug, name: tenant.slug };
}

describe('checkout', () => {
  it('while Stripe is down: a clear message, no customer stored, nothing charged', async () => {
    const { startCheckout } = await import('./checkout-and-portal');
    const ws = await workspace();
    stripe.setDown(true);
    try {
      expect(await startCheckout(ws, 'pro')).toEqual({
        ok: false,
        error: expect.stringMatching(/nothing was charged/),
      });
    } finally {
      stripe.setDown(false);
    }
    expect(await customerOf(ws.id)).toBeNull();
  });

  it('creates one customer per workspace and a session for the Pro price, returning to the canonical host', async () => {
    const { startCheckout } = await import('./checkout-and-portal');
    const ws = await workspace();
    const first = await startCheckout(ws, 'pro');
    const second = await startCheckout(ws, 'pro');
    if (!first.ok || !second.ok) throw new Error('checkout failed');
    const stripeCustomerId = await customerOf(ws.id);
    const sessionId = first.url.split('/').pop() ?? '';
    const session = stripe.checkoutSession(sessionId);
    expect(session.customer).toBe(stripeCustomerId);
    expect(session.success_url).toContain(`${ws.slug}.localhost`);
    expect(stripe.customer(stripeCustomerId ?? '').metadata).toMatchObject({ tenantId: ws.id });
  });
});

describe('usage reporting', () => {
  it('sends each billable event once, even when a report is retried after a crash', async () => {
    const { reportWorkspaceUsage } = await import('./report-usage');
    const ws = await workspace();
    const customer = stripe.seedCustomer({ name: ws.name });
    const db = tenantDb(ws.id);
    await db.usageEvent.create({ data: { metric: 'projects_created' } });
    await db.usageEvent.create({ data: { metric: 'projects_created', quantity: 2 } });
    const client = stripe.client();
    expect(await reportWorkspaceUsage(client, ws.id, customer.id)).toBe(2);
    // A crash after Stripe accepted the events but before they were marked: Stripe refuses the
    // duplicates by identifier, and they are marked without being counted again.
    await billingTenantDb(ws.id).usageEvent.updateMany({ data: { reportedAt: null } });
    expect(await reportWorkspaceUsage(client, ws.id, customer.id)).toBe(2);
    const mine = stripe.meterEvents().filter((event) => event.payload.stripe_customer_id === customer.id);
    expect(mine.map((event) => event.payload.value).sort()).toEqual(['1', '2']);
    expect(await db.usageEvent.count({ where: { reportedAt: null } })).toBe(0);
  });
});

describe('reconcile', () => {
  it('stores what Stripe says now, even with no webhook at all, and publishes the flags to Edge Config', async () => {
    const { syncCustomerBilling } = await import('./sync-customer-billing');
    const { workspaceEntitlements } = await import('./workspace-entitlements');
    const { billingFlagsKey } = await import('./publish-billing-flags');
    const ws = await workspace();
    const customer = stripe.seedCustomer({ name: ws.name });
    await linkStripeCustomer(ws.id, customer.id);
    const subscription = await stripe
      .client()
      .subscriptions.create({ customer: customer.id, items: [{ price: proPrice }] });
    expect((await workspaceEntitlements(ws.id)).plan).toBe('free');

    expect(await syncCustomerBilling(stripe.client(), customer.id)).toMatchObject({
      kind: 'synced',
      plan: 'pro',
      status: 'active',
    });
    expect((await workspaceEntitlements(ws.id)).plan).toBe('pro');
    expect(edge.items()[billingFlagsKey(ws.id)]).toEqual({ plan: 'pro', pastDue: false });

    stripe.setSubscriptionStatus(subscription.id, 'past_due');
    await syncCustomerBilling(stripe.client(), customer.id);
    expect(await workspaceEntitlements(ws.id)).toMatchObject({ plan: 'pro', pastDue: true });
    expect(edge.items()[billingFlagsKey(ws.id)]).toEqual({ plan: 'pro', pastDue: true });
  });
});
