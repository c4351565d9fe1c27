// A custom domain serves its workspace only once verified, and stops the moment it is removed.
// Chromium resolves *.acme-corp.test to this machine (--host-resolver-rules in playwright.config.ts).
import { expect, test } from '@playwright/test';
import { asAuthFor, asTenant } from '../support/e2e-database';
import { HOSTS_SERVER } from '../support/e2e-servers';
import { signInAs } from '../support/sign-in-as';

const HOST = 'app.acme-corp.test';
const URL = `http://${HOST}:3100/`;

test('a custom domain routes to its workspace only while verified', async ({ page, context }) => {
  // Signed in on the root site only: the custom domain gets its own session through a handoff.
  await signInAs(context, HOSTS_SERVER, 'alice@acme.test', 'localhost');
  await asTenant('acme', 'DELETE FROM domains WHERE hostname = $1', [HOST]);
  const [domain] = await asTenant<{ id: string }>(
    'acme',
    "INSERT INTO domains (id, hostname, verification_token) VALUES (gen_random_uuid(), $1, 'token') RETURNING id",
    [HOST],
  );
  if (!domain) throw new Error('domain not created');

  const unverified = await page.goto(URL);
  expect(unverified?.status()).toBe(404);

  await asAuthFor('acme', "SELECT * FROM record_domain_check($1::uuid, 'verified', NULL)", [domain.id]);
  await expect(async () => {
    const verified = await page.goto(URL);
    expect(verified?.status()).toBe(200);
  }).toPass({ timeout: 5_000 });
  expect(page.url()).toBe(URL);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Inc.');
  await expect(page.getByText('Rocket Skates')).toBeVisible();
  await expect(page.getByText('Doomsday Device')).toHaveCount(0);

  await asTenant('acme', 'DELETE FROM domains WHERE id = $1', [domain.id]);
  await expect(async () => {
    const removed = await page.goto(URL);
    expect(removed?.status()).toBe(404);
  }).toPass({ timeout: 5_000 });
});

test('a domain verified by one workspace never shows another', async ({ page }) => {
  await asTenant('globex', 'DELETE FROM domains WHERE hostname = $1', ['www.acme-corp.test']);
  await asTenant(
    'globex',
    "INSERT INTO domains (id, hostname, verification_token) VALUES (gen_random_uuid(), $1, 'token')",
    ['www.acme-corp.test'],
  );
  const answer = await page.goto('http://www.acme-corp.test:3100/');
  expect(answer?.status()).toBe(404);
  await expect(page.getByText('Doomsday Device')).toHaveCount(0);
});
