// Changing a password from the account page: the current one is always required, so a stolen
// session alone cannot lock the owner out. An account without one (magic link, OAuth) sets its
// first password through the reset email, which proves the mailbox. Other sessions are ended.
import 'server-only';
import { hashPassword, verifyPassword } from '../auth/password';
import { endOtherSessionFamilies } from '../auth/session-store';
import { passwordHashOf, setPasswordHash } from '../auth/user-password';

export type ChangePasswordResult = { ok: true } | { ok: false; field: 'currentPassword'; error: string };

export async function changePassword(
  user: { id: string; sessionFamilyId: string },
  currentPassword: string,
  newPassword: string,
): Promise<ChangePasswordResult> {
  const stored = await passwordHashOf(user.id);
  if (!stored) {
    return {
      ok: false,
      field: 'currentPassword',
      error: 'You have no password yet. Use “Forgot your password?” on the sign-in page to set one by email.',
    };
  }
  if (!(await verifyPassword(stored, currentPassword))) {
    return { ok: false, field: 'currentPassword', error: 'That is not your current password.' };
  }
  await setPasswordHash(user.id, await hashPassword(newPassword));
  await endOtherSessionFamilies(user.id, user.sessionFamilyId);
  return { ok: true };
}
