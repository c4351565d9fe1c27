// Signing in on a verified custom domain: the session cookie of the root domain cannot reach it,
// so the root site hands a one-time token to it, and it sets its own host-only cookie. The
// "Accounts" threats: that cookie replayed on other hosts, handoff tokens reused or planted.
import { expect, test } from '@playwright/test';
import { verifiedCustomDomain } from '../support/custom-domains';
import { ACCOUNTS_SERVER, origin } from '../support/e2e-servers';
import { sessionCookieValue } from '../support/sign-in-as';

const CUSTOM_HOST = 'portal.acme-corp.test';
const CUSTOM = `http://${CUSTOM_HOST}:${ACCOUNTS_SERVER.port}`;
const ROOT = origin(ACCOUNTS_SERVER);
const PASSWORD = 'tenantry-dev-password';

test.beforeAll(async () => {
  await verifiedCustomDomain(ACCOUNTS_SERVER, 'acme', CUSTOM_HOST);
});

test('sign-in on a custom domain goes through the root site and a one-time handoff', async ({ page, context }) => {
  await expect(async () => {
    await page.goto(`${CUSTOM}/settings/members`);
    await page.waitForURL(/tenantry\.test:3101\/signin/, { timeout: 2_000 });
  }).toPass({ timeout: 10_000 });
  await page.getByLabel('Email').fill('alice@acme.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${CUSTOM}/settings/members`);

  // Administration stays on the subdomain: on the custom domain the owner has a member's rights.
  await expect(page.locator('#invite-form')).toHaveCount(0);
  expect((await page.goto(`${CUSTOM}/settings/audit-log`))?.status()).toBe(404);

  await page.goto(`${CUSTOM}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Inc.');
  const cookies = await context.cookies();
  const custom = cookies.find((cookie) => cookie.name === 'tenantry.session' && cookie.domain === CUSTOM_HOST);
  const main = cookies.find((cookie) => cookie.name === 'tenantry.session' && cookie.domain === '.tenantry.test');
  expect(custom, 'a host-only cookie on the custom domain').toBeDefined();
  expect(main, 'the main session on the root domain').toBeDefined();
  if (!custom) return;

  // The custom domain's cookie, replayed on acme's subdomain, globex's subdomain or the root: not signed in.
  const thief = await page.context().browser()?.newContext();
  if (!thief) throw new Error('no browser');
  const stolen = await thief.newPage();
  for (const host of ['acme.tenantry.test', 'globex.tenantry.test', 'tenantry.test']) {
    await thief.clearCookies();
    await thief.addCookies([{ name: 'tenantry.session', value: custom.value, domain: host, path: '/' }]);
    await stolen.goto(`http://${host}:${ACCOUNTS_SERVER.port}${host === 'tenantry.test' ? '/account' : '/'}`);
    await stolen.waitForURL(/\/signin|\/auth\/start/);
  }
  await thief.close();

  // Signing out on the custom domain ends the main session too.
  await page.goto(`${CUSTOM}/`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signin\?signedOut=1/);
  await page.goto(`${ROOT}/account`);
  await page.waitForURL(/\/signin/);
  await page.goto(`${CUSTOM}/`);
  await page.waitForURL(/\/signin/);
});

test("the root domain's session cookie is refused on a custom domain", async ({ browser }) => {
  const context = await browser.newContext();
  const value = await sessionCookieValue(ACCOUNTS_SERVER, 'alice@acme.test', 'tenantry.test');
  await context.addCookies([{ name: 'tenantry.session', value, domain: CUSTOM_HOST, path: '/' }]);
  const page = await context.newPage();
  await page.goto(`${ROOT}/signin`); // warm the route so the redirect below is quick
  await page.goto(`${CUSTOM}/`);
  // Not accepted as is: the custom domain starts a handoff (which, signed out at the root, asks to sign in).
  await page.waitForURL(/\/signin/);
  await context.close();
});

test('a handoff token works once, only in the browser that asked for it', async ({ browser }) => {
  // The victim's browser starts a sign-in on the custom domain (it gets a state cookie there).
  const victim = await browser.newContext();
  const victimPage = await victim.newPage();
  // The attacker, signed in at the root, has the root mint a handoff for their own account.
  const attacker = await browser.newContext();
  const value = await sessionCookieValue(ACCOUNTS_SERVER, 'carol@consulting.test', 'tenantry.test');
  await attacker.addCookies([{ name: 'tenantry.session', value, domain: '.tenantry.test', path: '/' }]);
  const attackerPage = await attacker.newPage();
  const accepts: string[] = [];
  attackerPage.on('request', (request) => {
    if (request.url().includes('/auth/accept')) accepts.push(request.url());
  });
  await attackerPage.goto(`${CUSTOM}/`);
  await expect(attackerPage.getByRole('heading', { level: 1 })).toHaveText('Acme Inc.');
  const acceptUrl = accepts[0];
  if (!acceptUrl) throw new Error('no handoff seen');

  // Used once already: the same link again is refused, even in the same browser.
  const reuse = await attackerPage.goto(acceptUrl);
  expect(reuse?.status()).toBe(400);

  // Planted in the victim's browser (no matching state cookie): refused, the victim is not signed in.
  const planted = await victimPage.goto(acceptUrl);
  expect(planted?.status()).toBe(400);
  expect((await victim.cookies()).find((cookie) => cookie.name === 'tenantry.session')).toBeUndefined();
  await victim.close();
  await attacker.close();
});
