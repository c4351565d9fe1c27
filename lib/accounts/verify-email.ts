// Opening the verification link: the token is consumed as it is read (DELETE … RETURNING), and the
// address it names is marked proven, if that is still the account's address. Nothing else: no
// session is read, opened or changed, so a link opened in a browser signed in as someone else
// verifies the link's own address and signs nobody in.
import 'server-only';
import { hashToken } from '../auth/random-token';
import { authDb } from '../db/auth-db';
import { EMAIL_VERIFICATION_PREFIX } from './send-email-verification';

export type VerifyEmailResult = { ok: true; email: string } | { ok: false };

// randomToken()'s shape: anything else is not one of ours, and costs no query.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export async function verifyEmail(token: string): Promise<VerifyEmailResult> {
  if (!TOKEN_SHAPE.test(token)) return { ok: false };
  const [used] = await authDb().$queryRaw<{ identifier: string }[]>`
    DELETE FROM verification_tokens
     WHERE token = ${hashToken(token)} AND starts_with(identifier, ${EMAIL_VERIFICATION_PREFIX}) AND expires > now()
    RETURNING identifier`;
  if (!used) return { ok: false };
  const named = used.identifier.slice(EMAIL_VERIFICATION_PREFIX.length);
  const separator = named.indexOf(':');
  const [userId, email] = [named.slice(0, separator), named.slice(separator + 1)];
  const account = await authDb().user.findFirst({ where: { id: userId, email }, select: { emailVerified: true } });
  if (!account) return { ok: false };
  if (!account.emailVerified) {
    await authDb().user.updateMany({
      where: { id: userId, email, emailVerified: null },
      data: { emailVerified: new Date() },
    });
  }
  return { ok: true, email };
}
