// API keys and the v1 API end to end on the accounts server: an admin creates a key on Settings →
// API keys (shown once), a script calls the API with it through a client typed from the OpenAPI
// document (openapi-typescript + openapi-fetch) on the workspace's host and on api.<root>, the key
// is refused on another workspace's host and, once revoked, on the next request. The reference
// page renders.
import { expect, test } from '@playwright/test';
import createClient from 'openapi-fetch';
import { ACCOUNTS_SERVER, origin } from '../support/e2e-servers';
import { hostFetch } from '../support/host-fetch';
import { signInAs } from '../support/sign-in-as';
import type { paths } from '../support/tenantry-api';

const ACME = origin(ACCOUNTS_SERVER, 'acme');

const client = (host: string, key: string) =>
  createClient<paths>({
    baseUrl: `http://${host}:${ACCOUNTS_SERVER.port}`,
    headers: { authorization: `Bearer ${key}` },
    fetch: hostFetch(ACCOUNTS_SERVER.port),
  });

test('key shown once → a typed client lists and creates projects → refused on globex → revoked at once', async ({
  page,
  context,
}) => {
  await signInAs(context, ACCOUNTS_SERVER, 'alice@acme.test', 'acme.tenantry.test');
  await page.goto(`${ACME}/settings/api-keys`);
  const form = page.locator('#api-key-form');
  await form.getByLabel('Name').fill('e2e script');
  await form.getByLabel('projects:read').check();
  await form.getByLabel('projects:write').check();
  await form.getByRole('button', { name: 'Create key' }).click();
  const result = page.getByTestId('api-key-form-result');
  await expect(result).toContainText('tny_live_');
  const key = /tny_live_[A-Za-z0-9_-]{43}/.exec((await result.textContent()) ?? '')?.[0];
  if (!key) throw new Error('no key shown');
  await page.reload();
  await expect(page.getByText(key)).toHaveCount(0);
  await expect(page.locator('[data-testid="api-key"][data-name="e2e script"]')).toContainText(key.slice(0, 15));

  const acme = client('acme.tenantry.test', key);
  const listed = await acme.GET('/v1/projects', { params: { query: { limit: 5 } } });
  expect(listed.response.status, JSON.stringify(listed.error)).toBe(200);
  expect(listed.data?.data.length).toBeGreaterThan(0);
  expect(listed.response.headers.get('ratelimit-limit')).toMatch(/^\d+$/);

  const name = `From the API ${Date.now().toString(36)}`;
  const retryKey = crypto.randomUUID();
  const created = await client('api.tenantry.test', key).POST('/v1/projects', {
    body: { name },
    headers: { 'idempotency-key': retryKey },
  });
  expect(created.response.status, JSON.stringify(created.error)).toBe(201);
  expect(created.data?.name).toBe(name);
  const replayed = await acme.POST('/v1/projects', { body: { name }, headers: { 'idempotency-key': retryKey } });
  expect(replayed.data?.id).toBe(created.data?.id);

  const elsewhere = await client('globex.tenantry.test', key).GET('/v1/projects', { params: { query: {} } });
  expect(elsewhere.response.status).toBe(403);
  expect(elsewhere.error).toMatchObject({ code: 'wrong_workspace' });
  const noScope = await acme.GET('/v1/members', { params: { query: {} } });
  expect(noScope.error).toMatchObject({ code: 'insufficient_scope' });

  await page.reload();
  const row = page.locator('[data-testid="api-key"][data-name="e2e script"]');
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row.getByText('Revoked.')).toBeVisible();
  await expect(row).toContainText('revoked');
  await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
  const revoked = await acme.GET('/v1/projects', { params: { query: {} } });
  expect(revoked.response.status).toBe(401);
  expect(revoked.error).toMatchObject({ code: 'api_key_revoked' });
});

test('the reference page renders the document', async ({ page }) => {
  // Through the browser: it resolves *.tenantry.test (--host-resolver-rules), page.request does not.
  const document = await page.goto(`${ACME}/v1/openapi.json`);
  if (!document) throw new Error('no response');
  expect(document.status()).toBe(200);
  expect((await document.json()).openapi).toBe('3.1.0');
  const reference = await page.goto(`${ACME}/v1/docs`);
  expect(reference?.status()).toBe(200);
  await expect(page).toHaveTitle(/Tenantry API reference/);
});
