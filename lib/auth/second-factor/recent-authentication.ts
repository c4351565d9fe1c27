// Changing a second factor asks the person to prove again who they are, so a stolen session alone
// cannot turn two-factor authentication off or on: the current password (guesses limited as at
// sign-in: ../check-current-password.ts), or, for an account without one (magic link, OAuth, SSO),
// a sign-in within the last ten minutes.
import 'server-only';
import { authDb } from '../../db/auth-db';
import { checkCurrentPassword } from '../check-current-password';
import { passwordHashOf } from '../user-password';

export const FRESH_SIGN_IN_MINUTES = 10;

/** An error to show beside the form, or null when the person has just proven who they are. */
export async function reauthenticationProblem(
  user: { id: string; sessionFamilyId: string },
  currentPassword: string | undefined,
): Promise<string | null> {
  const password = await checkCurrentPassword(user.id, currentPassword);
  if (password.state !== 'no-password') return password.state === 'right' ? null : password.error;
  const session = await authDb().session.findFirst({
    where: { id: user.sessionFamilyId, userId: user.id },
    select: { createdAt: true },
  });
  const fresh = session && session.createdAt.getTime() > Date.now() - FRESH_SIGN_IN_MINUTES * 60_000;
  return fresh
    ? null
    : `For your security, sign out and sign in again, then do this within ${FRESH_SIGN_IN_MINUTES} minutes.`;
}

/** Whether the account has a password to ask for (the forms show the field only then). */
export async function hasPassword(userId: string): Promise<boolean> {
  return (await passwordHashOf(userId)) !== null;
}
