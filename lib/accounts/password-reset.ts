// Password reset by email: a single-use token, valid for an hour, stored hashed in
// verification_tokens. Completing it proves the mailbox, sets the password and signs the user out
// everywhere (whoever knew the old password is out too), and forgives the account's failed
// sign-ins. Asking never reveals whether an account exists, and is limited per address and per
// network whether or not one does (lib/rate-limit/address-request-limits.ts).
import 'server-only';
import { appUrl } from '../auth/app-url';
import { hashPassword } from '../auth/password';
import { hashToken, randomToken } from '../auth/random-token';
import { endAllSessionsOf } from '../auth/session-store';
import { setPasswordHash } from '../auth/user-password';
import { authDb } from '../db/auth-db';
import { passwordResetEmail } from '../email/email-templates';
import { sendEmail } from '../email/send-email';
import { limitAddressRequest } from '../rate-limit/address-request-limits';
import { refusalMessage } from '../rate-limit/limit-refusal';
import { defaultSignInLimits } from '../rate-limit/sign-in-limits';

const RESET_TTL_MS = 60 * 60 * 1000;
const IDENTIFIER_PREFIX = 'password-reset:';

export type ResetResult = { ok: true } | { ok: false; error: string };

export async function requestPasswordReset(email: string, clientIp: string, send = sendEmail): Promise<ResetResult> {
  const refusal = await limitAddressRequest('password-reset', email, clientIp);
  if (refusal) return { ok: false, error: refusalMessage(refusal, 'password-reset emails') };
  const user = await authDb().user.findFirst({ where: { email }, select: { id: true } });
  if (!user) return { ok: true };
  const token = randomToken();
  await authDb().verificationToken.create({
    data: {
      identifier: `${IDENTIFIER_PREFIX}${user.id}`,
      token: hashToken(token),
      expires: new Date(Date.now() + RESET_TTL_MS),
    },
  });
  const url = new URL('/reset-password', appUrl());
  url.searchParams.set('token', token);
  await send({ to: email, ...passwordResetEmail({ url: url.toString() }) });
  return { ok: true };
}

export async function completePasswordReset(token: string, newPassword: string): Promise<ResetResult> {
  // The token is consumed before the (deliberately slow) hash, so only a real link costs a hash.
  // Deleted as it is read: a second use of the same link finds nothing.
  const [used] = await authDb().$queryRaw<{ identifier: string }[]>`
    DELETE FROM verification_tokens
     WHERE token = ${hashToken(token)} AND starts_with(identifier, ${IDENTIFIER_PREFIX}) AND expires > now()
    RETURNING identifier`;
  if (!used) return { ok: false, error: 'This reset link has expired or was already used. Ask for a new one.' };
  const userId = used.identifier.slice(IDENTIFIER_PREFIX.length);
  const hash = await hashPassword(newPassword);
  const { email } = await authDb().$transaction(async (tx) => {
    await setPasswordHash(userId, hash, tx);
    return tx.user.update({ where: { id: userId }, data: { emailVerified: new Date() }, select: { email: true } });
  });
  await endAllSessionsOf(userId);
  await defaultSignInLimits().forgive(email);
  return { ok: true };
}
