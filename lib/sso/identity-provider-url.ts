// The URLs an admin gives us for their identity provider (OIDC issuer, SAML metadata) are fetched by
// our server, so they are checked first: https only (plain http only where SSO_ALLOW_HTTP says so,
// for local test IdPs), no credentials in the URL, no fragment.
import { env } from '../env';

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string };

export function checkIdentityProviderUrl(value: string, label: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, message: `${label} must be a full URL, e.g. https://idp.example.com.` };
  }
  const httpAllowed = env().SSO_ALLOW_HTTP;
  if (url.protocol !== 'https:' && !(httpAllowed && url.protocol === 'http:')) {
    return { ok: false, message: `${label} must start with https://.` };
  }
  if (url.username || url.password) return { ok: false, message: `${label} must not contain a user name or password.` };
  if (url.hash) return { ok: false, message: `${label} must not contain a #fragment.` };
  return { ok: true, url };
}
