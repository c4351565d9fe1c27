// Issue 11's account journeys on the accounts server: sign-up's verification email proves the
// address (opened in a browser signed in as someone else, it verifies that address only and signs
// nobody in), and the sessions page lists each browser and ends any one of them, or all but this.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { clearEmailsVia, linkIn, waitForEmailVia } from '../../tests/support/mail-catcher-client';
import { asApp } from '../support/e2e-database';
import { ACCOUNTS_SERVER, mailCatcherUrl, origin } from '../support/e2e-servers';
import { signInAs } from '../support/sign-in-as';

const ROOT = origin(ACCOUNTS_SERVER);
const PASSWORD = 'a long enough password';
const UA = {
  chrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  safari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  firefox: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
};

async function signUp(page: Page): Promise<{ email: string; slug: string }> {
  const slug = `proof${Date.now().toString(36)}`;
  const email = `owner-${slug}@proof.test`;
  await page.goto(`${ROOT}/signup`);
  await page.getByLabel('Your name').fill('Pat Proof');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Workspace name').fill('Proof Co');
  await page.getByLabel('Workspace address').fill(slug);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(`${origin(ACCOUNTS_SERVER, slug)}/`);
  return { email, slug };
}

async function browserSignedIn(browser: Browser, userAgent: string, email: string): Promise<Page> {
  const page = await (await browser.newContext({ userAgent })).newPage();
  await page.goto(`${ROOT}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/' || url.pathname === '/account'); // their workspace, or their account
  return page;
}

async function isSignedOut(page: Page): Promise<boolean> {
  await page.goto(`${ROOT}/account`);
  return new URL(page.url()).pathname === '/signin';
}

test('sign-up emails a link that verifies the address, once, whoever opens it', async ({ page, browser }) => {
  await clearEmailsVia(mailCatcherUrl());
  const { email, slug } = await signUp(page);
  const members = `${origin(ACCOUNTS_SERVER, slug)}/settings/members`;
  await page.goto(members);
  await expect(
    page.locator(`[data-testid="member-row"][data-email="${email}"]`).getByTestId('unverified-email'),
  ).toBeVisible();
  await page.goto(`${ROOT}/account`);
  await expect(page.getByTestId('email-status')).toContainText('Email not verified');

  const link = linkIn(
    await waitForEmailVia(mailCatcherUrl(), email, { subject: /Confirm your email/ }),
    /verify-email/,
  );
  expect(new URL(link).origin).toBe(ROOT);

  // Opened in a browser signed in as someone else: it verifies the link's address, not theirs,
  // and that browser stays who it was.
  const other = await browser.newContext();
  await signInAs(other, ACCOUNTS_SERVER, 'carol@consulting.test', 'tenantry.test');
  const [carolBefore] = await asApp<{ email_verified: Date | null }>(
    ACCOUNTS_SERVER,
    'SELECT email_verified FROM users WHERE email = $1',
    ['carol@consulting.test'],
  );
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  // Opening the link changes nothing (mail scanners open links): the reader answers.
  await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText('Is this your account?');
  await otherPage.getByRole('button', { name: `Yes, I created it: verify ${email}` }).click();
  await expect(otherPage.getByTestId('email-verified')).toHaveText(`${email} is verified`);
  await otherPage.goto(`${ROOT}/account`);
  await expect(otherPage.getByText('carol@consulting.test').first()).toBeVisible();
  const [carolAfter] = await asApp<{ email_verified: Date | null }>(
    ACCOUNTS_SERVER,
    'SELECT email_verified FROM users WHERE email = $1',
    ['carol@consulting.test'],
  );
  expect(carolAfter?.email_verified).toEqual(carolBefore?.email_verified);

  // Used once.
  await otherPage.goto(link);
  await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText('This link is not valid');
  await other.close();

  await page.goto(`${ROOT}/account`);
  await expect(page.getByTestId('email-status')).toHaveText(`${email} is verified.`);
  await page.goto(members);
  await expect(page.getByTestId('unverified-email')).toHaveCount(0);
});

test('the sessions page lists each browser; one can be ended, then all but this one', async ({ browser }) => {
  const mine = await (await browser.newContext({ userAgent: UA.chrome })).newPage();
  const { email } = await signUp(mine);
  const phone = await browserSignedIn(browser, UA.safari, email);
  const laptop = await browserSignedIn(browser, UA.firefox, email);

  await mine.goto(`${ROOT}/account`);
  await mine.getByTestId('sessions-link').click();
  await mine.waitForURL(`${ROOT}/account/sessions`);
  const sessions = mine.getByTestId('session');
  await expect(sessions).toHaveCount(3);
  await expect(sessions.first()).toContainText('Chrome on Linux');
  await expect(sessions.first().getByTestId('this-device')).toBeVisible();
  await expect(mine.getByTestId('this-device')).toHaveCount(1);
  await expect(sessions.filter({ hasText: 'Safari on iOS' })).toHaveCount(1);
  await expect(sessions.first().getByTestId('session-host')).toHaveText('Signed in on tenantry.test');

  // End the laptop's session only: its next request is signed out, the phone's is not.
  await sessions.filter({ hasText: 'Firefox on Windows' }).getByRole('button', { name: 'End' }).click();
  await expect(sessions).toHaveCount(2);
  expect(await isSignedOut(laptop)).toBe(true);
  expect(await isSignedOut(phone)).toBe(false);

  await mine.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(mine.getByTestId('sign-out-others-form-result')).toHaveText('Signed out of 1 other session.');
  await expect(sessions).toHaveCount(1);
  expect(await isSignedOut(phone)).toBe(true);
  expect(await isSignedOut(mine)).toBe(false);
});
