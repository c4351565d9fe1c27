// Steps the SSO journeys share: an owner connecting an OIDC provider and proving an email domain on
// Settings → SSO & SCIM, and a person signing in on a test IdP's login page.
import { expect, type Page } from '@playwright/test';
import type { TestDnsServer } from '../../tests/support/dns-server';
import { asTenant } from './e2e-database';
import type { E2eServer } from './e2e-servers';

/** On the settings page: connect an OIDC provider (discovery is checked on save). */
export async function connectOidc(page: Page, provider: { issuer: string; clientId: string; clientSecret: string }) {
  const oidc = page.locator('#oidc-form');
  await oidc.getByLabel('Issuer URL').fill(provider.issuer);
  await oidc.getByLabel('Client id').fill(provider.clientId);
  await oidc.getByLabel('Client secret').fill(provider.clientSecret);
  await oidc.getByRole('button', { name: 'Save OpenID Connect' }).click();
  await expect(page.getByTestId('oidc-form-result')).toContainText('Saved');
}

/** On the settings page: claim an email domain, publish its TXT record in `dns`, check it. */
export async function verifyEmailDomain(
  page: Page,
  target: { dns: TestDnsServer; server: E2eServer; slug: string; domain: string },
) {
  const { dns, server, slug, domain } = target;
  const claim = page.locator('#claim-email-domain-form');
  await claim.getByLabel('Email domain').fill(domain);
  await claim.getByRole('button', { name: 'Claim' }).click();
  await expect(page.getByTestId('claim-email-domain-form-result')).toContainText(`_tenantry-challenge.${domain}`);
  const [row] = await asTenant<{ verification_token: string }>(
    slug,
    'SELECT verification_token FROM sso_email_domains WHERE domain = $1',
    [domain],
    server,
  );
  if (!row) throw new Error(`the claim of ${domain} was not stored`);
  dns.set(`_tenantry-challenge.${domain}`, 'TXT', [row.verification_token]);
  const listed = page.locator(`[data-testid="sso-email-domain"][data-domain="${domain}"]`);
  await listed.getByRole('button', { name: 'Check now' }).click();
  await expect(listed.getByTestId('sso-email-domain-status')).toHaveText('verified');
}

/** On a test IdP's login page (the OIDC and SAML test IdPs share it): who the person says they are. */
export async function signInAtIdp(page: Page, idpUrl: string, email: string) {
  await expect(page).toHaveURL(new RegExp(`^${idpUrl}/`));
  await page.locator('input[name="login"]').fill(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Removes a workspace's SSO settings, so a journey starts (and leaves) with none. */
export async function forgetSso(server: E2eServer, slugs: string[]) {
  for (const slug of slugs) {
    await asTenant(slug, 'DELETE FROM sso_connections', [], server);
    await asTenant(slug, 'DELETE FROM sso_email_domains', [], server);
  }
}
