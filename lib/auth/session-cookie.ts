// Where the session cookie goes. On a real root domain it is set for the whole domain, so one
// sign-in covers every workspace subdomain. Browsers refuse Domain=localhost (and IP addresses), so
// in development each host keeps its own cookie. A host the cookie does not cover (a custom domain,
// or a subdomain of localhost) gets its own host-only cookie through a handoff (./handoff/).
import { env } from '../env';
import { appUrl } from './app-url';

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export type CookieOptions = {
  httpOnly: true;
  sameSite: 'lax';
  path: '/';
  secure: boolean;
  domain?: string;
  maxAge?: number;
};

function secure(): boolean {
  return appUrl().protocol === 'https:';
}

/**
 * Over https a host-only cookie is named __Host-…: browsers then refuse it from a sibling
 * subdomain (cookie tossing from www.acme-corp.com onto app.acme-corp.com). The shared cookie
 * needs a Domain attribute, so it can only be __Secure-….
 */
export function sessionCookieName(host: string): string {
  if (!secure()) return 'tenantry.session';
  return sessionCookieOptions(host).domain ? '__Secure-tenantry.session' : '__Host-tenantry.session';
}

/** The Domain attribute that shares the cookie across subdomains, or undefined when browsers refuse one. */
export function sharedCookieDomain(): string | undefined {
  const root = env().ROOT_DOMAIN;
  const isIpAddress = /^[\d.]+$/.test(root) || root.includes(':');
  return root.includes('.') && !isIpAddress ? root : undefined;
}

/** True when the main session cookie reaches this (normalised) host. */
export function cookieCoversHost(host: string): boolean {
  const root = env().ROOT_DOMAIN;
  if (host === root) return true;
  return sharedCookieDomain() !== undefined && host.endsWith(`.${root}`);
}

export function sessionCookieOptions(host: string): CookieOptions {
  const domain = cookieCoversHost(host) ? sharedCookieDomain() : undefined;
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: secure(), ...(domain ? { domain } : {}) };
}
