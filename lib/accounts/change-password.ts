// Changing a password from the account page: the current one is always required (and guessing it
// is limited like sign-in), so a stolen session alone cannot lock the owner out. An account without
// one (magic link, OAuth) sets its first password through the reset email, which proves the
// mailbox. Other sessions are ended.
import 'server-only';
import { checkCurrentPassword } from '../auth/check-current-password';
import { hashPassword } from '../auth/password';
import { endOtherSessionFamilies } from '../auth/session-store';
import { setPasswordHash } from '../auth/user-password';

export type ChangePasswordResult = { ok: true } | { ok: false; field: 'currentPassword'; error: string };

export async function changePassword(
  user: { id: string; sessionFamilyId: string },
  currentPassword: string,
  newPassword: string,
): Promise<ChangePasswordResult> {
  const check = await checkCurrentPassword(user.id, currentPassword);
  if (check.state === 'no-password') {
    return {
      ok: false,
      field: 'currentPassword',
      error: 'You have no password yet. Use “Forgot your password?” on the sign-in page to set one by email.',
    };
  }
  if (check.state === 'refused') return { ok: false, field: 'currentPassword', error: check.error };
  await setPasswordHash(user.id, await hashPassword(newPassword));
  await endOtherSessionFamilies(user.id, user.sessionFamilyId);
  return { ok: true };
}
