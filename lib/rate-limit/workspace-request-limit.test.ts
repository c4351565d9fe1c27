// Per-workspace request limits by plan (docs/decisions/022), through the real proxy.ts over real
// HTTP, on the real Redis and PostgreSQL: a workspace over its plan's requests per minute gets 429
// with Retry-After in the shape its caller reads, while another workspace in the same second is
// served; a server-action call is let through to tenantAction (which gives the form error), a
// Next-Action header on a route handler is not; an upgrade raises the limit on the next request.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startStripeBilling } from '../../tests/support/stripe-billing-env';
import { createTenant } from '../../tests/support/tenants';

const WEBHOOK_SECRET = 'whsec_test_request_limits';
// Before anything reads the environment (lib/env caches it per test file).
const { fake, proPriceId } = await startStripeBilling(WEBHOOK_SECRET);
const { serveProxy } = await import('../../tests/support/proxy-server');
const { encodeSessionToken } = await import('../auth/session-token');
/** A session token as the app mints one: the proxy checks its signature (the page checks its row). */
const signedInToken = () => encodeSessionToken({ userId: crypto.randomUUID(), sessionId: crypto.randomUUID() });
const { signedInMember } = await import('../../tests/support/workspace-members');
const { POST: stripeWebhook } = await import('../../app/api/webhooks/stripe/route');
const { linkStripeCustomer } = await import('../billing/stripe-customers');
const { billingTenantDb } = await import('../db/billing-db');
const { platformDb } = await import('../db/platform-db');
const { tenantDb } = await import('../db/tenant-db');
const { PLANS } = await import('../billing/plans');
const { defaultTenantRequestLimit, SECOND_SHARE } = await import('./tenant-request-limit');
const { ROUTE_HANDLER_PREFIXES } = await import('./workspace-request-limit');

const proxy = await serveProxy();
afterAll(async () => {
  await proxy.stop();
  await fake.stop();
});

const FREE = PLANS.free.limits.requestsPerMinute;
const PRO = PLANS.pro.limits.requestsPerMinute;
type Tenant = { id: string; slug: string };
const hostOf = (tenant: Tenant) => `${tenant.slug}.localhost:3000`;
const members = new Map<string, string>();
/** What a member's browser sends to the workspace's hosts: its session cookie. */
async function asMember(tenant: Tenant, init: Parameters<typeof proxy.send>[2] = {}) {
  const token = members.get(tenant.id) ?? (await signedInMember(tenant, 'member')).token;
  members.set(tenant.id, token);
  return { ...init, headers: { cookie: `tenantry.session=${token}`, ...init.headers } };
}
const send = async (tenant: Tenant, pathname = '/', init?: Parameters<typeof proxy.send>[2]) =>
  proxy.send(hostOf(tenant), pathname, await asMember(tenant, init));

/** Spends `count` of the workspace's requests this minute, as that many requests through the proxy
 *  would, then lets the one-second window pass: what follows meets the minute's limit alone. */
async function spend(tenant: Tenant, count: number): Promise<void> {
  const limit = defaultTenantRequestLimit();
  for (let done = 0; done < count; done += 200) {
    await Promise.all(Array.from({ length: Math.min(200, count - done) }, () => limit.hit(tenant.id)));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_100));
}

const served = (tenant: Tenant, pathname = '') =>
  expect.objectContaining({
    status: 200,
    headers: expect.objectContaining({
      'x-middleware-rewrite': expect.stringContaining(`/t/${tenant.slug}${pathname}`),
    }),
  });

function retryAfterOf(answer: { headers: Record<string, string | string[] | undefined> }): number {
  const value = answer.headers['retry-after'];
  expect(value).toMatch(/^\d+$/);
  return Number(value);
}

describe('a workspace over its plan limit', () => {
  it('is served up to its limit, then gets 429 with Retry-After; another workspace is served in the same second', async () => {
    const [noisy, quiet] = [await createTenant('noisy'), await createTenant('quiet')];
    await spend(noisy, FREE - 1);
    expect(await send(noisy)).toEqual(served(noisy)); // the limit's last request

    const refused = await send(noisy, '/projects/1');
    const refusedAt = Date.now();
    const other = await send(quiet, '/projects/1');

    expect(Date.now() - refusedAt).toBeLessThan(1_000);
    expect(refused.status).toBe(429);
    expect(retryAfterOf(refused)).toBeGreaterThanOrEqual(1);
    expect(retryAfterOf(refused)).toBeLessThanOrEqual(60);
    expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(refused.body).toContain(
      `This workspace is making too many requests; try again in ${retryAfterOf(refused)} seconds.`,
    );
    expect(other).toEqual(served(quiet, '/projects/1'));
  });

  it('may not spend its minute in a stampede: past a sixth of it in one second, Retry-After: 1', async () => {
    const [noisy, quiet] = [await createTenant('stampede'), await createTenant('stampede-quiet')];
    const perSecond = Math.ceil(FREE * SECOND_SHARE);
    const limit = defaultTenantRequestLimit();
    const verdicts = await Promise.all(Array.from({ length: perSecond + 5 }, () => limit.hit(noisy.id)));
    expect(verdicts.filter((verdict) => verdict.limited)).toHaveLength(5);
    const refused = await send(noisy);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(await send(quiet)).toEqual(served(quiet));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await send(noisy)).toEqual(served(noisy)); // the rest of its minute is still there
  });

  it('answers an API route with application/problem+json and SCIM with its Error schema', async () => {
    const noisy = await createTenant('noisy-api');
    await spend(noisy, FREE);

    const api = await send(noisy, '/api/anything');
    expect(api.status).toBe(429);
    expect(api.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(api.body)).toEqual({
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      detail: expect.stringMatching(/^This workspace is making too many requests; try again in \d+ seconds?\.$/),
    });
    retryAfterOf(api);

    const scim = await send(noisy, '/api/scim/v2/Users?count=10', { headers: { authorization: 'Bearer x' } });
    expect(scim.status).toBe(429);
    expect(scim.headers['content-type']).toBe('application/scim+json');
    expect(JSON.parse(scim.body)).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '429',
    });
    retryAfterOf(scim);
  });

  it('lets a server-action call on a page through (tenantAction refuses it), never one on a route handler', async () => {
    const noisy = await createTenant('noisy-action');
    await spend(noisy, FREE);
    const action = { method: 'POST', headers: { 'next-action': '7f00ff', 'content-type': 'text/plain' } };

    expect(await send(noisy, '/settings/members', action)).toEqual(served(noisy, '/settings/members'));
    expect((await send(noisy, '/settings/members')).status).toBe(429); // the same page, as a page request
    expect((await send(noisy, '/settings/members', { ...action, method: 'GET' })).status).toBe(429);
    for (const pathname of [
      '/api/scim/v2/Users',
      '/auth/start',
      '/api/anything',
      '/%61pi/scim/v2/Users',
      '/%41uth/start',
    ]) {
      expect((await send(noisy, pathname, action)).status, pathname).toBe(429);
    }
  });

  it("is one budget per workspace on every host it has: a verified custom domain spends its subdomain's", async () => {
    const noisy = await createTenant('noisy-domain');
    const custom = `app.${noisy.slug}.example`;
    await tenantDb(noisy.id).domain.create({ data: { hostname: custom, verificationToken: 't' } });
    await platformDb()
      .$executeRaw`UPDATE domains SET status = 'verified', verified_at = now() WHERE hostname = ${custom}`;
    expect(await proxy.send(custom, '/', await asMember(noisy))).toEqual(served(noisy));
    await spend(noisy, FREE - 1);
    expect((await proxy.send(custom, '/', await asMember(noisy))).status).toBe(429);
    expect((await send(noisy)).status).toBe(429);
  });

  it('counts nothing for a host that serves no workspace (the page behind answers 404)', async () => {
    expect((await proxy.send('no-such-workspace-here.localhost:3000', '/')).status).toBe(200);
  });
});

describe('requests without a session', () => {
  // The outside review's attack: with no account, flood a chosen workspace's host until its members
  // and its IdP's SCIM calls are refused.
  it("spend their network's share within the workspace, never the workspace's own budget", async () => {
    const victim = await createTenant('victim');
    const anonymous = await serveProxy();
    try {
      const fromAttacker = { headers: { 'x-forwarded-for': '203.0.113.66' } };
      for (let sent = 0; sent < FREE + 10; sent += 50) {
        await Promise.all(Array.from({ length: 50 }, () => anonymous.send(hostOf(victim), '/', fromAttacker)));
        await new Promise((resolve) => setTimeout(resolve, 1_050)); // past each second's share
      }
      expect((await anonymous.send(hostOf(victim), '/', fromAttacker)).status).toBe(429);
      // The workspace's members are served, and so is its IdP's SCIM call from its own network.
      expect(await send(victim, '/projects')).toEqual(served(victim, '/projects'));
      const scim = await anonymous.send(hostOf(victim), '/api/scim/v2/Users', {
        headers: { 'x-forwarded-for': '198.51.100.7', authorization: 'Bearer scim-token' },
      });
      expect(scim.status).toBe(200);
    } finally {
      await anonymous.stop();
    }
  }, 60_000);

  // Sign-up is open, so anyone can hold a token we minted, and on a shared root cookie it reaches
  // every workspace's host: an account proves nothing about this workspace.
  it("a valid token of someone who is not a member spends its network's share, not the workspace's budget", async () => {
    const own = await createTenant('attacker-own');
    const ownMember = await signedInMember(own, 'owner');
    for (const [label, token] of [
      ['an account of no workspace', await signedInToken()],
      ["another workspace's member", ownMember.token],
    ] as const) {
      const victim = await createTenant('victim-token');
      await spend(victim, FREE - 1); // one request of its minute left
      const headers = { headers: { cookie: `tenantry.session=${token}`, 'x-forwarded-for': '203.0.113.68' } };
      const attacks = await Promise.all(Array.from({ length: 20 }, () => proxy.send(hostOf(victim), '/', headers)));
      expect(
        attacks.map((answer) => answer.status),
        label,
      ).toEqual(Array(20).fill(200));
      expect(await send(victim, '/projects'), label).toEqual(served(victim, '/projects')); // still there
    }
  });

  it('a forged session cookie is anonymous', async () => {
    const victim = await createTenant('victim-forged');
    const forged = await serveProxy({ session: 'not-a-token-we-minted' });
    try {
      const headers = { headers: { 'x-forwarded-for': '203.0.113.67' } };
      const answers = await Promise.all(
        Array.from({ length: Math.ceil(FREE * SECOND_SHARE) + 5 }, () => forged.send(hostOf(victim), '/', headers)),
      );
      expect(answers.some((answer) => answer.status === 429)).toBe(true);
      expect(await send(victim)).toEqual(served(victim));
    } finally {
      await forged.stop();
    }
  });
});

describe('every route handler of a workspace', () => {
  it('takes POSTs only under a prefix where a Next-Action header gets no request past the limit', () => {
    // The proxy lets a POST with Next-Action through (tenantAction refuses it instead); a route
    // handler would not. GET-only handlers (downloads) may live anywhere.
    const root = path.resolve(import.meta.dirname, '../../app/t/[tenant]');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
      (file) => path.basename(file) === 'route.ts',
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const route = `/${path.dirname(file).split(path.sep).join('/')}/`;
      const takesPost = /export (async )?(function|const) POST\b/.test(readFileSync(path.join(root, file), 'utf8'));
      expect(
        !takesPost || ROUTE_HANDLER_PREFIXES.some((prefix) => route.startsWith(prefix)),
        `${route} takes POST: move it under ROUTE_HANDLER_PREFIXES`,
      ).toBe(true);
    }
  });
});

describe('a plan change', () => {
  const api = fake.client();

  async function workspaceWithCustomer(label: string): Promise<Tenant & { customerId: string }> {
    const tenant = await createTenant(label);
    const customer = fake.seedCustomer({ email: `${tenant.slug}@example.test` });
    await linkStripeCustomer(tenant.id, customer.id);
    return { ...tenant, customerId: customer.id };
  }

  it('raises the limit on the next request after an upgrade (a Stripe webhook, as in production)', async () => {
    const workspace = await workspaceWithCustomer('upgrading');
    await spend(workspace, FREE);
    expect((await send(workspace)).status).toBe(429);

    const created = await api.subscriptions.create({ customer: workspace.customerId, items: [{ price: proPriceId }] });
    const event = fake.makeEvent('customer.subscription.created', fake.subscription(created.id));
    const { payload, signature } = fake.signedDelivery(event, WEBHOOK_SECRET);
    const delivered = await stripeWebhook(
      new Request('http://localhost/api/webhooks/stripe', {
        method: 'POST',
        body: payload,
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      }),
    );
    expect(delivered.status).toBe(200);

    expect(await send(workspace)).toEqual(served(workspace));
    // Pro's own limit, counted on in the same window: FREE + 2 requests so far, PRO allowed.
    await spend(workspace, PRO - (FREE + 2) - 1);
    expect(await send(workspace)).toEqual(served(workspace));
    expect((await send(workspace)).status).toBe(429);
  });

  it('reaches the proxy through the database notice alone, as a change made on another instance does', async () => {
    const workspace = await createTenant('upgraded-elsewhere');
    await spend(workspace, FREE);
    expect((await send(workspace)).status).toBe(429);
    // No forgetWorkspaceEntitlements() in this process: only billing_states' NOTIFY tells it.
    await billingTenantDb(workspace.id).billingState.create({ data: { plan: 'pro', status: 'active' } });
    const deadline = Date.now() + 2_000;
    let answer = await send(workspace);
    while (answer.status === 429 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer = await send(workspace);
    }
    expect(answer).toEqual(served(workspace));
  });
});
