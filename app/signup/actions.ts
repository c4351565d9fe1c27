'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { EmailInput, NameInput, NewPasswordInput } from '@/lib/accounts/account-input';
import { signUp } from '@/lib/accounts/sign-up';
import { failure } from '@/lib/actions/action-state';
import { rootPublicAction } from '@/lib/actions/root-actions';
import { startMainSession } from '@/lib/auth/start-session';
import { NewWorkspaceInput } from '@/lib/workspaces/new-workspace-input';
import { workspaceEntryUrl } from '@/lib/workspaces/workspace-url';

const SignUp = z
  .object({ name: NameInput, email: EmailInput, password: NewPasswordInput })
  .extend(NewWorkspaceInput.shape);

export const signUpAction = rootPublicAction(SignUp, async (input) => {
  const result = await signUp(input);
  if (!result.ok) return failure('Please correct the fields marked below.', { [result.field]: [result.error] });
  await startMainSession(result.userId, null, ['pwd']);
  redirect(workspaceEntryUrl(result.slug));
});
