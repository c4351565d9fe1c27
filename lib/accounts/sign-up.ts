// A new account and its first workspace, in one transaction: either both exist or neither does.
import 'server-only';
import { hashPassword } from '../auth/password';
import { setPasswordHash } from '../auth/user-password';
import { globalDb } from '../db/global-db';
import { isUniqueViolation } from '../db/unique-violation';
import { ssoRouteForEmail } from '../sso/sso-route-for-email';
import { createWorkspace, slugProblem } from '../workspaces/create-workspace';

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
  try {
    const created = await createWorkspace({ name: input.workspaceName, slug: input.slug }, (tx) =>
      tx.user.create({
        data: { email: input.email, name: input.name },
        select: { id: true, email: true },
      }),
    );
    // After the workspace's transaction (app_user's) commits: the hash is auth_user's to write. Should
    // this fail, the account exists without a password, and "Forgot your password?" sets one.
    await setPasswordHash(created.owner.id, passwordHash);
    return { ok: true, userId: created.owner.id, slug: created.slug };
  } catch (error) {
    // Someone took the email or the address between our check and the insert.
    if (isUniqueViolation(error))
      return { ok: false, field: 'slug', error: 'That address was just taken. Choose another.' };
    throw error;
  }
}
