// The first promise of the README: the root serves the marketing site and each seeded workspace
// is served, with its own data only, on its own host (to its members).
import { expect, test } from '@playwright/test';
import { HOSTS_SERVER } from '../support/e2e-servers';
import { signInAs } from '../support/sign-in-as';

const PORT = HOSTS_SERVER.port;
// Carol is a member of both seeded workspaces.
const CAROL = 'carol@consulting.test';

test.beforeEach(async ({ context }) => {
  await signInAs(context, HOSTS_SERVER, CAROL, 'acme.localhost');
  await signInAs(context, HOSTS_SERVER, CAROL, 'globex.localhost');
});

test('the root page renders the marketing site', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tenantry');
});

test('each workspace is served on its own subdomain with its own data', async ({ page }) => {
  await page.goto(`http://acme.localhost:${PORT}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Inc.');
  await expect(page.getByText('Rocket Skates')).toBeVisible();
  await expect(page.getByText('Doomsday Device')).toHaveCount(0);

  await page.goto(`http://globex.localhost:${PORT}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Globex Corporation');
  await expect(page.getByText('Doomsday Device')).toBeVisible();
  await expect(page.getByText('Rocket Skates')).toHaveCount(0);
});

test("a workspace serves nested paths; another workspace's id on them is a 404", async ({ page }) => {
  await page.goto(`http://acme.localhost:${PORT}/`);
  await page.getByRole('link', { name: 'Rocket Skates' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rocket Skates');
  await expect(page.getByText('Order more rockets')).toBeVisible();
  const acmeProjectPath = new URL(page.url()).pathname;
  expect(acmeProjectPath).toMatch(/^\/projects\/[0-9a-f-]{36}$/);

  const fromGlobex = await page.goto(`http://globex.localhost:${PORT}${acmeProjectPath}`);
  expect(fromGlobex?.status()).toBe(404);
  await expect(page.getByText('Rocket Skates')).toHaveCount(0);
  const malformed = await page.goto(`http://acme.localhost:${PORT}/projects/not-a-uuid`);
  expect(malformed?.status()).toBe(404);
});

test('an unknown workspace and the internal tenant path answer 404', async ({ page }) => {
  const unknown = await page.goto(`http://nobody.localhost:${PORT}/`);
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
  const internal = await page.goto('/t/acme');
  expect(internal?.status()).toBe(404);
});
