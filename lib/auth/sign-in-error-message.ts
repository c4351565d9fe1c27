// The sign-in page's error codes (next-auth's, single sign-on refusals, rate limits) in words a
// person can act on. Pure: the page and the sign-in form both use it.
import { parseRefusalCode, refusalMessage } from '../rate-limit/limit-refusal';
import { isSsoRefusalCode, SSO_REFUSALS } from '../sso/sso-refusal';

const NEXT_AUTH_ERRORS: Record<string, string> = {
  CredentialsSignin: 'Wrong email or password.',
  EmailSignin: 'We could not send a sign-in link to that address.',
  Verification: 'That sign-in link has expired or was already used. Ask for a new one.',
  OAuthAccountNotLinked: 'This email already has an account. Sign in the way you did before.',
};

export function signInErrorMessage(code: string): string {
  if (isSsoRefusalCode(code)) return SSO_REFUSALS[code];
  const refusal = parseRefusalCode(code);
  // Only sign-in links are limited per address; password attempts per account and per network.
  if (refusal) return refusalMessage(refusal, refusal.scope === 'address' ? 'sign-in links' : 'sign-in attempts');
  return NEXT_AUTH_ERRORS[code] ?? 'Sign-in failed. Try again.';
}
