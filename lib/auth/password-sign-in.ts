// Email + password sign-in (next-auth's credentials provider calls this): limited per account and
// per network before the password is even checked (lib/rate-limit/sign-in-limits.ts). A refusal is
// the same for an address with no account, so neither the answer nor the limit tells who has one.
import 'server-only';
import { z } from 'zod';
import { authDb } from '../db/auth-db';
import type { LimitRefusal } from '../rate-limit/limit-refusal';
import { defaultSignInLimits, type signInLimits } from '../rate-limit/sign-in-limits';
import { PASSWORD_MAX_LENGTH, verifyNothing, verifyPassword } from './password';

const PasswordSignIn = z.object({
  email: z.email().max(320).toLowerCase(),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export type PasswordSignInResult =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; refusal: LimitRefusal | null }; // null: wrong email or password

export async function signInWithPassword(
  credentials: unknown,
  clientIp: string,
  limits: ReturnType<typeof signInLimits> = defaultSignInLimits(),
): Promise<PasswordSignInResult> {
  const input = PasswordSignIn.safeParse(credentials);
  if (!input.success) return { ok: false, refusal: null };
  const attempt = await limits.begin(input.data.email, clientIp);
  if (attempt.refusal) return { ok: false, refusal: attempt.refusal };
  const user = await authDb().user.findFirst({
    where: { email: input.data.email },
    select: { id: true, email: true, name: true, emailVerified: true, password: { select: { hash: true } } },
  });
  const valid = user?.password
    ? await verifyPassword(user.password.hash, input.data.password)
    : await verifyNothing(input.data.password);
  if (!user || !valid) return { ok: false, refusal: null };
  await attempt.succeeded({ mailboxProven: user.emailVerified !== null });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
