// The next-auth provider for one workspace's OIDC connection, built per request (the route handler
// asks for it only when the path names `sso-<slug>`). Its id carries the workspace, so a callback
// for workspace A is handled with A's issuer, client and keys, never B's.
import 'server-only';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { env } from '../env';
import { publicAddressLookup } from './public-address';
import { decryptSecret } from './secret-box';
import { workspaceSso } from './workspace-sso';

export const SSO_PROVIDER_PREFIX = 'sso-';

export type OidcProfile = { sub: string; email?: string; email_verified?: boolean | string; name?: string };

export type SsoSignInContext = { tenantId: string; provider: OAuthConfig<OidcProfile> };

export function ssoProviderId(slug: string): string {
  return `${SSO_PROVIDER_PREFIX}${slug}`;
}

export async function oidcSignInContext(providerId: string): Promise<SsoSignInContext | null> {
  if (!providerId.startsWith(SSO_PROVIDER_PREFIX)) return null;
  const found = await workspaceSso(providerId.slice(SSO_PROVIDER_PREFIX.length));
  const connection = found?.connection;
  if (!found || connection?.protocol !== 'oidc') return null;
  const { oidcIssuer, oidcClientId, oidcClientSecretEncrypted, oidcAuthorizationEndpoint, oidcTokenEndpoint } =
    connection;
  const { oidcUserinfoEndpoint, oidcJwksUri } = connection;
  if (!oidcIssuer || !oidcClientId || !oidcClientSecretEncrypted) return null;
  if (!oidcAuthorizationEndpoint || !oidcTokenEndpoint || !oidcJwksUri) return null;
  return {
    tenantId: found.tenant.id,
    provider: {
      id: providerId,
      name: `${found.tenant.name} single sign-on`,
      type: 'oauth',
      // The endpoints checked when the connection was saved, not a fresh discovery: a discovery
      // document changed later does not move where our server sends the code. (Objects, not
      // strings: next-auth strips a string endpoint's query.)
      issuer: oidcIssuer,
      authorization: { url: oidcAuthorizationEndpoint, params: { scope: 'openid email profile' } },
      token: { url: oidcTokenEndpoint },
      ...(oidcUserinfoEndpoint ? { userinfo: { url: oidcUserinfoEndpoint } } : {}),
      jwks_endpoint: oidcJwksUri,
      clientId: oidcClientId,
      clientSecret: decryptSecret(oidcClientSecretEncrypted, found.tenant.id),
      // And a DNS answer changed later cannot point it at our own network: openid-client resolves
      // the token and JWKS hosts through this lookup (next-auth applies it to openid-client as a whole).
      httpOptions: { timeout: 5_000, ...(env().SSO_ALLOW_HTTP ? {} : { lookup: publicAddressLookup }) },
      idToken: true,
      checks: ['pkce', 'state', 'nonce'],
      profile: (profile) => ({
        id: profile.sub,
        email: profile.email?.toLowerCase() ?? null,
        name: profile.name ?? null,
      }),
    },
  };
}
