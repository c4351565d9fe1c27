// Passkeys in a real browser, with Chromium's virtual authenticator (CDP WebAuthn domain): enrol on
// the account page, sign out, sign in with the passkey alone; removing it takes the password and
// the passkey's own answer, and a removed passkey signs in no more; a
// password sign-in of a user with a passkey asks for the passkey as its second step.
// WebAuthn needs a secure context, and plain http is one only on localhost: so this journey runs
// on the hosts server (ROOT_DOMAIN=localhost, APP_URL http://localhost:3100), whose RP ID and
// origin follow ROOT_DOMAIN and APP_URL exactly as https://myapp.com's would. The accounts server
// (http://tenantry.test) is not a secure context, and browsers refuse WebAuthn there.
import { expect, type Page, test } from '@playwright/test';
import argon2 from 'argon2';
import { asAuth } from '../support/e2e-database';
import { HOSTS_SERVER, origin } from '../support/e2e-servers';

const ROOT = origin(HOSTS_SERVER);
const PASSWORD = 'passkey-person-password';

async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
}

async function seedPasswordUser(label: string): Promise<{ id: string; email: string }> {
  const email = `${label}-${Date.now().toString(36)}@example.test`;
  const [user] = await asAuth<{ id: string }>(
    HOSTS_SERVER,
    'INSERT INTO users (id, email, email_verified) VALUES (gen_random_uuid(), $1, now()) RETURNING id',
    [email],
  );
  if (!user) throw new Error('no user');
  await asAuth(HOSTS_SERVER, 'INSERT INTO user_passwords (user_id, hash) VALUES ($1, $2)', [
    user.id,
    await argon2.hash(PASSWORD),
  ]);
  return { id: user.id, email };
}

async function submitPassword(page: Page, email: string) {
  await page.goto(`${ROOT}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function addPasskey(page: Page, name: string) {
  await page.goto(`${ROOT}/account`);
  const add = page.locator('#add-passkey-form');
  await add.getByLabel('Passkey name').fill(name);
  await add.getByLabel('Current password').fill(PASSWORD);
  await add.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByTestId('add-passkey-form-result')).toContainText(`Added “${name}”`);
}

const latestAmr = async (userId: string) =>
  (
    await asAuth<{ amr: string[] }>(
      HOSTS_SERVER,
      'SELECT amr FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1',
      [userId],
    )
  )[0]?.amr;

async function signOut(page: Page) {
  await page.goto(`${ROOT}/account`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signin\?signedOut=1/);
}

test('enrol a passkey, sign in with it alone, and a removed passkey signs in no more', async ({ page }) => {
  const email = `passkey-${Date.now().toString(36)}@example.test`;
  const [user] = await asAuth<{ id: string }>(
    HOSTS_SERVER,
    'INSERT INTO users (id, email, email_verified) VALUES (gen_random_uuid(), $1, now()) RETURNING id',
    [email],
  );
  await asAuth(HOSTS_SERVER, 'INSERT INTO user_passwords (user_id, hash) VALUES ($1, $2)', [
    user?.id,
    await argon2.hash(PASSWORD),
  ]);
  await addVirtualAuthenticator(page);

  await page.goto(`${ROOT}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/' || url.pathname === '/account'); // their workspace, or their account

  // Adding a passkey asks for the current password.
  await page.goto(`${ROOT}/account`);
  const add = page.locator('#add-passkey-form');
  await add.getByLabel('Passkey name').fill('Virtual laptop');
  await add.getByLabel('Current password').fill('not my password');
  await add.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByTestId('add-passkey-form-result')).toHaveText('That is not your current password.');
  await add.getByLabel('Current password').fill(PASSWORD);
  await add.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByTestId('add-passkey-form-result')).toContainText('Added “Virtual laptop”');
  await expect(page.getByTestId('passkey')).toHaveCount(1);
  await expect(page.getByTestId('passkey')).toContainText('never used');

  // Signed out, the passkey alone signs in: no email, no password.
  await signOut(page);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await page.waitForURL((url) => url.pathname === '/account'); // lands on their account: no workspace yet
  await page.goto(`${ROOT}/account`);
  await expect(page.getByText(email, { exact: true })).toBeVisible();
  await expect(page.getByTestId('passkey')).toContainText('last used');
  const sessions = await asAuth<{ amr: string[] }>(
    HOSTS_SERVER,
    'SELECT amr FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1',
    [user?.id],
  );
  expect(sessions[0]?.amr).toEqual(['passkey', 'user-verified', 'mfa']);

  // Removing it takes the password and a passkey's answer (this one's: the virtual authenticator
  // confirms), so a stolen session and the password cannot take the last second factor away.
  const listed = page.getByTestId('passkey');
  await listed.getByLabel('Current password').fill('not my password');
  await listed.getByRole('button', { name: 'Remove' }).click();
  await expect(listed.getByText('That is not your current password.')).toBeVisible();
  await expect(page.getByTestId('passkey')).toHaveCount(1);
  // Removed, it no longer signs in, though the authenticator still holds it.
  await listed.getByLabel('Current password').fill(PASSWORD);
  await listed.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('passkey')).toHaveCount(0);
  const events = await asAuth<{ action: string }>(
    HOSTS_SERVER,
    'SELECT action FROM account_events WHERE user_id = $1 ORDER BY created_at',
    [user?.id],
  );
  expect(events.map((event) => event.action)).toEqual(['passkey.added', 'passkey.removed']);

  await signOut(page);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByTestId('passkey-sign-in-error')).toContainText('could not sign you in');
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.context().cookies(ROOT)).find((cookie) => cookie.name === 'tenantry.session')).toBeUndefined();
});

test('a password sign-in of a user with a passkey asks for the passkey, then is in', async ({ page }) => {
  const user = await seedPasswordUser('passkey-2fa');
  await addVirtualAuthenticator(page);
  await submitPassword(page, user.email);
  await page.waitForURL((url) => url.pathname === '/account'); // lands on their account: no workspace yet
  await addPasskey(page, 'Second factor');

  await signOut(page);
  await submitPassword(page, user.email);
  await page.waitForURL(`${ROOT}/signin/second-factor`);
  // The password alone opened no session, and no code is asked of a user without an authenticator app.
  expect((await page.context().cookies(ROOT)).find((cookie) => cookie.name === 'tenantry.session')).toBeUndefined();
  await expect(page.getByLabel('Authentication code')).toHaveCount(0);
  await page.getByRole('button', { name: 'Use your passkey' }).click();
  await page.waitForURL((url) => url.pathname === '/account'); // lands on their account: no workspace yet
  await page.goto(`${ROOT}/account`);
  await expect(page.getByText(user.email, { exact: true })).toBeVisible();
  expect(await latestAmr(user.id)).toEqual(['pwd', 'passkey', 'mfa']);
  await expect(page.getByTestId('security-event')).toHaveText([/Passkey “Second factor” added/]);
});
