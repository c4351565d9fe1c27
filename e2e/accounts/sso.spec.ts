// Single sign-on end to end on the accounts server, through a real OpenID Connect provider
// (oidc-provider on 127.0.0.1) and a real DNS server for the email-domain proof, both started here:
// an owner connects acme's IdP (discovery checked) and verifies an email domain; a new person signs
// in on acme's host and is provisioned just in time; the main sign-in page routes by email domain;
// the identity acme's IdP asserts is no use on globex; SSO-required refuses a password. Then SAML:
// globex connects a SAML IdP (a test IdP behind a real HTTP server) by metadata URL, a member signs
// in through it, and the same signed response posted again is refused.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { type BrowserContext, expect, test } from '@playwright/test';
import argon2 from 'argon2';
import { startDnsServer, type TestDnsServer } from '../../tests/support/dns-server';
import { type OidcTestIdp, startOidcTestIdp } from '../../tests/support/oidc-test-idp';
import { type SamlTestIdpServer, startSamlTestIdpServer } from '../../tests/support/saml-test-idp-server';
import { verifiedCustomDomain } from '../support/custom-domains';
import { asApp, asAuth, asTenant } from '../support/e2e-database';
import { ACCOUNTS_SERVER, E2E_SSO, origin } from '../support/e2e-servers';
import { signInAs } from '../support/sign-in-as';
import { forgetSso, signInAtIdp, verifyEmailDomain } from '../support/sso-steps';

const ROOT = origin(ACCOUNTS_SERVER);
const ACME = origin(ACCOUNTS_SERVER, 'acme');
const GLOBEX = origin(ACCOUNTS_SERVER, 'globex');
const IDP_DOMAIN = 'acme-idp.test';
const CLIENT_SECRET = `e2e-secret-${randomUUID()}`;
const run = randomUUID().slice(0, 6);

let idp: OidcTestIdp;
let dns: TestDnsServer;
let samlIdp: SamlTestIdpServer;
let ssoContext: BrowserContext;

test.describe.configure({ mode: 'serial' });

const forgetSsoHere = () => forgetSso(ACCOUNTS_SERVER, ['acme', 'globex']);

test.beforeAll(async () => {
  await forgetSsoHere();
  idp = await startOidcTestIdp({
    port: E2E_SSO.accounts.oidcPort,
    clients: [
      { clientId: 'acme-e2e', clientSecret: CLIENT_SECRET, redirectUris: [`${ROOT}/api/auth/callback/sso-acme`] },
    ],
  });
  dns = await startDnsServer({ port: E2E_SSO.accounts.dnsPort });
  samlIdp = await startSamlTestIdpServer();
});
test.afterAll(async () => {
  await ssoContext?.close();
  await forgetSsoHere();
  await idp?.stop();
  await samlIdp?.stop();
  await dns?.close();
});

/** A form POST to the root site from this process (Node cannot resolve tenantry.test: Host header). */
function postForm(path: string, body: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: ACCOUNTS_SERVER.port,
        path,
        method: 'POST',
        headers: {
          host: `${ACCOUNTS_SERVER.root}:${ACCOUNTS_SERVER.port}`,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(Buffer.byteLength(body)),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

test('an owner connects acme’s OIDC provider and verifies an email domain through DNS', async ({ page, context }) => {
  await signInAs(context, ACCOUNTS_SERVER, 'alice@acme.test', 'acme.tenantry.test');
  await page.goto(`${ACME}/settings/sso`);
  await expect(page.getByTestId('oidc-redirect-uri')).toHaveText(`${ROOT}/api/auth/callback/sso-acme`);

  const oidc = page.locator('#oidc-form');
  await oidc.getByLabel('Issuer URL').fill(`${idp.issuer}/wrong`);
  await oidc.getByLabel('Client id').fill('acme-e2e');
  await oidc.getByLabel('Client secret').fill(CLIENT_SECRET);
  await oidc.getByRole('button', { name: 'Save OpenID Connect' }).click();
  await expect(page.getByTestId('oidc-form-result')).toContainText('Discovery failed');
  expect(await page.content()).not.toContain(CLIENT_SECRET);

  await oidc.getByLabel('Issuer URL').fill(idp.issuer);
  await oidc.getByLabel('Client secret').fill(CLIENT_SECRET);
  await oidc.getByRole('button', { name: 'Save OpenID Connect' }).click();
  await expect(page.getByTestId('oidc-form-result')).toContainText('Saved');
  await page.reload();
  await expect(page.getByTestId('sso-status')).toContainText(`Connected to ${idp.issuer}`);
  await expect(page.getByTestId('sso-needs-domain')).toBeVisible();
  expect(await page.content()).not.toContain(CLIENT_SECRET);

  await verifyEmailDomain(page, { dns, server: ACCOUNTS_SERVER, slug: 'acme', domain: IDP_DOMAIN });
  const audit = await asTenant<{ action: string }>(
    'acme',
    "SELECT action FROM audit_events WHERE action LIKE 'sso.%' ORDER BY created_at",
    [],
    ACCOUNTS_SERVER,
  );
  expect(audit.map((event) => event.action)).toEqual(
    expect.arrayContaining(['sso.connection.saved', 'sso.email_domain.claimed', 'sso.email_domain.verified']),
  );
});

test('a newcomer signs in on acme’s host through its IdP and is provisioned just in time', async ({ browser }) => {
  const email = `jit-${run}@${IDP_DOMAIN}`;
  ssoContext = await browser.newContext();
  const page = await ssoContext.newPage();
  await page.goto(`${ACME}/`);
  await expect(page).toHaveURL(new RegExp(`^${ROOT}/signin`));
  await page.getByTestId('workspace-sso').click();
  await signInAtIdp(page, idp.issuer, email);

  await expect(page).toHaveURL(`${ACME}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Inc.');
  await expect(page.getByText('Rocket Skates')).toBeVisible();
  const [member] = await asTenant<{ role: string }>(
    'acme',
    'SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1',
    [email],
    ACCOUNTS_SERVER,
  );
  expect(member?.role).toBe('member');
  const [provisioned] = await asTenant<{ target: string }>(
    'acme',
    "SELECT target FROM audit_events WHERE action = 'sso.member.provisioned' AND target = $1",
    [email],
    ACCOUNTS_SERVER,
  );
  expect(provisioned?.target).toBe(email);
});

test('on acme’s verified custom domain, sign-in through its IdP comes back by a handoff', async ({ browser }) => {
  const host = 'sso.acme-corp.test';
  const custom = `http://${host}:${ACCOUNTS_SERVER.port}`;
  const domainId = await verifiedCustomDomain(ACCOUNTS_SERVER, 'acme', host);

  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await expect(async () => {
    await page.goto(`${custom}/`);
    await page.waitForURL(new RegExp(`^${ROOT}/signin`), { timeout: 2_000 });
  }).toPass({ timeout: 10_000 });
  await page.getByTestId('workspace-sso').click();
  const email = `custom-${run}@${IDP_DOMAIN}`;
  await signInAtIdp(page, idp.issuer, email);
  await expect(page).toHaveURL(`${custom}/`);
  await expect(page.getByText('Rocket Skates')).toBeVisible();
  const [acme] = await asApp<{ id: string }>(ACCOUNTS_SERVER, "SELECT id FROM tenants WHERE slug = 'acme'");
  const [handed] = await asAuth<{ bound: boolean }>(
    ACCOUNTS_SERVER,
    `SELECT s.sso_tenant_id = $3 AS bound
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 AND s.host = $2`,
    [email, host, acme?.id],
  );
  expect(handed).toEqual({ bound: true });
  await visitor.close();
  await asTenant('acme', 'DELETE FROM domains WHERE id = $1', [domainId], ACCOUNTS_SERVER);
});

test('acme’s IdP identity is refused on globex, even for a globex member', async ({ browser }) => {
  const email = `jit-${run}@${IDP_DOMAIN}`;
  const [user] = await asApp<{ id: string }>(ACCOUNTS_SERVER, 'SELECT id FROM users WHERE email = $1', [email]);
  await asTenant(
    'globex',
    "INSERT INTO memberships (id, user_id, role) VALUES (gen_random_uuid(), $1, 'member')",
    [user?.id],
    ACCOUNTS_SERVER,
  );
  const page = await ssoContext.newPage();
  await page.goto(`${GLOBEX}/`);
  await expect(page).toHaveURL(new RegExp(`^${ROOT}/signin`));
  await expect(page.getByTestId('sso-session-elsewhere')).toBeVisible();
  await expect(page.getByText('Doomsday Device')).toHaveCount(0);

  // And acme's IdP cannot vouch for a globex address at all: nothing is created.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  const spy = `spy-${run}@globex.test`;
  await strangerPage.goto(`${ROOT}/signin/sso?workspace=acme`);
  await signInAtIdp(strangerPage, idp.issuer, spy);
  await expect(strangerPage).toHaveURL(new RegExp(`^${ROOT}/signin\\?error=SsoDomainNotVerified`));
  await expect(strangerPage.getByTestId('sign-in-error')).toContainText(
    'not in an email domain the workspace has verified',
  );
  expect(await asApp(ACCOUNTS_SERVER, 'SELECT id FROM users WHERE email = $1', [spy])).toHaveLength(0);
  await stranger.close();
});

test('the main sign-in page routes an email to its workspace’s IdP; SSO-required refuses a password', async ({
  page,
  context,
  browser,
}) => {
  const pat = `pat-${run}@${IDP_DOMAIN}`;
  const [user] = await asAuth<{ id: string }>(
    ACCOUNTS_SERVER,
    'INSERT INTO users (id, email, email_verified) VALUES (gen_random_uuid(), $1, now()) RETURNING id',
    [pat],
  );
  await asAuth(ACCOUNTS_SERVER, 'INSERT INTO user_passwords (user_id, hash) VALUES ($1, $2)', [
    user?.id,
    await argon2.hash('pat-password-123'),
  ]);
  await asTenant(
    'acme',
    "INSERT INTO memberships (id, user_id, role) VALUES (gen_random_uuid(), $1, 'member')",
    [user?.id],
    ACCOUNTS_SERVER,
  );

  await signInAs(context, ACCOUNTS_SERVER, 'alice@acme.test', 'acme.tenantry.test');
  await page.goto(`${ACME}/settings/sso`);
  const policy = page.locator('#sso-policy-form');
  await policy.getByLabel(/Require single sign-on/).check();
  await policy.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByTestId('sso-policy-form-result')).toContainText('SSO is now required');

  const visitor = await browser.newContext();
  const signIn = await visitor.newPage();
  await signIn.goto(`${ROOT}/signin`);
  await signIn.getByLabel('Email').fill(pat);
  await signIn.getByLabel('Password').fill('pat-password-123');
  await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(signIn.getByTestId('sign-in-error')).toContainText('requires single sign-on');
  expect(await visitor.cookies(ROOT)).not.toContainEqual(expect.objectContaining({ name: 'tenantry.session' }));

  await signIn.getByRole('button', { name: 'Continue with single sign-on' }).click();
  await signInAtIdp(signIn, idp.issuer, pat);
  await expect(signIn).toHaveURL(`${ACME}/`);
  await expect(signIn.getByText('Rocket Skates')).toBeVisible();
  // Linked, not duplicated.
  expect(await asApp(ACCOUNTS_SERVER, 'SELECT id FROM users WHERE email = $1', [pat])).toEqual([{ id: user?.id }]);
  await visitor.close();
});

test('globex connects a SAML IdP by metadata URL; a member signs in through it; a replayed response is refused', async ({
  page,
  context,
  browser,
}) => {
  const domain = 'globex-idp.test';
  await signInAs(context, ACCOUNTS_SERVER, 'grace@globex.test', 'globex.tenantry.test');
  await page.goto(`${GLOBEX}/settings/sso`);
  await expect(page.getByTestId('saml-acs-url')).toHaveText(`${ROOT}/api/sso/saml/globex/acs`);
  const saml = page.locator('#saml-form');
  await saml.getByLabel('…or its URL').fill(`${samlIdp.url}/metadata`);
  await saml.getByRole('button', { name: 'Save SAML' }).click();
  await expect(page.getByTestId('saml-form-result')).toContainText('Saved');
  await page.reload();
  await expect(page.getByTestId('sso-status')).toContainText(`Connected to ${samlIdp.idp.entityId} (SAML 2.0`);

  await verifyEmailDomain(page, { dns, server: ACCOUNTS_SERVER, slug: 'globex', domain });

  const visitor = await browser.newContext();
  const signIn = await visitor.newPage();
  let posted: string | null = null;
  signIn.on('request', (request) => {
    if (request.method() === 'POST' && request.url() === `${ROOT}/api/sso/saml/globex/acs`) posted = request.postData();
  });
  await signIn.goto(`${GLOBEX}/`);
  await signIn.getByTestId('workspace-sso').click();
  await signInAtIdp(signIn, samlIdp.url, `sam-${run}@${domain}`);
  await expect(signIn).toHaveURL(`${GLOBEX}/`);
  await expect(signIn.getByText('Doomsday Device')).toBeVisible();
  await expect(signIn.getByText('Rocket Skates')).toHaveCount(0);
  await visitor.close();

  // The very response the browser posted, posted again: refused, and no session cookie.
  expect(posted).toContain('SAMLResponse=');
  const replay = await postForm('/api/sso/saml/globex/acs', posted ?? '');
  expect(replay.status).toBe(303);
  expect(replay.headers.location).toBe(`${ROOT}/signin?error=SsoFailed`);
  expect(String(replay.headers['set-cookie'] ?? '')).not.toContain('tenantry.session');
});
