'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { NewPasswordInput } from '@/lib/accounts/account-input';
import { completePasswordReset } from '@/lib/accounts/password-reset';
import { failure } from '@/lib/actions/action-state';
import { rootPublicAction } from '@/lib/actions/root-actions';

const Reset = z.object({ token: z.string().min(1).max(100), password: NewPasswordInput });

export const resetPasswordAction = rootPublicAction(Reset, async ({ token, password }) => {
  const result = await completePasswordReset(token, password);
  if (!result.ok) return failure(result.error);
  redirect('/signin?reset=1');
});
