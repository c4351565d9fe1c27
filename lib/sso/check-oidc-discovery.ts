// "Discovery checked on save": before an OIDC connection is stored, its issuer must publish a
// discovery document that names itself as that issuer (OpenID Connect Discovery §4.3) and the
// endpoints sign-in needs, each under the same rules as the issuer. A typo is caught on the
// settings page, not at a user's first sign-in; the endpoints are stored and used as checked.
import 'server-only';
import { z } from 'zod';
import { env } from '../env';
import { fetchIdentityProviderDocument } from './fetch-identity-provider-document';
import { checkIdentityProviderUrl } from './identity-provider-url';
import { resolvesToPublicAddresses } from './public-address';

const DiscoveryDocument = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  userinfo_endpoint: z.url().optional(),
  response_types_supported: z.array(z.string()).optional(),
});

export type OidcEndpoints = { authorization: string; token: string; userinfo: string | null; jwks: string };
export type DiscoveryCheck = { ok: true; issuer: string; endpoints: OidcEndpoints } | { ok: false; message: string };

export async function checkOidcDiscovery(issuerInput: string): Promise<DiscoveryCheck> {
  const checked = checkIdentityProviderUrl(issuerInput, 'The issuer URL');
  if (!checked.ok) return checked;
  const issuer = checked.url.href.replace(/\/$/, '');
  const wellKnown = new URL(`${issuer}/.well-known/openid-configuration`);
  const fetched = await fetchIdentityProviderDocument(wellKnown, 'application/json');
  if (!fetched.ok) return { ok: false, message: `Discovery failed: ${fetched.message}` };
  let json: unknown;
  try {
    json = JSON.parse(fetched.body);
  } catch {
    return { ok: false, message: `Discovery failed: ${wellKnown.href} is not JSON.` };
  }
  const document = DiscoveryDocument.safeParse(json);
  if (!document.success) {
    return { ok: false, message: `Discovery failed: ${wellKnown.href} lacks the endpoints sign-in needs.` };
  }
  if (document.data.issuer.replace(/\/$/, '') !== issuer) {
    return {
      ok: false,
      message: `Discovery failed: the provider calls itself ${document.data.issuer}, not ${issuer}.`,
    };
  }
  // All https; our server itself calls the token and JWKS endpoints at sign-in, so those must also
  // be public (the authorization endpoint is only where the browser goes, and may be an intranet).
  const { authorization_endpoint, token_endpoint, userinfo_endpoint, jwks_uri } = document.data;
  for (const endpoint of [
    authorization_endpoint,
    token_endpoint,
    jwks_uri,
    ...(userinfo_endpoint ? [userinfo_endpoint] : []),
  ]) {
    const endpointCheck = checkIdentityProviderUrl(endpoint, `The provider's endpoint ${endpoint}`);
    if (!endpointCheck.ok) return { ok: false, message: `Discovery failed: ${endpointCheck.message}` };
    const calledByServer = endpoint === token_endpoint || endpoint === jwks_uri;
    if (calledByServer && !env().SSO_ALLOW_HTTP && !(await resolvesToPublicAddresses(endpointCheck.url.hostname))) {
      return { ok: false, message: `Discovery failed: ${endpointCheck.url.host} is not a public internet address.` };
    }
  }
  if (document.data.response_types_supported && !document.data.response_types_supported.includes('code')) {
    return { ok: false, message: 'Discovery failed: the provider does not support the authorization code flow.' };
  }
  return {
    ok: true,
    issuer: document.data.issuer,
    endpoints: {
      authorization: authorization_endpoint,
      token: token_endpoint,
      userinfo: userinfo_endpoint ?? null,
      jwks: jwks_uri,
    },
  };
}
