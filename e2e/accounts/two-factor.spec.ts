// Two-factor authentication in the browser (docs/decisions/018), on the accounts server: enrol an
// authenticator app with a code computed here, sign in with the second step, wrong and used codes
// refused; an owner requires it and a member without it cannot enter until enrolled.
import { base32 } from '@otplib/plugin-base32-scure';
import { crypto } from '@otplib/plugin-crypto-node';
import { generate } from '@otplib/totp';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { asAuth, asTenant } from '../support/e2e-database';
import { ACCOUNTS_SERVER, origin } from '../support/e2e-servers';

const ROOT = origin(ACCOUNTS_SERVER);
const PASSWORD = 'a long enough password';

/** A code for the step `steps` after the current one (0: now, 1: the next, still accepted). */
const totp = (secret: string, steps = 0) => generate({ secret, crypto, base32, epoch: Date.now() / 1000 + steps * 30 });

async function signUp(browser: Browser, label: string) {
  const page = await (await browser.newContext()).newPage();
  const slug = `${label}${Date.now().toString(36)}`;
  const email = `${slug}@two-factor.test`;
  await page.goto(`${ROOT}/signup`);
  await page.getByLabel('Your name').fill(label);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Workspace name').fill(`${label} Co`);
  await page.getByLabel('Workspace address').fill(slug);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(`${origin(ACCOUNTS_SERVER, slug)}/`);
  // A factor is added only to a proven mailbox; the verification link's journey has its own spec.
  await asAuth(ACCOUNTS_SERVER, 'UPDATE users SET email_verified = now() WHERE email = $1', [email]);
  return { page, slug, email, workspace: origin(ACCOUNTS_SERVER, slug) };
}

/** On the account page: set up TOTP, refusing a wrong code first. Returns the secret and recovery codes. */
async function enrol(page: Page) {
  await page.goto(`${ROOT}/account`);
  await page.locator('#totp-start-form').getByLabel('Current password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const confirm = page.locator('#totp-confirm-form');
  await confirm
    .getByLabel('Code from the app')
    .fill(String((Number(await totp(secret)) + 1) % 1_000_000).padStart(6, '0'));
  await confirm.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByTestId('totp-confirm-form-result')).toContainText('not right');
  await confirm.getByLabel('Code from the app').fill(await totp(secret));
  await confirm.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  const recoveryCodes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
  return { secret, recoveryCodes };
}

async function signOutAndIn(page: Page, email: string, callbackUrl: string) {
  await page.goto(`${ROOT}/account`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/signedOut=1/);
  await page.goto(`${ROOT}/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${ROOT}/signin/second-factor`);
  // The password alone opened no session.
  expect((await page.context().cookies()).find((cookie) => cookie.name === 'tenantry.session')).toBeUndefined();
}

async function secondStep(page: Page, code: string) {
  await page.getByLabel('Authentication code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

test('enrol an authenticator app, then sign in with a code; wrong codes refused, a recovery code works once', async ({
  browser,
}) => {
  const { page, email, workspace, slug } = await signUp(browser, 'tfa');
  const { secret, recoveryCodes } = await enrol(page);

  await signOutAndIn(page, email, `${workspace}/`);
  await secondStep(page, '000000');
  await expect(page.getByTestId('second-factor-form-result')).toHaveText('That code is not right. 4 attempts left.');
  // The enrolment's code is used up; the next step's is good.
  await secondStep(page, await totp(secret, 1));
  await page.waitForURL(`${workspace}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('tfa Co');

  const [recovery, spare] = recoveryCodes;
  if (!recovery || !spare) throw new Error('no recovery codes');
  await signOutAndIn(page, email, `${workspace}/`);
  await secondStep(page, recovery);
  await page.waitForURL(`${workspace}/`);

  await signOutAndIn(page, email, `${workspace}/`);
  await secondStep(page, recovery);
  await expect(page.getByTestId('second-factor-form-result')).toContainText('not right');
  await secondStep(page, spare);
  await page.waitForURL(`${workspace}/`);

  // The workspace's audit log shows that two-factor authentication turned on; the person's own
  // account log, also the recovery codes used (the account page lists it).
  const events = await asTenant<{ action: string }>(slug, 'SELECT action FROM audit_events', [], ACCOUNTS_SERVER);
  expect(events.map((event) => event.action)).toContain('two_factor.enrolled');
  expect(events.map((event) => event.action)).not.toContain('two_factor.recovery_code_used');
  await page.goto(`${ROOT}/account`);
  await expect(page.getByTestId('security-event')).toHaveText([
    /Recovery code used \(8 left\)/,
    /Recovery code used \(9 left\)/,
    /Authenticator app turned on/,
  ]);
});

test('an owner requires two-factor authentication; a member without it cannot enter until enrolled', async ({
  browser,
}) => {
  const owner = await signUp(browser, 'tfowner');
  const member = await signUp(browser, 'tfmember');
  const [memberUser] = await asTenant<{ id: string }>(
    member.slug,
    'SELECT user_id AS id FROM memberships',
    [],
    ACCOUNTS_SERVER,
  );
  await asTenant(
    owner.slug,
    "INSERT INTO memberships (id, user_id, role) VALUES (gen_random_uuid(), $1, 'member')",
    [memberUser?.id],
    ACCOUNTS_SERVER,
  );

  // Without a second factor of their own, the owner is told, not locked out.
  const policy = async () => {
    await owner.page.goto(`${owner.workspace}/settings/security`);
    await owner.page.getByLabel('Require two-factor authentication of every member').selectOption('yes');
    await owner.page.getByRole('button', { name: 'Save' }).click();
  };
  await policy();
  await expect(owner.page.getByTestId('two-factor-policy-form-result')).toContainText('for yourself first');
  await enrol(owner.page);
  await policy();
  await expect(owner.page.getByTestId('two-factor-policy-form-result')).toContainText('Saved');
  await owner.page.goto(`${owner.workspace}/`);
  await expect(owner.page.getByRole('heading', { level: 1 })).toHaveText('tfowner Co');

  // The member is sent to set it up, from every page of the workspace.
  for (const path of ['/', '/settings/members']) {
    await member.page.goto(`${owner.workspace}${path}`);
    await expect(member.page.getByTestId('two-factor-required')).toHaveText(
      'tfowner Co requires two-factor authentication',
    );
  }
  // Their own workspace does not require it.
  await member.page.goto(`${member.workspace}/`);
  await expect(member.page.getByRole('heading', { level: 1 })).toHaveText('tfmember Co');

  await enrol(member.page);
  await member.page.goto(`${owner.workspace}/`);
  await expect(member.page.getByRole('heading', { level: 1 })).toHaveText('tfowner Co');
});
