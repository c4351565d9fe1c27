// Binds a handoff to the browser that started it, like OAuth's state parameter: the workspace host
// sets a random value in its own cookie before sending the browser to sign in, and only a handoff
// minted for that value is redeemed there. A handoff link minted by someone else (login CSRF:
// "click this to be signed in as me") fails, because the victim's browser lacks the matching cookie.
import type { CookieOptions } from '../session-cookie';

/** __Host- over https, so a sibling subdomain of a customer's domain cannot plant a known state. */
export function handoffStateCookieName(secure: boolean): string {
  return secure ? '__Host-tenantry.handoff-state' : 'tenantry.handoff-state';
}
export const HANDOFF_STATE_MAX_AGE_SECONDS = 10 * 60;
export const HANDOFF_TOKEN_TTL_MS = 60_000;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function isTokenShaped(value: string | null | undefined): value is string {
  return typeof value === 'string' && TOKEN_SHAPE.test(value);
}

export function handoffStateCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: HANDOFF_STATE_MAX_AGE_SECONDS };
}
