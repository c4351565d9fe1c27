// Billing end to end on the accounts server, against the Stripe fake (scripts/run-e2e.ts starts
// it; it delivers signed webhooks to /api/webhooks/stripe like Stripe does). An owner at the free
// plan's project limit is refused with a message naming it, upgrades through Checkout, gets the
// new limit within seconds, and after a cancellation the over-limit action is refused again.
import { expect, test } from '@playwright/test';
import Stripe from 'stripe';
import { asApp, asBilling, asTenant } from '../support/e2e-database';
import { ACCOUNTS_SERVER, origin } from '../support/e2e-servers';
import { signInAs } from '../support/sign-in-as';

const GLOBEX = origin(ACCOUNTS_SERVER, 'globex');
const FREE_PROJECT_LIMIT = 10;

function stripeAsTheDashboard(): Stripe {
  const url = new URL(process.env.E2E_STRIPE_API_URL ?? '');
  return new Stripe(process.env.E2E_STRIPE_SECRET_KEY ?? '', {
    host: url.hostname,
    port: Number(url.port),
    protocol: 'http',
  });
}

async function createProject(page: import('@playwright/test').Page, name: string): Promise<string> {
  await page.goto(`${GLOBEX}/`);
  const form = page.locator('#new-project-form');
  await form.getByLabel('New project').fill(name);
  await form.getByRole('button', { name: 'Create' }).click();
  const result = page.getByTestId('new-project-form-result');
  await expect(result).not.toBeEmpty();
  return (await result.textContent()) ?? '';
}

test('upgrade through Checkout lifts the limit; a cancellation brings it back on the next request', async ({
  page,
  context,
}) => {
  test.skip(!process.env.E2E_STRIPE_API_URL, 'run through npm run test:e2e, which starts the Stripe fake');
  await signInAs(context, ACCOUNTS_SERVER, 'grace@globex.test', 'globex.tenantry.test');
  // Fill globex up to the free plan's limit.
  const [{ n } = { n: 0 }] = await asTenant<{ n: number }>(
    'globex',
    'SELECT count(*)::int AS n FROM projects',
    [],
    ACCOUNTS_SERVER,
  );
  for (let i = n; i < FREE_PROJECT_LIMIT; i++) {
    await asTenant(
      'globex',
      'INSERT INTO projects (id, name) VALUES (gen_random_uuid(), $1)',
      [`Filler ${i}`],
      ACCOUNTS_SERVER,
    );
  }
  expect(await createProject(page, 'One too many')).toContain('The Free plan includes 10 projects');

  await page.goto(`${GLOBEX}/settings/billing`);
  await expect(page.getByTestId('billing-plan')).toHaveText('Free');
  await page.getByRole('button', { name: 'Upgrade to Pro' }).click();
  await page.waitForURL(/\/checkout\/cs_/);
  await page.locator('#pay').click();
  await page.waitForURL(`${GLOBEX}/settings/billing?checkout=done`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('billing-plan')).toHaveText('Pro', { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(page.getByTestId('limit-projects')).toContainText(`${FREE_PROJECT_LIMIT} of 1000`);
  expect(await createProject(page, 'Now it fits')).toContain('Created');

  // Cancelled in Stripe (as the portal or the dashboard would): the webhook arrives, and the very
  // next over-limit request is refused.
  const stripe = stripeAsTheDashboard();
  const [globex] = await asApp<{ id: string }>(ACCOUNTS_SERVER, "SELECT id FROM tenants WHERE slug = 'globex'");
  const [link] = await asBilling<{ customer_id: string }>(
    ACCOUNTS_SERVER,
    'SELECT customer_id FROM stripe_customers WHERE tenant_id = $1',
    [globex?.id],
  );
  const subscriptions = await stripe.subscriptions.list({ customer: link?.customer_id ?? '' });
  const subscription = subscriptions.data[0];
  if (!subscription) throw new Error('no subscription after checkout');
  await stripe.subscriptions.cancel(subscription.id);
  await expect(async () => {
    await page.goto(`${GLOBEX}/settings/billing`);
    await expect(page.getByTestId('billing-plan')).toHaveText('Free', { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  expect(await createProject(page, 'Over the limit again')).toContain('The Free plan includes 10 projects');
});
