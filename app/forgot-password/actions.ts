'use server';
import { z } from 'zod';
import { EmailInput } from '@/lib/accounts/account-input';
import { requestPasswordReset } from '@/lib/accounts/password-reset';
import { success } from '@/lib/actions/action-state';
import { rootPublicAction } from '@/lib/actions/root-actions';

export const requestPasswordResetAction = rootPublicAction(z.object({ email: EmailInput }), async ({ email }) => {
  await requestPasswordReset(email);
  return success(`If ${email} has an account, a reset link is on its way. It works once, for an hour.`);
});
