// Guessing and flooding through the real pages, next-auth's callback route and the mailer
// (docs/decisions/017): the limit engages where stated, and the page says how long to wait.
import { expect, type Page, test } from '@playwright/test';
import { fetchEmails } from '../../tests/support/mail-catcher-client';
import { asAuth } from '../support/e2e-database';
import { ACCOUNTS_SERVER, mailCatcherUrl, origin } from '../support/e2e-servers';

const ROOT = origin(ACCOUNTS_SERVER);
const PASSWORD = 'tenantry-dev-password'; // the seeded users' password

/** A new account with the seeded password (its hash copied from a seeded user). */
async function newAccount(label: string): Promise<string> {
  const email = `${label}-${Date.now().toString(36)}@limits.test`;
  const [user] = await asAuth<{ id: string }>(
    ACCOUNTS_SERVER,
    'INSERT INTO users (id, email) VALUES (gen_random_uuid(), $1) RETURNING id',
    [email],
  );
  await asAuth(
    ACCOUNTS_SERVER,
    `INSERT INTO user_passwords (user_id, hash)
     SELECT $1, p.hash FROM user_passwords p JOIN users u ON u.id = p.user_id WHERE u.email = 'carol@consulting.test'`,
    [user?.id],
  );
  return email;
}

async function signInWith(page: Page, email: string, password: string): Promise<string> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  // next-auth's own client posts to its callback route: /api/auth/callback/password.
  await Promise.all([
    page.waitForResponse((response) => response.url().includes('/api/auth/callback/password')),
    page.getByRole('button', { name: 'Sign in', exact: true }).click(),
  ]);
  const error = page.getByTestId('sign-in-error');
  await expect(error).not.toBeEmpty();
  return (await error.textContent()) ?? '';
}

test('after 5 wrong passwords the account is locked for a minute, the right password included', async ({ page }) => {
  const email = await newAccount('guessed');
  await page.goto(`${ROOT}/signin`);
  for (let i = 0; i < 5; i += 1) {
    expect(await signInWith(page, email, `wrong guess ${i}`)).toBe('Wrong email or password.');
  }
  const locked = 'Too many sign-in attempts for this account. Try again in 1 minute.';
  expect(await signInWith(page, email, 'wrong guess 5')).toBe(locked);
  expect(await signInWith(page, email, PASSWORD)).toBe(locked);
  expect(page.url()).toBe(`${ROOT}/signin`);

  // The same words when next-auth redirects to the page itself (?error=…).
  await page.goto(`${ROOT}/signin?error=TooManyAttempts-4`);
  await expect(page.getByTestId('sign-in-error')).toHaveText(
    'Too many sign-in attempts for this account. Try again in 4 minutes.',
  );
});

test('a fourth sign-in link for one address in 15 minutes is refused, and only 3 are sent', async ({ page }) => {
  const email = `links-${Date.now().toString(36)}@limits.test`;
  for (let i = 0; i < 3; i += 1) {
    await page.goto(`${ROOT}/signin`);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.waitForURL(/\/signin\/check-email/);
  }
  await page.goto(`${ROOT}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveText(
    'Too many sign-in links for this address. Try again in 15 minutes.',
  );
  expect(await fetchEmails(mailCatcherUrl(), email)).toHaveLength(3);
});

test('a fourth password-reset request for one address is told to wait, and only 3 emails go out', async ({ page }) => {
  const email = await newAccount('reset');
  await page.goto(`${ROOT}/forgot-password`);
  for (let i = 0; i < 4; i += 1) {
    await page.getByLabel('Email').fill(email);
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByRole('button', { name: 'Send reset link' }).click(),
    ]);
    await expect(page.getByTestId('forgot-password-form-result')).toHaveText(
      i < 3
        ? `If ${email} has an account, a reset link is on its way. It works once, for an hour.`
        : 'Too many password-reset emails for this address. Try again in 15 minutes.',
    );
  }
  await expect.poll(() => fetchEmails(mailCatcherUrl(), email).then((emails) => emails.length)).toBe(3);
});
