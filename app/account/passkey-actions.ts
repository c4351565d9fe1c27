'use server';
// Removing a passkey from the account page: re-authenticated like adding one
// (lib/auth/reauthenticate.ts), then a current second factor (a code, or a passkey's answer:
// lib/auth/passkeys/passkey-removal-proof.ts), and only one of the user's own. Adding one is a
// WebAuthn ceremony in the browser, through /api/passkeys/registration.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, success } from '@/lib/actions/action-state';
import { accountAction } from '@/lib/actions/root-actions';
import { passkeyRemovalAsks, provesPasskeyRemoval } from '@/lib/auth/passkeys/passkey-removal-proof';
import { removePasskey } from '@/lib/auth/passkeys/remove-passkey';
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password';
import { reauthenticate } from '@/lib/auth/reauthenticate';

const RemovePasskey = z.object({
  passkeyId: z.uuid(),
  currentPassword: z.string().max(PASSWORD_MAX_LENGTH).optional(),
  code: z.string().trim().max(64).optional(),
  assertion: z
    .string()
    .max(64 * 1024)
    .optional(),
});

export const removePasskeyAction = accountAction(RemovePasskey, async (input, { user, sessionId, sessionFamilyId }) => {
  const proof = await reauthenticate({ id: user.id, sessionFamilyId }, input.currentPassword);
  if (!proof.ok) return failure('The passkey was not removed.', { [proof.field]: [proof.error] });
  if (!(await provesPasskeyRemoval({ id: user.id, sessionFamilyId }, input))) {
    const asks = await passkeyRemovalAsks(user.id);
    return asks === 'code'
      ? failure('The passkey was not removed.', { code: ['Type a current code from your app, or a recovery code.'] })
      : failure('The passkey was not removed. Confirm with one of your passkeys.');
  }
  const removed = await removePasskey(user.id, input.passkeyId, sessionId);
  if (!removed.ok) return failure('That passkey was already removed.');
  revalidatePath('/account');
  return success(`Removed “${removed.name}”. It no longer signs you in.`);
});
