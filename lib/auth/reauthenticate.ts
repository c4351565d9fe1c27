// Changing how one signs in (a passkey, two-factor authentication, recovery codes) asks for proof
// beyond the session, so a session cookie stolen or a laptop left open is not enough to plant a way
// back in, or to take one away. The rule:
//  - the session must speak for the whole account: one opened through a workspace's IdP is good for
//    that workspace only, and must not enrol (or remove) factors that guard the person's others;
//  - an account with a password types its current password, guesses limited as at sign-in
//    (./check-current-password.ts);
//  - an account without one (magic link, OAuth, passkeys only) must have signed in on this session
//    within the last RECENT_SIGN_IN_MINUTES minutes: sign out and in again otherwise.
import 'server-only';
import { authDb } from '../db/auth-db';
import { checkCurrentPassword } from './check-current-password';
import { passwordHashOf } from './user-password';

export const RECENT_SIGN_IN_MINUTES = 5;

export const IDP_SESSION_REFUSAL =
  "You signed in through a workspace's single sign-on, which speaks for that workspace only. Sign in with your own account to change how you sign in.";

export type Reauthentication = { ok: true } | { ok: false; field: 'currentPassword'; error: string };

export async function reauthenticate(
  user: { id: string; sessionFamilyId: string },
  currentPassword: string | undefined,
): Promise<Reauthentication> {
  const session = await authDb().session.findFirst({
    where: { id: user.sessionFamilyId, userId: user.id },
    select: { createdAt: true, ssoTenantId: true },
  });
  if (session?.ssoTenantId) return { ok: false, field: 'currentPassword', error: IDP_SESSION_REFUSAL };
  const password = await checkCurrentPassword(user.id, currentPassword);
  if (password.state === 'right') return { ok: true };
  if (password.state === 'refused') return { ok: false, field: 'currentPassword', error: password.error };
  if (session && Date.now() - session.createdAt.getTime() <= RECENT_SIGN_IN_MINUTES * 60_000) return { ok: true };
  return {
    ok: false,
    field: 'currentPassword',
    error: `For your safety, sign out and sign in again first: this needs a sign-in within the last ${RECENT_SIGN_IN_MINUTES} minutes.`,
  };
}

/** Whether the form should ask for a password (the account has one). */
export async function hasPassword(userId: string): Promise<boolean> {
  return (await passwordHashOf(userId)) !== null;
}
