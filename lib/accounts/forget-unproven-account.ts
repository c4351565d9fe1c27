// Someone vouched for an address: its owner proved the mailbox (a magic link), or the IdP of the
// workspace that verified its domain named it (SSO, SCIM). Sign-up proves no mailbox, so whoever
// registered the address before may not be its owner: if nobody had proven it yet, what they set
// up goes (the password, every session, every linked sign-in), and the address counts as proven
// from now on. Runs in the caller's transaction, before anything new is linked or signed in.
// The one place that knows where an account's credentials live.
import 'server-only';
import { authDb } from '../db/auth-db';
import type { TenantTransaction } from '../db/tenant-db';

// An auth_user transaction (lib/db/auth-db.ts): only that role reaches credentials and sessions.
type AccountTables = Pick<
  TenantTransaction,
  | 'user'
  | 'userPassword'
  | 'session'
  | 'account'
  | 'passkey'
  | 'webauthnChallenge'
  | 'userTotp'
  | 'userRecoveryCode'
  | 'pendingSignIn'
>;

/** True when an unproven account's credentials were dropped. */
export async function forgetUnprovenAccount(tx: AccountTables, email: string): Promise<boolean> {
  const unproven = await tx.user.findFirst({
    where: { email: email.toLowerCase(), emailVerified: null },
    select: { id: true },
  });
  if (!unproven) return false;
  await tx.user.update({ where: { id: unproven.id }, data: { emailVerified: new Date() }, select: { id: true } });
  await tx.userPassword.deleteMany({ where: { userId: unproven.id } });
  await tx.session.deleteMany({ where: { userId: unproven.id } });
  await tx.account.deleteMany({ where: { userId: unproven.id } });
  await tx.passkey.deleteMany({ where: { userId: unproven.id } });
  await tx.webauthnChallenge.deleteMany({ where: { userId: unproven.id } });
  // A second factor the unproven holder enrolled would lock the owner out (and stay theirs).
  await tx.userTotp.deleteMany({ where: { userId: unproven.id } });
  await tx.userRecoveryCode.deleteMany({ where: { userId: unproven.id } });
  await tx.pendingSignIn.deleteMany({ where: { userId: unproven.id } });
  return true;
}

/** The same, in a transaction of its own (SCIM, magic links: nothing else to link in it). */
export function forgetUnprovenAccountOf(email: string): Promise<boolean> {
  return authDb().$transaction((tx) => forgetUnprovenAccount(tx, email));
}
