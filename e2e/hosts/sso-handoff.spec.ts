// Single sign-on on a host the session cookie cannot reach. On this server (ROOT_DOMAIN=localhost)
// every workspace host is such a host, as a custom domain is in production: the sign-in runs on the
// root site, through acme's OIDC provider, and the session comes to acme.localhost by a handoff.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { startDnsServer, type TestDnsServer } from '../../tests/support/dns-server';
import { type OidcTestIdp, startOidcTestIdp } from '../../tests/support/oidc-test-idp';
import { asApp, asAuth } from '../support/e2e-database';
import { E2E_SSO, HOSTS_SERVER, origin } from '../support/e2e-servers';
import { signInAs } from '../support/sign-in-as';
import { connectOidc, forgetSso, signInAtIdp, verifyEmailDomain } from '../support/sso-steps';

const ROOT = origin(HOSTS_SERVER);
const ACME = origin(HOSTS_SERVER, 'acme');
const DOMAIN = 'acme-hosts-idp.test';
const CLIENT = { clientId: 'acme-hosts', clientSecret: `secret-${randomUUID()}` };

let idp: OidcTestIdp;
let dns: TestDnsServer;

test.beforeAll(async () => {
  await forgetSso(HOSTS_SERVER, ['acme']);
  idp = await startOidcTestIdp({
    port: E2E_SSO.hosts.oidcPort,
    clients: [{ ...CLIENT, redirectUris: [`${ROOT}/api/auth/callback/sso-acme`] }],
  });
  dns = await startDnsServer({ port: E2E_SSO.hosts.dnsPort });
});
test.afterAll(async () => {
  await forgetSso(HOSTS_SERVER, ['acme']);
  await idp?.stop();
  await dns?.close();
});

test('signing in through acme’s IdP on a host the cookie cannot reach goes through a handoff', async ({
  page,
  context,
  browser,
}) => {
  await signInAs(context, HOSTS_SERVER, 'alice@acme.test', 'acme.localhost');
  await page.goto(`${ACME}/settings/sso`);
  await connectOidc(page, { issuer: idp.issuer, ...CLIENT });
  await verifyEmailDomain(page, { dns, server: HOSTS_SERVER, slug: 'acme', domain: DOMAIN });

  const visitor = await browser.newContext();
  const signIn = await visitor.newPage();
  await signIn.goto(`${ACME}/`);
  await expect(signIn).toHaveURL(new RegExp(`^${ROOT}/signin\\?callbackUrl=.*auth%2Fhandoff`));
  await signIn.getByTestId('workspace-sso').click();
  const email = `handed-${randomUUID().slice(0, 6)}@${DOMAIN}`;
  await signInAtIdp(signIn, idp.issuer, email);

  await expect(signIn).toHaveURL(`${ACME}/`);
  await expect(signIn.getByText('Rocket Skates')).toBeVisible();
  const [acme] = await asApp<{ id: string }>(HOSTS_SERVER, "SELECT id FROM tenants WHERE slug = 'acme'");
  const [session] = await asAuth<{ host: string; bound: boolean }>(
    HOSTS_SERVER,
    `SELECT s.host, s.sso_tenant_id = $2 AS bound
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 AND s.host IS NOT NULL`,
    [email, acme?.id],
  );
  // The handed session lives on acme's host only, and is bound to acme's IdP like its parent.
  expect(session).toEqual({ host: 'acme.localhost', bound: true });
  await visitor.close();
});
