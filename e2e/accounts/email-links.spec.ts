// Links in emails come from configuration (APP_URL and the workspace's stored slug), never from
// the request: a spoofed X-Forwarded-Host cannot point a magic link or an invitation at an
// attacker's site (THREATS.md, Hosts and routing).
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { clearEmailsVia, fetchEmails, linkIn, waitForEmailVia } from '../../tests/support/mail-catcher-client';
import { ACCOUNTS_SERVER, mailCatcherUrl, origin } from '../support/e2e-servers';
import { captureServerAction, cookieHeaderFor, replayServerAction } from '../support/server-action';
import { signInAs } from '../support/sign-in-as';

const ROOT = origin(ACCOUNTS_SERVER);
const EVIL = 'evil.example';

function post(path: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: ACCOUNTS_SERVER.port, path, method: 'POST', headers },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

test('a magic link requested with spoofed forwarding headers still points at APP_URL', async ({ page }) => {
  await clearEmailsVia(mailCatcherUrl());
  // next-auth's own CSRF dance, from a real page, then the request with hostile headers.
  await page.goto(`${ROOT}/signin`);
  const csrf = await page.evaluate(async () => (await (await fetch('/api/auth/csrf')).json()).csrfToken as string);
  const cookies = (await page.context().cookies(ROOT)).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  const status = await post(
    '/api/auth/signin/email',
    {
      host: `tenantry.test:${ACCOUNTS_SERVER.port}`,
      'x-forwarded-host': EVIL,
      forwarded: `host=${EVIL}`,
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookies,
    },
    new URLSearchParams({ csrfToken: csrf, email: 'bob@acme.test', callbackUrl: ROOT, json: 'true' }).toString(),
  );
  expect(status).toBeLessThan(400);
  const link = linkIn(await waitForEmailVia(mailCatcherUrl(), 'bob@acme.test'));
  expect(new URL(link).origin).toBe(ROOT);
  expect(link).not.toContain(EVIL);
});

test('an invitation POSTed with a spoofed forwarding host is refused and sends nothing', async ({ page, context }) => {
  await clearEmailsVia(mailCatcherUrl());
  await signInAs(context, ACCOUNTS_SERVER, 'alice@acme.test', 'acme.tenantry.test');
  await page.goto(`${origin(ACCOUNTS_SERVER, 'acme')}/settings/members`);
  const form = page.locator('#invite-form');
  const invitee = `spoof-${Date.now().toString(36)}@elsewhere.test`;
  await form.getByLabel('Email').fill(invitee);
  const invite = await captureServerAction(page, () => form.getByRole('button', { name: 'Send invitation' }).click());
  const link = linkIn(await waitForEmailVia(mailCatcherUrl(), invitee), /\/invite\//);
  expect(new URL(link).origin).toBe(origin(ACCOUNTS_SERVER, 'acme'));
  await clearEmailsVia(mailCatcherUrl());

  // Replayed with the owner's cookie and a hostile forwarding header: Next refuses an Origin that
  // does not match the forwarded host; with a matching hostile Origin, our same-origin check does.
  const cookies = await cookieHeaderFor(context, 'acme.tenantry.test');
  const spoofed = { 'x-forwarded-host': EVIL };
  const plain = await replayServerAction(invite, { cookies, extraHeaders: spoofed });
  expect(plain.text).not.toContain('Invitation sent');
  const withOrigin = await replayServerAction(invite, { cookies, extraHeaders: spoofed, origin: `http://${EVIL}` });
  expect(withOrigin.text).not.toContain('Invitation sent');
  await page.waitForTimeout(500);
  expect(await fetchEmails(mailCatcherUrl(), invitee)).toEqual([]);
});
