'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { EmailInput, NameInput, NewPasswordInput } from '@/lib/accounts/account-input';
import { sendEmailVerification } from '@/lib/accounts/send-email-verification';
import { signUp } from '@/lib/accounts/sign-up';
import { failure } from '@/lib/actions/action-state';
import { rootPublicAction } from '@/lib/actions/root-actions';
import { startMainSession } from '@/lib/auth/start-session';
import { limitAddressRequest } from '@/lib/rate-limit/address-request-limits';
import { refusalMessage } from '@/lib/rate-limit/limit-refusal';
import { requestClientIp } from '@/lib/rate-limit/request-client-ip';
import { NewWorkspaceInput } from '@/lib/workspaces/new-workspace-input';
import { workspaceEntryUrl } from '@/lib/workspaces/workspace-url';

const SignUp = z
  .object({ name: NameInput, email: EmailInput, password: NewPasswordInput })
  .extend(NewWorkspaceInput.shape);

export const signUpAction = rootPublicAction(SignUp, async (input) => {
  const refusal = await limitAddressRequest('sign-up', input.email, await requestClientIp());
  if (refusal) return failure(refusalMessage(refusal, 'sign-ups'));
  const result = await signUp(input);
  if (!result.ok) return failure('Please correct the fields marked below.', { [result.field]: [result.error] });
  await startMainSession(result.userId, null, ['pwd']);
  // Sign-up proves no mailbox: the link does. The account stands either way; if this email fails,
  // the account page offers a resend.
  await sendEmailVerification(result.userId).catch((error: unknown) => {
    console.error('[sign-up] the verification email was not sent', error);
  });
  redirect(workspaceEntryUrl(result.slug));
});
