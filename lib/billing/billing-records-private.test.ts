// A workspace cannot write its own bill. app_user runs every tenant request, so whatever it may write,
// a SQL injection under the workspace's own tag may write too: a billing_states row saying "pro,
// active" with the highest read ticket (every later Stripe read, even a cancellation, would then be
// dropped as older and the plan kept forever), or deleting its metered usage. Billing state,
// Stripe's records and the ticket sequence are billing_user's; app_user reads the state and records
// usage, nothing more.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import { customerOf, linkStripeCustomer, tenantOfCustomer } from './stripe-customers';

let acme: { id: string };
let globex: { id: string };
let app: pg.Client;
let billing: pg.Client;

/** SQL exactly as app_user would send it under acme's own tag: what an injection there could run. */
const asAcme = (sql: string) => app.query(`/* tenant:${acme.id} */ ${sql}`);

/** The same, rolled back whatever happens, so one attempt that gets through cannot hide the next. */
async function attempt(sql: string): Promise<pg.QueryResult> {
  await app.query('BEGIN');
  try {
    return await asAcme(sql);
  } finally {
    await app.query('ROLLBACK');
  }
}

beforeAll(async () => {
  acme = await createTenant('acme', { plan: 'pro' });
  globex = await createTenant('globex', { plan: 'pro' });
  app = new pg.Client({ connectionString: inject('appUrl') });
  billing = new pg.Client({ connectionString: inject('billingUrl') });
  await Promise.all([app.connect(), billing.connect()]);
  await asAcme("INSERT INTO usage_events (id, metric) VALUES (gen_random_uuid(), 'projects_created')");
});
afterAll(async () => {
  await Promise.all([app.end(), billing.end()]);
});

/** SQL as billing_user sends it for acme, rolled back. */
async function billingForAcme(sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
  await billing.query('BEGIN');
  try {
    return await billing.query(`/* tenant:${acme.id} */ ${sql}`, values);
  } finally {
    await billing.query('ROLLBACK');
  }
}

describe('app_user under its own tenant tag', () => {
  it.each([
    [
      'keep pro forever',
      "UPDATE billing_states SET plan = 'pro', status = 'active', stripe_read_ticket = 9223372036854775807",
    ],
    ['give itself a plan', "INSERT INTO billing_states (plan, status) VALUES ('pro', 'active')"],
    ['forget its billing state', 'DELETE FROM billing_states'],
    ['shrink its metered usage', 'UPDATE usage_events SET quantity = 0'],
    ['pass its usage off as reported', 'UPDATE usage_events SET reported_at = now()'],
    ['delete its metered usage', 'DELETE FROM usage_events'],
    ['take a read ticket', "SELECT nextval('stripe_read_tickets')"],
    ['move the ticket sequence', "SELECT setval('stripe_read_tickets', 9223372036854775807)"],
    ['read the webhook log', 'SELECT * FROM stripe_events'],
    [
      'mark an event handled',
      "INSERT INTO stripe_events (id, type, status) VALUES ('evt_x', 'invoice.paid', 'processed')",
    ],
    ['read the customer links', 'SELECT * FROM stripe_customers'],
    ['link a customer', "INSERT INTO stripe_customers (customer_id) VALUES ('cus_x')"],
  ])('cannot %s', async (_, sql) => {
    await expect(attempt(sql)).rejects.toThrow(/permission denied/);
  });

  it('still reads its billing state and usage, and records usage', async () => {
    expect((await asAcme('SELECT plan, status FROM billing_states')).rows).toEqual([{ plan: 'pro', status: 'active' }]);
    const recorded = await asAcme(
      "INSERT INTO usage_events (id, metric) VALUES (gen_random_uuid(), 'projects_created') RETURNING quantity",
    );
    expect(recorded.rows).toEqual([{ quantity: 1 }]);
    expect(Number((await asAcme('SELECT count(*) FROM usage_events')).rows[0]?.count)).toBe(2);
  });
});

describe('billing_user, working for one workspace', () => {
  it("writes that workspace's billing state and never another's (RLS applies through the tag)", async () => {
    expect((await billingForAcme("UPDATE billing_states SET status = 'canceled'")).rowCount).toBe(1);
    const other = await billingForAcme("UPDATE billing_states SET status = 'canceled' WHERE tenant_id = $1", [
      globex.id,
    ]);
    expect(other.rowCount).toBe(0);
    await expect(
      billingForAcme("INSERT INTO billing_states (tenant_id, plan) VALUES ($1, 'pro')", [globex.id]),
    ).rejects.toThrow(/row-level security/);
  });

  it('marks usage reported, and can neither change nor delete it', async () => {
    expect((await billingForAcme('UPDATE usage_events SET reported_at = now()')).rowCount).toBeGreaterThan(0);
    await expect(billingForAcme('UPDATE usage_events SET quantity = 0')).rejects.toThrow(/permission denied/);
    await expect(billingForAcme('DELETE FROM usage_events')).rejects.toThrow(/permission denied/);
  });

  it.each(['projects', 'memberships', 'audit_events', 'user_passwords', 'sessions'])('reaches no %s', async (table) => {
    await expect(billingForAcme(`SELECT * FROM ${table} LIMIT 1`)).rejects.toThrow(/permission denied/);
  });

  it("finds any customer's workspace, and links only its own workspace, once", async () => {
    const customerId = `cus_${randomUUID().slice(0, 12)}`;
    expect(await linkStripeCustomer(globex.id, customerId)).toBe(customerId);
    expect(await tenantOfCustomer(customerId)).toBe(globex.id);
    expect(await customerOf(acme.id)).toBeNull();
    // acme cannot take globex's customer, and globex's first link stays.
    await expect(linkStripeCustomer(acme.id, customerId)).rejects.toThrow(/unique/i);
    expect(await linkStripeCustomer(globex.id, 'cus_other')).toBe(customerId);
    await expect(
      billingForAcme('INSERT INTO stripe_customers (tenant_id, customer_id) VALUES ($1, $2)', [globex.id, 'cus_x']),
    ).rejects.toThrow(/row-level security/);
    await expect(
      billingForAcme('UPDATE stripe_customers SET customer_id = $2 WHERE tenant_id = $1', [globex.id, 'cus_x']),
    ).resolves.toMatchObject({ rowCount: 0 });
  });
});
