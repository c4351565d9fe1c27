// The current password, asked again before a signed-in person changes how they sign in (a new
// password, a passkey added or removed, TOTP set up or removed). A stolen session must not make
// that form a way to guess the password at argon2's pace: each check spends the account's sign-in
// budget (lib/rate-limit/sign-in-limits.ts), shared with the sign-in form, and a right password
// clears it as a sign-in does.
import 'server-only';
import { authDb } from '../db/auth-db';
import { refusalMessage } from '../rate-limit/limit-refusal';
import { requestClientIp } from '../rate-limit/request-client-ip';
import { defaultSignInLimits, type signInLimits } from '../rate-limit/sign-in-limits';
import { verifyPassword } from './password';

export const NOT_CURRENT_PASSWORD = 'That is not your current password.';

export type CurrentPasswordCheck =
  | { state: 'no-password' } // the account signs in without one
  | { state: 'right' }
  | { state: 'refused'; error: string };

export async function checkCurrentPassword(
  userId: string,
  password: string | undefined,
  limits: ReturnType<typeof signInLimits> = defaultSignInLimits(),
): Promise<CurrentPasswordCheck> {
  const user = await authDb().user.findFirst({
    where: { id: userId },
    select: { email: true, emailVerified: true, password: { select: { hash: true } } },
  });
  if (!user?.password) return { state: 'no-password' };
  // An empty field guesses nothing: it costs no attempt.
  if (!password) return { state: 'refused', error: NOT_CURRENT_PASSWORD };
  const attempt = await limits.begin(user.email, await requestClientIp());
  if (attempt.refusal) return { state: 'refused', error: refusalMessage(attempt.refusal, 'password attempts') };
  if (!(await verifyPassword(user.password.hash, password))) return { state: 'refused', error: NOT_CURRENT_PASSWORD };
  await attempt.succeeded({ mailboxProven: user.emailVerified !== null });
  return { state: 'right' };
}
