// A workspace cannot write its own bill. app_user runs every tenant request, so whatever it may write,
// a SQL injection under the workspace's own tag may write too: a billing_states row saying "pro,
// active" with the highest read ticket (every later Stripe read, even a cancellation, would then be
// dropped as older and the plan kept forever), or deleting its metered usage. Billing state,
// Stripe's records and the ticket sequence are billing_user's; app_user reads the state and records
// usage, nothing more.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTenant } from '../../tests/support/tenants';

let acme: { id: string };
let app: pg.Client;

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
  app = new pg.Client({ connectionString: inject('appUrl') });
  await app.connect();
  await asAcme("INSERT INTO usage_events (id, metric) VALUES (gen_random_uuid(), 'projects_created')");
});
afterAll(async () => {
  await app.end();
});

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
    ['mark an event handled', "INSERT INTO stripe_events (id, type, status) VALUES ('evt_x', 'invoice.paid', 'processed')"],
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
