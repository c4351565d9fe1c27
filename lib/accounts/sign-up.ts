// A new account (with its password, lib/accounts/create-password-account.ts) and its first workspace:
// if the workspace cannot be created, the new account is removed again, so either both exist or neither.
import 'server-only';
import { hashPassword } from '../auth/password';
import { globalDb } from '../db/global-db';
import { isUniqueViolation } from '../db/unique-violation';
import { ssoRouteForEmail } from '../sso/sso-route-for-email';
import { createWorkspace, slugProblem } from '../workspaces/create-workspace';
import { createPasswordAccount } from './create-password-account';
import { deleteNewAccount } from './delete-new-account';

export type SignUpInput = { name: string; email: string; password: string; workspaceName: string; slug: string };
export type SignUpResult =
  | { ok: true; userId: string; slug: string }
  | { ok: false; field: 'email' | 'slug'; error: string };

export async function signUp(input: SignUpInput): Promise<SignUpResult> {
  // An address whose organisation requires SSO gets no password account: its IdP decides who it is.
  if ((await ssoRouteForEmail(input.email))?.ssoRequired) {
    return {
      ok: false,
      field: 'email',
      error: 'Your organisation requires single sign-on for this address. Sign in with SSO instead.',
    };
  }
  if (await globalDb().user.findFirst({ where: { email: input.email }, select: { id: true } })) {
    return { ok: false, field: 'email', error: 'An account with this email already exists. Sign in instead.' };
  }
  const problem = await slugProblem(input.slug);
  if (problem) return { ok: false, ...problem };
  const passwordHash = await hashPassword(input.password);
  let owner: { id: string; email: string };
  try {
    owner = await createPasswordAccount({ email: input.email, name: input.name, passwordHash });
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, field: 'email', error: 'An account with this email already exists. Sign in instead.' };
    throw error;
  }
  try {
    const created = await createWorkspace({ name: input.workspaceName, slug: input.slug }, async () => owner);
    return { ok: true, userId: owner.id, slug: created.slug };
  } catch (error) {
    await deleteNewAccount(owner.id);
    // Someone took the address between our check and the insert.
    if (isUniqueViolation(error))
      return { ok: false, field: 'slug', error: 'That address was just taken. Choose another.' };
    throw error;
  }
}
