// SCIM end to end on the accounts server: an admin creates the token on the settings page (shown
// once), the "identity provider" (this test, over HTTP) provisions a user and a group with it, the
// admin maps the group to a role, and deactivation removes access. A member cannot see the page.
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { asTenant } from '../support/e2e-database';
import { ACCOUNTS_SERVER, origin } from '../support/e2e-servers';
import { signInAs } from '../support/sign-in-as';

const ACME = origin(ACCOUNTS_SERVER, 'acme');

function scim(
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const request = http.request(
      {
        host: '127.0.0.1',
        port: ACCOUNTS_SERVER.port,
        path: `/api/scim/v2${path}`,
        method,
        headers: {
          host: `acme.tenantry.test:${ACCOUNTS_SERVER.port}`,
          authorization: `Bearer ${token}`,
          'content-type': 'application/scim+json',
          ...(payload ? { 'content-length': String(Buffer.byteLength(payload)) } : {}),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, json: text ? JSON.parse(text) : {} }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

async function roleOf(email: string): Promise<string | null> {
  const [row] = await asTenant<{ role: string }>(
    'acme',
    'SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1',
    [email],
    ACCOUNTS_SERVER,
  );
  return row?.role ?? null;
}

test('token shown once → IdP provisions a user and a group → the group maps to admin → deactivation removes access', async ({
  page,
  context,
  browser,
}) => {
  await signInAs(context, ACCOUNTS_SERVER, 'alice@acme.test', 'acme.tenantry.test');
  await page.goto(`${ACME}/settings/sso`);
  await expect(page.getByTestId('scim-base-url')).toHaveText(`${ACME}/api/scim/v2`);
  await page.locator('#scim-token-form').getByRole('button').click();
  await expect(page.getByTestId('scim-token-form-result')).toContainText('scim_');
  const shown = (await page.getByTestId('scim-token-form-result').textContent()) ?? '';
  const token = /scim_[A-Za-z0-9_-]+/.exec(shown)?.[0];
  if (!token) throw new Error(`no token shown: ${shown}`);
  await page.reload();
  await expect(page.getByText(token)).toHaveCount(0);

  const email = `idp-${Date.now().toString(36)}@acme.test`;
  const user = await scim(token, 'POST', '/Users', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: email,
    name: { givenName: 'Ida', familyName: 'Provisioned' },
    emails: [{ value: email, primary: true }],
    active: true,
  });
  expect(user.status).toBe(201);
  expect(await roleOf(email)).toBe('member');
  const group = await scim(token, 'POST', '/Groups', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName: `Admins ${email}`,
    members: [{ value: user.json.id }],
  });
  expect(group.status).toBe(201);

  await page.reload();
  const row = page.locator(`[data-testid="scim-group"][data-name="Admins ${email}"]`);
  await row.getByRole('combobox').selectOption('admin');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByText('Saved.')).toBeVisible();
  expect(await roleOf(email)).toBe('admin');

  // Entra ID's shape of "deactivate".
  const deactivated = await scim(token, 'PATCH', `/Users/${String(user.json.id)}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
  });
  expect(deactivated.status).toBe(200);
  expect(await roleOf(email)).toBeNull();

  // Another workspace's host does not accept acme's token.
  const elsewhere = await new Promise<number>((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: ACCOUNTS_SERVER.port,
        path: '/api/scim/v2/Users',
        headers: { host: `globex.tenantry.test:${ACCOUNTS_SERVER.port}`, authorization: `Bearer ${token}` },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end();
  });
  expect(elsewhere).toBe(401);

  // A member cannot reach the settings page.
  const member = await browser.newContext();
  await signInAs(member, ACCOUNTS_SERVER, 'bob@acme.test', 'acme.tenantry.test');
  const memberPage = await member.newPage();
  expect((await memberPage.goto(`${ACME}/settings/sso`))?.status()).toBe(404);
  await member.close();
});
