'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { NameInput, NewPasswordInput } from '@/lib/accounts/account-input';
import { changePassword } from '@/lib/accounts/change-password';
import { renameAccount } from '@/lib/accounts/rename-account';
import { failure, success } from '@/lib/actions/action-state';
import { accountAction } from '@/lib/actions/root-actions';
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password';
import { isUniqueViolation } from '@/lib/db/unique-violation';
import { createWorkspace, slugProblem } from '@/lib/workspaces/create-workspace';
import { NewWorkspaceInput } from '@/lib/workspaces/new-workspace-input';
import { workspaceEntryUrl } from '@/lib/workspaces/workspace-url';

export const updateProfileAction = accountAction(z.object({ name: NameInput }), async ({ name }, { user }) => {
  await renameAccount(user.id, name);
  revalidatePath('/account');
  return success('Saved.');
});

const ChangePassword = z.object({
  currentPassword: z.string().max(PASSWORD_MAX_LENGTH),
  newPassword: NewPasswordInput,
});

export const changePasswordAction = accountAction(ChangePassword, async (input, { user, sessionFamilyId }) => {
  const result = await changePassword({ id: user.id, sessionFamilyId }, input.currentPassword, input.newPassword);
  if (!result.ok) return failure('Your password was not changed.', { [result.field]: [result.error] });
  return success('Password changed. Your other sessions were signed out.');
});

export const createWorkspaceAction = accountAction(NewWorkspaceInput, async (input, { user }) => {
  const problem = await slugProblem(input.slug);
  if (problem) return failure('Please correct the fields marked below.', { slug: [problem.error] });
  try {
    await createWorkspace({ name: input.workspaceName, slug: input.slug }, async () => user);
  } catch (error) {
    if (isUniqueViolation(error))
      return failure('Please correct the fields marked below.', { slug: ['That address was just taken.'] });
    throw error;
  }
  redirect(workspaceEntryUrl(input.slug));
});
