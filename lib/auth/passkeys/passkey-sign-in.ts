// A passwordless sign-in with a passkey: the assertion verified (./verify-passkey-assertion.ts),
// then the same refusal every other way in gets where a workspace requires SSO for the address's
// domain, then the methods the session will record. A passkey whose authenticator verified the
// user (PIN, biometric) is two factors in one: something held and something known or been.
import 'server-only';
import { authDb } from '../../db/auth-db';
import { ssoRouteForEmail } from '../../sso/sso-route-for-email';
import type { AuthenticationResponse } from './passkey-response-input';
import { verifyPasskeyAssertion } from './verify-passkey-assertion';

export type PasskeySignIn =
  | { ok: true; userId: string; amr: string[] }
  | { ok: false; code: 'PasskeyFailed' }
  | { ok: false; code: 'SsoRequired'; email: string };

export async function signInWithPasskey(
  challengeToken: string | undefined,
  response: AuthenticationResponse,
): Promise<PasskeySignIn> {
  const assertion = await verifyPasskeyAssertion(null, challengeToken, response);
  if (!assertion.ok) return { ok: false, code: 'PasskeyFailed' };
  const user = await authDb().user.findFirst({ where: { id: assertion.userId }, select: { email: true } });
  if (!user) return { ok: false, code: 'PasskeyFailed' };
  if ((await ssoRouteForEmail(user.email))?.ssoRequired) return { ok: false, code: 'SsoRequired', email: user.email };
  return { ok: true, userId: assertion.userId, amr: amrOf(assertion.userVerified) };
}

export function amrOf(userVerified: boolean): string[] {
  return userVerified ? ['passkey', 'user-verified', 'mfa'] : ['passkey'];
}
