// The cookie that binds a pending sign-in to the browser that proved the first factor: the ticket
// itself (only its hash is stored). Host-only on the root site, where the second step is taken;
// __Host- over https so no subdomain can plant one.
import { appUrl } from '../app-url';
import type { CookieOptions } from '../session-cookie';
import { PENDING_SIGN_IN_TTL_SECONDS } from './pending-sign-in';

function secure(): boolean {
  return appUrl().protocol === 'https:';
}

export function pendingSignInCookieName(): string {
  return secure() ? '__Host-tenantry.second-factor' : 'tenantry.second-factor';
}

export function pendingSignInCookieOptions(): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: secure(), maxAge: PENDING_SIGN_IN_TTL_SECONDS };
}
