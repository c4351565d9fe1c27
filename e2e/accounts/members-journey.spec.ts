// The members journey on the accounts server: an owner invites by email, the invitee signs in with
// a magic link and accepts on the workspace's host, sees its data but not its admin pages or
// actions, and a demotion or removal applies to their very next request.
import { expect, test } from '@playwright/test';
import { clearEmailsVia, linkIn, waitForEmailVia } from '../../tests/support/mail-catcher-client';
import { asTenant } from '../support/e2e-database';
import { ACCOUNTS_SERVER, mailCatcherUrl, origin } from '../support/e2e-servers';
import { captureServerAction, cookieHeaderFor, replayServerAction } from '../support/server-action';
import { signInAs } from '../support/sign-in-as';

const ACME = origin(ACCOUNTS_SERVER, 'acme');

test('invite → accept on the workspace host → member sees data, not admin pages → demoted, then removed', async ({
  browser,
}) => {
  const invitee = `ivan-${Date.now().toString(36)}@invitee.test`;
  await clearEmailsVia(mailCatcherUrl());

  // The owner invites an admin.
  const owner = await browser.newContext();
  await signInAs(owner, ACCOUNTS_SERVER, 'alice@acme.test', 'acme.tenantry.test');
  const ownerPage = await owner.newPage();
  await ownerPage.goto(`${ACME}/settings/members`);
  const inviteForm = ownerPage.locator('#invite-form');
  await inviteForm.getByLabel('Email').fill(invitee);
  await inviteForm.getByLabel('Role').selectOption('admin');
  const invite = await captureServerAction(ownerPage, () =>
    inviteForm.getByRole('button', { name: 'Send invitation' }).click(),
  );
  await expect(ownerPage.getByTestId('invite-form-result')).toContainText(invitee);
  const email = await waitForEmailVia(mailCatcherUrl(), invitee);
  const inviteLink = linkIn(email, /\/invite\//);
  expect(inviteLink.startsWith(`${ACME}/invite/`)).toBe(true);

  // The invitee has no account: the invitation sends them to sign in, by magic link, and back.
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(inviteLink);
  await guestPage.waitForURL(/tenantry\.test:3101\/signin/);
  await guestPage.getByLabel('Email').fill(invitee);
  await guestPage.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await guestPage.waitForURL(/check-email/);
  const signInMail = await waitForEmailVia(mailCatcherUrl(), invitee, { subject: /sign in/i });
  await guestPage.goto(linkIn(signInMail));
  await guestPage.getByTestId('confirm-magic-link').click();
  await guestPage.waitForURL(inviteLink);
  await guestPage.getByRole('button', { name: 'Accept invitation' }).click();
  await guestPage.waitForURL(`${ACME}/`);
  await expect(guestPage.getByText('Rocket Skates')).toBeVisible();
  await expect(guestPage.getByTestId('signed-in-as')).toContainText('admin');

  // Used once: the same link again is refused.
  await guestPage.goto(inviteLink);
  await expect(guestPage.getByTestId('invitation-notice')).toBeVisible();

  // As an admin, the audit log is theirs to read.
  await guestPage.goto(`${ACME}/settings/audit-log`);
  await expect(guestPage.getByRole('heading', { level: 1 })).toContainText('Audit log');
  await expect(guestPage.locator('[data-action="invitation.accepted"]').first()).toBeVisible();

  // The owner demotes them: their next request to an admin page is refused …
  const roleForm = ownerPage.locator(`[id="role-form-${invitee}"]`);
  await ownerPage.reload();
  await roleForm.getByLabel('Role').selectOption('member');
  await roleForm.getByRole('button', { name: 'Save' }).click();
  await expect(ownerPage.getByTestId(`role-form-${invitee}-result`)).toContainText('member');
  const [membership] = await asTenant<{ role: string }>(
    'acme',
    'SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1',
    [invitee],
    ACCOUNTS_SERVER,
  );
  expect(membership?.role).toBe('member');
  const auditLog = await guestPage.goto(`${ACME}/settings/audit-log`);
  expect(auditLog?.status()).toBe(404);
  await guestPage.goto(`${ACME}/settings/members`);
  await expect(guestPage.locator('#invite-form')).toHaveCount(0);

  // … and the owner's invite action, POSTed directly with the member's cookies, is refused too.
  const before = await asTenant('acme', 'SELECT count(*)::int AS n FROM invitations', [], ACCOUNTS_SERVER);
  const replay = await replayServerAction(invite, { cookies: await cookieHeaderFor(guest, 'acme.tenantry.test') });
  expect(replay.text).toContain('Your role in this workspace does not allow this.');
  expect(await asTenant('acme', 'SELECT count(*)::int AS n FROM invitations', [], ACCOUNTS_SERVER)).toEqual(before);

  // Removed: the very next request shows no data.
  await ownerPage.reload();
  await ownerPage.locator(`[id="remove-form-${invitee}"]`).getByRole('button', { name: 'Remove' }).click();
  await expect(ownerPage.locator(`[data-testid="member-row"][data-email="${invitee}"]`)).toHaveCount(0);
  await guestPage.goto(`${ACME}/`);
  await expect(guestPage.getByTestId('no-access')).toBeVisible();
  await expect(guestPage.getByText('Rocket Skates')).toHaveCount(0);

  await owner.close();
  await guest.close();
});
