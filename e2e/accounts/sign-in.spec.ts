// Signing up, in and out on the accounts server (root tenantry.test, one cookie for every
// workspace subdomain): the "Accounts" journeys that need no invitation.
import { expect, test } from '@playwright/test';
import { clearEmailsVia, linkIn, waitForEmailVia } from '../../tests/support/mail-catcher-client';
import { asApp } from '../support/e2e-database';
import { ACCOUNTS_SERVER, mailCatcherUrl, origin } from '../support/e2e-servers';

const ROOT = origin(ACCOUNTS_SERVER);
const ACME = origin(ACCOUNTS_SERVER, 'acme');
const GLOBEX = origin(ACCOUNTS_SERVER, 'globex');
const PASSWORD = 'tenantry-dev-password';

test('sign up creates the account and its workspace, and lands on the workspace subdomain', async ({ page }) => {
  const slug = `newco${Date.now().toString(36)}`;
  await page.goto(`${ROOT}/signup`);
  await page.getByLabel('Your name').fill('Nina New');
  await page.getByLabel('Work email').fill(`nina-${slug}@newco.test`);
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByLabel('Workspace name').fill('NewCo');

  // A reserved name and a look-alike of an existing workspace are refused beside the field.
  for (const [bad, message] of [
    ['admin', /reserved/],
    ['acrne', /looks too much like an existing workspace/],
  ] as const) {
    await page.getByLabel('Workspace address').fill(bad);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expect(page.getByText(message)).toBeVisible();
    await expect(page.getByLabel('Your name')).toHaveValue('Nina New');
    await page.getByLabel('Password').fill('a long enough password');
  }
  expect(
    await asApp(ACCOUNTS_SERVER, 'SELECT 1 FROM users WHERE email = $1', [`nina-${slug}@newco.test`]),
  ).toHaveLength(0);

  await page.getByLabel('Workspace address').fill(slug);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(`${origin(ACCOUNTS_SERVER, slug)}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('NewCo');
  await expect(page.getByTestId('signed-in-as')).toContainText('owner');

  // The same session works on the root site: the account page lists the new workspace.
  await page.goto(`${ROOT}/account`);
  await expect(page.getByTestId('account-workspaces')).toContainText('NewCo');
});

test('password sign-in on the root site covers every workspace subdomain the user belongs to', async ({ page }) => {
  await page.goto(`${ACME}/`);
  await page.waitForURL(/tenantry\.test:3101\/signin/);
  await page.getByLabel('Email').fill('carol@consulting.test');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('Wrong email or password.');

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${ACME}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Inc.');

  await page.goto(`${GLOBEX}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Globex Corporation');

  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === 'tenantry.session')?.domain).toBe('.tenantry.test');
});

test('a signed-in user who is not a member is told so, and sees no data', async ({ page }) => {
  await page.goto(`${ROOT}/signin`);
  await page.getByLabel('Email').fill('alice@acme.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${ACME}/`); // signing in lands on her (last used) workspace
  await page.goto(`${GLOBEX}/`);
  await expect(page.getByTestId('no-access')).toContainText('alice@acme.test');
  await expect(page.getByText('Doomsday Device')).toHaveCount(0);
  // The way on: her own workspaces, another account, or an admin's invitation.
  await expect(page.getByTestId('no-access-workspaces')).toContainText('Acme');
  await expect(page.getByRole('button', { name: 'Sign in as someone else' })).toBeVisible();
});

test('a magic link signs in once, after naming the address; the link is built from APP_URL', async ({
  page,
  browser,
}) => {
  await clearEmailsVia(mailCatcherUrl());
  await page.goto(`${ROOT}/signin?callbackUrl=${encodeURIComponent(`${ACME}/`)}`);
  await page.getByLabel('Email').fill('bob@acme.test');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL(/\/signin\/check-email/);
  const email = await waitForEmailVia(mailCatcherUrl(), 'bob@acme.test');
  const link = linkIn(email);
  expect(link.startsWith(`${ROOT}/signin/confirm?link=`)).toBe(true);

  // Opening the link alone signs nobody in (login CSRF): it names the address and waits.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in as bob@acme.test?');
  expect((await page.context().cookies()).find((cookie) => cookie.name === 'tenantry.session')).toBeUndefined();
  await page.getByTestId('confirm-magic-link').click();
  await page.waitForURL(`${ACME}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Inc.');

  // Used once: the same link in another browser is refused.
  const other = await browser.newContext();
  const again = await other.newPage();
  await again.goto(link);
  await again.getByTestId('confirm-magic-link').click();
  await expect(again.getByTestId('sign-in-error')).toContainText('expired or was already used');
  await other.close();

  // A confirmation page for anything but our own callback is refused.
  await page.goto(
    `${ROOT}/signin/confirm?link=${encodeURIComponent('https://evil.example/api/auth/callback/email?token=x&email=a@b.c')}`,
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This sign-in link is not valid');
});

test('callback URLs cannot redirect off our hosts, and malformed ones are harmless', async ({ page }) => {
  for (const callbackUrl of ['https://evil.example/', '//evil.example/', 'http://[::1', 'javascript:alert(1)']) {
    const answer = await page.goto(`${ROOT}/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    expect(answer?.status(), callbackUrl).toBe(200);
  }
  await page.getByLabel('Email').fill('carol@consulting.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${ROOT}/`);
});

test('signing out on a workspace subdomain ends the session everywhere', async ({ page }) => {
  await page.goto(`${ROOT}/signin?callbackUrl=${encodeURIComponent(`${ACME}/`)}`);
  await page.getByLabel('Email').fill('carol@consulting.test');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${ACME}/`);
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'tenantry.session')?.value;
  if (!token) throw new Error('no session cookie');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signin\?signedOut=1/);
  await page.goto(`${GLOBEX}/`);
  await page.waitForURL(/\/signin/);

  // The old cookie, put back, is worthless: its session row is gone.
  await page.context().addCookies([{ name: 'tenantry.session', value: token, domain: '.tenantry.test', path: '/' }]);
  await page.goto(`${ACME}/`);
  await page.waitForURL(/\/signin/);
});
