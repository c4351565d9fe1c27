// The billing decisions, table-tested: what each subscription status grants, the words a refusal
// uses, and which of a customer's subscriptions decides the plan (with subscriptions shaped by the
// real stripe client, read from the local fake).
import type Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { startStripeFake } from '../../tests/support/stripe-fake';

const fake = await startStripeFake();
const recurring = { interval: 'month' } as const;
const pro = fake.seedPrice({ currency: 'usd', unit_amount: 2900, recurring, product_data: { name: 'Pro' } });
const other = fake.seedPrice({ currency: 'usd', unit_amount: 900, recurring, product_data: { name: 'Add-on' } });
// Before anything reads the environment (lib/env caches it per test file): planForPrice reads it.
Object.assign(process.env, { STRIPE_PRICE_PRO: pro.id });
const { entitlementsOf, limitRefusal } = await import('./entitlements');
const { billingStateFromSubscriptions } = await import('./billing-state-from-stripe');
const { PLANS } = await import('./plans');

afterAll(async () => {
  await fake.stop();
});

describe('entitlementsOf', () => {
  it.each([
    // [stored plan, stored status, plan granted, pastDue]
    ['pro', 'active', 'pro', false],
    ['pro', 'trialing', 'pro', false],
    ['pro', 'past_due', 'pro', true], // kept during Stripe's retries, but flagged
    ['pro', 'unpaid', 'free', false],
    ['pro', 'canceled', 'free', false],
    ['pro', 'incomplete', 'free', false],
    ['pro', 'incomplete_expired', 'free', false],
    ['pro', 'paused', 'free', false],
    ['pro', 'none', 'free', false],
    ['pro', 'something_new', 'free', false], // a status we do not know grants nothing
    ['free', 'active', 'free', false],
    ['enterprise', 'active', 'free', false], // a plan we do not know is never a guess
  ] as const)('%s / %s → %s (pastDue %s)', (plan, status, granted, pastDue) => {
    const entitlements = entitlementsOf({ plan, status });
    expect(entitlements).toEqual({
      plan: granted,
      planName: PLANS[granted].name,
      status,
      limits: PLANS[granted].limits,
      features: PLANS[granted].features,
      pastDue,
    });
  });

  it('gives a workspace with no billing state the free plan', () => {
    expect(entitlementsOf(null)).toMatchObject({ plan: 'free', status: 'none', pastDue: false });
  });
});

describe('limitRefusal', () => {
  const free = entitlementsOf(null);
  const paid = entitlementsOf({ plan: 'pro', status: 'active' });
  const upgrade = 'An owner can upgrade to Pro in Settings → Billing.';

  it.each([
    ['projects', PLANS.free.limits.projects - 1],
    ['seats', PLANS.free.limits.seats - 1],
  ] as const)('allows one more %s below the limit (%i used)', (limit, used) => {
    expect(limitRefusal(free, limit, used)).toBeNull();
  });

  it.each([
    [
      free,
      'projects',
      PLANS.free.limits.projects,
      `The Free plan includes ${PLANS.free.limits.projects} projects. ${upgrade}`,
    ],
    [
      free,
      'projects',
      PLANS.free.limits.projects + 3,
      `The Free plan includes ${PLANS.free.limits.projects} projects. ${upgrade}`,
    ],
    [
      free,
      'seats',
      PLANS.free.limits.seats,
      `The Free plan includes ${PLANS.free.limits.seats} members (including pending invitations). ${upgrade}`,
    ],
    [free, 'customDomains', 0, `The Free plan includes 0 custom domains. ${upgrade}`],
    [
      paid,
      'customDomains',
      PLANS.pro.limits.customDomains,
      `The Pro plan includes ${PLANS.pro.limits.customDomains} custom domains. Contact us to raise it.`,
    ],
    [
      paid,
      'projects',
      PLANS.pro.limits.projects,
      `The Pro plan includes ${PLANS.pro.limits.projects} projects. Contact us to raise it.`,
    ],
  ] as const)('refuses at the limit: %#', (entitlements, limit, used, message) => {
    expect(limitRefusal(entitlements, limit, used)).toBe(message);
  });

  it('uses the singular for a limit of one', () => {
    const one = { ...free, limits: { ...free.limits, customDomains: 1 } };
    expect(limitRefusal(one, 'customDomains', 1)).toBe(`The Free plan includes 1 custom domain. ${upgrade}`);
    const oneSeat = { ...free, limits: { ...free.limits, seats: 1 } };
    expect(limitRefusal(oneSeat, 'seats', 1)).toBe(
      `The Free plan includes 1 member (including pending invitations). ${upgrade}`,
    );
  });

  it('refuses a lapsed Pro workspace with the free limits', () => {
    const lapsed = entitlementsOf({ plan: 'pro', status: 'canceled' });
    expect(limitRefusal(lapsed, 'projects', PLANS.free.limits.projects)).toMatch(/^The Free plan includes/);
  });
});

describe('billingStateFromSubscriptions', () => {
  const api = fake.client();

  /** A subscription as the client reads it; each one a minute after the previous (created differs). */
  async function subscription(
    status: 'active' | 'trialing' | 'past_due' | 'unpaid' | 'canceled' | 'incomplete',
    price = pro,
  ): Promise<Stripe.Subscription> {
    fake.advanceTime(60);
    const customer = fake.seedCustomer({});
    const created = await api.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    if (status !== 'active') fake.setSubscriptionStatus(created.id, status);
    return api.subscriptions.retrieve(created.id);
  }

  it('is the free plan with no subscription', () => {
    expect(billingStateFromSubscriptions([])).toEqual({
      plan: 'free',
      status: 'none',
      stripeSubscriptionId: null,
      priceId: null,
      currentPeriodStart: null,
      currentPeriodEnd: null,
      cancelAtPeriodEnd: false,
      trialEnd: null,
    });
  });

  it('copies the deciding subscription: plan from its price, periods from its item, in Dates', async () => {
    const active = await subscription('active');
    const item = active.items.data[0];
    expect(billingStateFromSubscriptions([active])).toEqual({
      plan: 'pro',
      status: 'active',
      stripeSubscriptionId: active.id,
      priceId: pro.id,
      currentPeriodStart: new Date((item?.current_period_start ?? 0) * 1000),
      currentPeriodEnd: new Date((item?.current_period_end ?? 0) * 1000),
      cancelAtPeriodEnd: false,
      trialEnd: null,
    });
  });

  it('lets a live subscription beat a newer canceled one, in either input order', async () => {
    const live = await subscription('active');
    const canceled = await subscription('canceled');
    expect(canceled.created).toBeGreaterThan(live.created);
    for (const list of [
      [live, canceled],
      [canceled, live],
    ]) {
      expect(billingStateFromSubscriptions(list)).toMatchObject({ stripeSubscriptionId: live.id, status: 'active' });
    }
  });

  it.each([
    [['past_due', 'active'], 'active'],
    [['trialing', 'past_due'], 'trialing'],
    [['unpaid', 'past_due'], 'past_due'],
    [['canceled', 'incomplete'], 'incomplete'],
  ] as const)('ranks by status: %j → %s', async (statuses, winner) => {
    const subscriptions = await Promise.all(statuses.map((status) => subscription(status)));
    expect(billingStateFromSubscriptions(subscriptions).status).toBe(winner);
    expect(billingStateFromSubscriptions([...subscriptions].reverse()).status).toBe(winner);
  });

  it('takes the newest among subscriptions of the same status', async () => {
    const older = await subscription('canceled');
    const newer = await subscription('canceled');
    expect(billingStateFromSubscriptions([older, newer]).stripeSubscriptionId).toBe(newer.id);
    expect(billingStateFromSubscriptions([newer, older]).stripeSubscriptionId).toBe(newer.id);
  });

  it('gives the free plan for a live subscription to a price that sells no plan', async () => {
    const addOn = await subscription('active', other);
    expect(billingStateFromSubscriptions([addOn])).toMatchObject({ plan: 'free', status: 'active', priceId: other.id });
  });
});
