'use server';
import { z } from 'zod';
import { EmailInput } from '@/lib/accounts/account-input';
import { requestPasswordReset } from '@/lib/accounts/password-reset';
import { failure, success } from '@/lib/actions/action-state';
import { rootPublicAction } from '@/lib/actions/root-actions';
import { requestClientIp } from '@/lib/rate-limit/request-client-ip';

export const requestPasswordResetAction = rootPublicAction(z.object({ email: EmailInput }), async ({ email }) => {
  const result = await requestPasswordReset(email, await requestClientIp());
  if (!result.ok) return failure(result.error);
  return success(`If ${email} has an account, a reset link is on its way. It works once, for an hour.`);
});
