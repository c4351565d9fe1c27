// "Discovery checked on save": before an OIDC connection is stored, its issuer must publish a
// discovery document that names itself as that issuer (OpenID Connect Discovery §4.3) and the
// endpoints sign-in needs. A typo is caught on the settings page, not at a user's first sign-in.
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
  response_types_supported: z.array(z.string()).optional(),
});

export type DiscoveryCheck = { ok: true; issuer: string } | { ok: false; message: string };

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
  // Sign-in calls these from our server too: they get the same rules as the issuer.
  for (const endpoint of [document.data.authorization_endpoint, document.data.token_endpoint, document.data.jwks_uri]) {
    const endpointCheck = checkIdentityProviderUrl(endpoint, `The provider's endpoint ${endpoint}`);
    if (!endpointCheck.ok) return { ok: false, message: `Discovery failed: ${endpointCheck.message}` };
    if (!env().SSO_ALLOW_HTTP && !(await resolvesToPublicAddresses(endpointCheck.url.hostname))) {
      return { ok: false, message: `Discovery failed: ${endpointCheck.url.host} is not a public internet address.` };
    }
  }
  if (document.data.response_types_supported && !document.data.response_types_supported.includes('code')) {
    return { ok: false, message: 'Discovery failed: the provider does not support the authorization code flow.' };
  }
  return { ok: true, issuer: document.data.issuer };
}
