// The fake is only useful if the real client believes it: every API call here goes through the
// stripe 23 client itself, and webhook signatures through its own constructEvent.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseForm, type StripeFake, startStripeFake } from './stripe-fake';

let fake: StripeFake;
let stripe: Stripe;

beforeEach(async () => {
  fake = await startStripeFake();
  stripe = fake.client();
});

afterEach(async () => {
  await fake.stop();
});

async function proPrice(lookupKey = 'pro_monthly'): Promise<Stripe.Price> {
  return stripe.prices.create({
    currency: 'usd',
    unit_amount: 2900,
    recurring: { interval: 'month' },
    product_data: { name: 'Pro' },
    lookup_key: lookupKey,
  });
}

/** The browser's part: open the hosted page, press Pay, and return where Stripe redirects. */
async function payOnHostedPage(url: string): Promise<{ page: string; status: number; location: string | null }> {
  const page = await (await fetch(url)).text();
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams(), redirect: 'manual' });
  return { page, status: response.status, location: response.headers.get('location') };
}

describe('form encoding', () => {
  it('parses nested keys the way the stripe client encodes them', () => {
    expect(
      parseForm(
        'line_items[0][price]=price_1&line_items[0][quantity]=2&metadata[tenantId]=t%201&expand[]=a&expand[]=b&x=a+b',
      ),
    ).toEqual({
      line_items: [{ price: 'price_1', quantity: '2' }],
      metadata: { tenantId: 't 1' },
      expand: ['a', 'b'],
      x: 'a b',
    });
  });

  it('refuses keys that would reach Object.prototype', () => {
    expect(() => parseForm('metadata[__proto__][x]=1')).toThrow(/Invalid parameter name/);
  });
});

describe('customers and prices', () => {
  it('creates and retrieves a customer; the log shows the parsed body and client headers', async () => {
    const created = await stripe.customers.create({
      email: 'owner@acme.test',
      name: 'Acme',
      metadata: { tenantId: 'tenant_1' },
    });
    expect(created).toMatchObject({ object: 'customer', email: 'owner@acme.test', metadata: { tenantId: 'tenant_1' } });
    expect(created.id).toMatch(/^cus_/);
    expect(await stripe.customers.retrieve(created.id)).toMatchObject({ id: created.id, name: 'Acme' });

    const [post] = fake.requests();
    expect(post).toMatchObject({
      method: 'POST',
      path: '/v1/customers',
      status: 200,
      body: { email: 'owner@acme.test', name: 'Acme', metadata: { tenantId: 'tenant_1' } },
      stripeVersion: Stripe.API_VERSION,
    });
    // The client keys every POST, even with retries off.
    expect(post?.idempotencyKey).toMatch(/^stripe-node-retry-/);
  });

  it('answers a missing customer with resource_missing (404)', async () => {
    const error = await stripe.customers.retrieve('cus_nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
  });

  it('creates recurring prices, finds them by lookup key and expands their product', async () => {
    const pro = await proPrice();
    fake.seedPrice({
      currency: 'usd',
      unit_amount: 29000,
      recurring: { interval: 'year' },
      product: pro.product as string,
      lookup_key: 'pro_yearly',
    });
    expect(pro).toMatchObject({
      object: 'price',
      type: 'recurring',
      unit_amount: 2900,
      currency: 'usd',
      recurring: { interval: 'month', interval_count: 1, usage_type: 'licensed' },
      lookup_key: 'pro_monthly',
    });
    expect(pro.id).toMatch(/^price_/);
    expect(pro.product).toMatch(/^prod_/);
    // The client turns the wire's decimal string into its Decimal type.
    expect(pro.unit_amount_decimal?.toString()).toBe('2900');

    const found = await stripe.prices.list({ lookup_keys: ['pro_yearly'], expand: ['data.product'] });
    expect(found).toMatchObject({ object: 'list', has_more: false, url: '/v1/prices' });
    expect(found.data.map((price) => price.lookup_key)).toEqual(['pro_yearly']);
    expect(found.data[0]?.product).toMatchObject({ object: 'product', name: 'Pro' });
    expect(await stripe.prices.retrieve(pro.id)).toMatchObject({ id: pro.id });
  });

  it('refuses a lookup key already in use unless transfer_lookup_key is set', async () => {
    await proPrice();
    const error = await proPrice().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ param: 'lookup_key' });
    const moved = await stripe.prices.create({
      currency: 'usd',
      unit_amount: 3900,
      recurring: { interval: 'month' },
      product_data: { name: 'Pro' },
      lookup_key: 'pro_monthly',
      transfer_lookup_key: true,
    });
    const { data } = await stripe.prices.list({ lookup_keys: ['pro_monthly'] });
    expect(data.map((price) => price.id)).toEqual([moved.id]);
  });
});

describe('checkout', () => {
  it('completes a subscription checkout on the hosted page and redirects to success_url', async () => {
    const price = await proPrice();
    const customer = await stripe.customers.create({ email: 'owner@acme.test' });
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customer.id,
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: 'http://acme.localhost:3000/billing?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://acme.localhost:3000/billing',
      client_reference_id: 'tenant_1',
      metadata: { tenantId: 'tenant_1' },
      subscription_data: { metadata: { tenantId: 'tenant_1' } },
    });
    expect(session).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      mode: 'subscription',
      customer: customer.id,
      client_reference_id: 'tenant_1',
      amount_total: 2900,
      subscription: null,
      url: `${fake.url}/checkout/${session.id}`,
    });
    expect(session.id).toMatch(/^cs_/);

    const paid = await payOnHostedPage(session.url ?? '');
    expect(paid.page).toContain('id="pay"');
    expect(paid.status).toBe(303);
    expect(paid.location).toBe(`http://acme.localhost:3000/billing?session_id=${session.id}`);

    const completed = await stripe.checkout.sessions.retrieve(session.id, { expand: ['subscription'] });
    expect(completed).toMatchObject({ status: 'complete', payment_status: 'paid', url: null });
    const subscription = completed.subscription as Stripe.Subscription;
    expect(subscription).toMatchObject({
      object: 'subscription',
      status: 'active',
      customer: customer.id,
      metadata: { tenantId: 'tenant_1' },
      cancel_at_period_end: false,
      trial_end: null,
    });
    const [item] = subscription.items.data;
    expect(item?.price.id).toBe(price.id);
    expect(item?.quantity).toBe(1);
    expect(item?.current_period_end).toBeGreaterThan(item?.current_period_start ?? Number.POSITIVE_INFINITY);

    const listed = await stripe.subscriptions.list({ customer: customer.id, status: 'all' });
    expect(listed.data.map((s) => s.id)).toEqual([subscription.id]);
    expect(fake.events().map((event) => event.type)).toEqual([
      'customer.created',
      'customer.subscription.created',
      'checkout.session.completed',
    ]);
    // A second press of Pay cannot buy twice.
    expect((await payOnHostedPage(session.url ?? '')).status).toBe(410);
  });

  it('starts a trial from subscription_data.trial_period_days, and creates the customer when none is given', async () => {
    const price = await proPrice();
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer_email: 'new@acme.test',
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: 'http://acme.localhost:3000/billing',
      subscription_data: { trial_period_days: 14 },
    });
    expect(session.amount_total).toBe(0);
    const { subscription } = fake.completeCheckout(session.id);
    expect(subscription.status).toBe('trialing');
    expect((subscription.trial_end ?? 0) - (subscription.trial_start ?? 0)).toBe(14 * 86_400);
    const completed = await stripe.checkout.sessions.retrieve(session.id);
    expect(completed).toMatchObject({
      payment_status: 'no_payment_required',
      customer_details: { email: 'new@acme.test' },
    });
    expect(await stripe.customers.retrieve(completed.customer as string)).toMatchObject({ email: 'new@acme.test' });
  });

  it('rejects what Stripe rejects: a missing quantity, an unknown customer', async () => {
    const price = await proPrice();
    const noQuantity = await stripe.checkout.sessions
      .create({ mode: 'subscription', line_items: [{ price: price.id }], success_url: 'http://x.test' })
      .catch((e: unknown) => e);
    expect(noQuantity).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(noQuantity).toMatchObject({ statusCode: 400, param: 'line_items[0][quantity]' });

    const noCustomer = await stripe.checkout.sessions
      .create({ mode: 'subscription', customer: 'cus_nope', line_items: [{ price: price.id, quantity: 1 }] })
      .catch((e: unknown) => e);
    expect(noCustomer).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'customer' });
  });
});

describe('billing portal', () => {
  it('creates a portal session whose page links back to return_url', async () => {
    const customer = await stripe.customers.create({ email: 'owner@acme.test' });
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: 'http://acme.localhost:3000/billing',
    });
    expect(portal).toMatchObject({
      object: 'billing_portal.session',
      customer: customer.id,
      return_url: 'http://acme.localhost:3000/billing',
      url: `${fake.url}/portal/${portal.id}`,
    });
    expect(portal.id).toMatch(/^bps_/);
    const html = await (await fetch(portal.url)).text();
    expect(html).toContain('href="http://acme.localhost:3000/billing"');
  });
});

describe('subscriptions', () => {
  async function subscribe(): Promise<{ subscription: Stripe.Subscription; customer: Stripe.Customer }> {
    const customer = await stripe.customers.create({ email: 'owner@acme.test' });
    const price = await proPrice(`pro_${customer.id}`);
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      metadata: { tenantId: 'tenant_1' },
    });
    return { subscription, customer };
  }

  it('updates the price, cancel_at_period_end and metadata, then cancels', async () => {
    const { subscription, customer } = await subscribe();
    expect(subscription.id).toMatch(/^sub_/);
    expect(subscription.items.data[0]?.id).toMatch(/^si_/);
    const business = await stripe.prices.create({
      currency: 'usd',
      unit_amount: 9900,
      recurring: { interval: 'year' },
      product_data: { name: 'Business' },
    });

    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: subscription.items.data[0]?.id, price: business.id }],
      cancel_at_period_end: true,
      metadata: { plan: 'business' },
    });
    expect(updated.items.data.map((item) => item.price.id)).toEqual([business.id]);
    expect(updated).toMatchObject({
      cancel_at_period_end: true,
      cancel_at: updated.items.data[0]?.current_period_end,
      metadata: { tenantId: 'tenant_1', plan: 'business' },
    });
    const [, updatedEvent] = fake.events().filter((event) => event.type.startsWith('customer.subscription.'));
    expect(updatedEvent).toMatchObject({
      type: 'customer.subscription.updated',
      data: { previous_attributes: { cancel_at_period_end: false } },
    });

    const canceled = await stripe.subscriptions.cancel(subscription.id);
    expect(canceled.status).toBe('canceled');
    expect(canceled.canceled_at).toEqual(expect.any(Number));
    // Without a status Stripe lists only subscriptions that are not canceled.
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toEqual([]);
    expect((await stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data).toHaveLength(1);
    await expect(stripe.subscriptions.update(subscription.id, { cancel_at_period_end: false })).rejects.toThrow(
      /canceled subscription/,
    );
  });

  it('lets tests move state: status changes and price changes show through the API and as events', async () => {
    const { subscription } = await subscribe();
    fake.setSubscriptionStatus(subscription.id, 'past_due');
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('past_due');
    expect((await stripe.subscriptions.list({ status: 'past_due' })).data.map((s) => s.id)).toEqual([subscription.id]);

    const team = fake.seedPrice({
      currency: 'usd',
      unit_amount: 4900,
      recurring: { interval: 'month' },
      product_data: { name: 'Team' },
    });
    const changed = fake.changeSubscriptionPrice(subscription.id, team.id);
    expect(changed.items.data[0]?.price.id).toBe(team.id);
    expect((await stripe.subscriptions.retrieve(subscription.id)).items.data[0]?.price.id).toBe(team.id);

    fake.setSubscriptionStatus(subscription.id, 'canceled');
    expect(fake.events().at(-1)).toMatchObject({
      type: 'customer.subscription.deleted',
      data: { object: { id: subscription.id, status: 'canceled' } },
    });
  });

  it('pages through a list the way autoPagingToArray asks', async () => {
    const customer = await stripe.customers.create({});
    for (const name of ['a', 'b', 'c']) {
      const price = await stripe.prices.create({
        currency: 'usd',
        unit_amount: 100,
        recurring: { interval: 'month' },
        product_data: { name },
      });
      await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    }
    const firstPage = await stripe.subscriptions.list({ customer: customer.id, limit: 2 });
    expect(firstPage.has_more).toBe(true);
    const all = await stripe.subscriptions.list({ customer: customer.id, limit: 2 }).autoPagingToArray({ limit: 10 });
    expect(all).toHaveLength(3);
    expect(new Set(all.map((s) => s.id)).size).toBe(3);
  });
});

describe('meter events', () => {
  it('records usage and refuses a duplicate identifier within 24 hours', async () => {
    const customer = await stripe.customers.create({});
    const event = await stripe.billing.meterEvents.create({
      event_name: 'api_requests',
      payload: { stripe_customer_id: customer.id, value: '3' },
      identifier: 'tenant_1:2026-01-01T00:00',
    });
    expect(event).toMatchObject({
      object: 'billing.meter_event',
      event_name: 'api_requests',
      identifier: 'tenant_1:2026-01-01T00:00',
      payload: { stripe_customer_id: customer.id, value: '3' },
    });
    expect(event.timestamp).toBe(event.created);

    const duplicate = await stripe.billing.meterEvents
      .create({
        event_name: 'api_requests',
        payload: { stripe_customer_id: customer.id, value: '3' },
        identifier: event.identifier,
      })
      .catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(duplicate).toMatchObject({ statusCode: 400, code: 'resource_already_exists' });
    expect(fake.meterEvents()).toHaveLength(1);

    fake.advanceTime(86_400);
    await stripe.billing.meterEvents.create({
      event_name: 'api_requests',
      payload: { stripe_customer_id: customer.id, value: '1' },
      identifier: event.identifier,
    });
    expect(fake.meterEvents().map((e) => e.payload.value)).toEqual(['3', '1']);
  });
});

describe('failures', () => {
  it('answers a wrong API key with 401, which the client raises as StripeAuthenticationError', async () => {
    const stranger = new Stripe('sk_test_wrong', {
      host: fake.host,
      port: fake.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const error = await stranger.customers.create({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(fake.requests().at(-1)?.status).toBe(401);
  });

  it('answers every API call with 503 while down', async () => {
    fake.setDown(true);
    const error = await stripe.customers.create({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(error).toMatchObject({ statusCode: 503, type: 'StripeAPIError' });
    fake.setDown(false);
    await expect(stripe.customers.create({})).resolves.toMatchObject({ object: 'customer' });
  });

  it('delays answers by the latency set, each computed on arrival (a change made meanwhile is not in it)', async () => {
    const customer = await stripe.customers.create({ email: 'slow@acme.test' });
    fake.setLatency((request) => (request.path === `/v1/customers/${customer.id}` ? 150 : 0));
    const started = performance.now();
    const slow = stripe.customers.retrieve(customer.id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await stripe.customers.update(customer.id, { email: 'changed@acme.test' }); // not delayed
    expect(await slow).toMatchObject({ email: 'slow@acme.test' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);

    fake.setLatency(0);
    const quick = performance.now();
    expect(await stripe.customers.retrieve(customer.id)).toMatchObject({ email: 'changed@acme.test' });
    expect(performance.now() - quick).toBeLessThan(100);
  });

  it('replays a POST with the same Idempotency-Key and refuses the key for other params', async () => {
    const first = await stripe.customers.create({ email: 'a@acme.test' }, { idempotencyKey: 'signup-1' });
    const again = await stripe.customers.create({ email: 'a@acme.test' }, { idempotencyKey: 'signup-1' });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(fake.events().filter((event) => event.type === 'customer.created')).toHaveLength(1);

    const reused = await stripe.customers
      .create({ email: 'b@acme.test' }, { idempotencyKey: 'signup-1' })
      .catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });
});

describe('webhook events', () => {
  const secret = 'whsec_test_secret';

  it('signs deliveries that constructEvent accepts, and rejects tampered or stale ones', async () => {
    const customer = fake.seedCustomer({ email: 'owner@acme.test' });
    const event = fake.makeEvent('customer.updated', customer);
    expect(event).toMatchObject({
      object: 'event',
      type: 'customer.updated',
      api_version: Stripe.API_VERSION,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { id: customer.id } },
    });
    expect(event.id).toMatch(/^evt_/);

    const { payload, signature } = fake.signedDelivery(event, secret);
    expect(stripe.webhooks.constructEvent(payload, signature, secret)).toEqual(event);
    expect(() => stripe.webhooks.constructEvent(payload.replace(customer.id, 'cus_other'), signature, secret)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    expect(() => stripe.webhooks.constructEvent(payload, signature, 'whsec_other')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    const stale = fake.signedDelivery(event, secret, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(() => stripe.webhooks.constructEvent(stale.payload, stale.signature, secret, 300)).toThrow(
      /Timestamp outside the tolerance zone/,
    );
  });

  it('delivers the events of its own state changes to a configured endpoint, signed', async () => {
    const received: Stripe.Event[] = [];
    const endpoint = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        received.push(stripe.webhooks.constructEvent(body, req.headers['stripe-signature'] ?? '', secret));
        res.writeHead(200).end('{"received":true}');
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    try {
      fake.setWebhook({
        url: `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/api/stripe/webhook`,
        secret,
      });
      const price = await proPrice();
      const session = await stripe.checkout.sessions.create({
        mode: 'subscription',
        customer_email: 'owner@acme.test',
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: 'http://acme.localhost:3000/billing',
      });
      await payOnHostedPage(session.url ?? '');
      await fake.flushWebhooks();
      expect(received.map((event) => event.type)).toEqual([
        'customer.created',
        'customer.subscription.created',
        'checkout.session.completed',
      ]);
      expect(fake.deliveries().every((delivery) => delivery.status === 200)).toBe(true);
    } finally {
      endpoint.closeAllConnections();
      await new Promise((resolve) => endpoint.close(resolve));
    }
  });
});
