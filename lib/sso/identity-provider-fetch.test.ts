// Without SSO_ALLOW_HTTP (as in production): an owner's IdP URLs must be https and must not reach
// our own network, whatever the document behind them would say.
import { describe, expect, it } from 'vitest';
import { checkOidcDiscovery } from './check-oidc-discovery';
import { fetchIdentityProviderDocument } from './fetch-identity-provider-document';
import { checkIdentityProviderUrl } from './identity-provider-url';

describe('identity provider URLs', () => {
  it('must be https, without credentials or fragment', () => {
    expect(checkIdentityProviderUrl('http://idp.example.com', 'The issuer URL')).toMatchObject({
      ok: false,
      message: 'The issuer URL must start with https://.',
    });
    expect(checkIdentityProviderUrl('https://user:pw@idp.example.com', 'The issuer URL')).toMatchObject({ ok: false });
    expect(checkIdentityProviderUrl('https://idp.example.com/#x', 'The issuer URL')).toMatchObject({ ok: false });
    expect(checkIdentityProviderUrl('https://idp.example.com/tenant', 'The issuer URL')).toMatchObject({ ok: true });
  });

  it('are not fetched when they lead to a private, loopback or link-local address', async () => {
    for (const url of [
      'https://127.0.0.1:8443/x',
      'https://localhost/x',
      'https://169.254.169.254/latest',
      'https://[::1]/x',
    ]) {
      expect(await fetchIdentityProviderDocument(new URL(url), 'application/json')).toEqual({
        ok: false,
        message: `${new URL(url).host} is not a public internet address.`,
      });
    }
    expect(await checkOidcDiscovery('https://10.0.0.5')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a public internet address'),
    });
  });
});
