// The verification link, answered on its page (app/verify-email): opening it changes nothing (mail
// scanners open links), the person then says whether they created the account. "Yes" consumes the
// token (DELETE … RETURNING) and marks the address proven, if that is still the account's address.
// "No" consumes it and forgets what the account's creator set up (password, sessions, factors):
// someone signed up with this mailbox's address, and its owner must not vouch for them by clicking.
// No session is read, opened or changed, so a link opened while signed in as someone else touches
// only the link's own address and signs nobody in.
import 'server-only';
import { hashToken } from '../auth/random-token';
import { authDb } from '../db/auth-db';
import { forgetUnprovenAccountOf } from './forget-unproven-account';
import { EMAIL_VERIFICATION_PREFIX } from './send-email-verification';

export type VerifyEmailResult = { ok: true; email: string } | { ok: false };

// randomToken()'s shape: anything else is not one of ours, and costs no query.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The address a live link would verify, without using it; null for anything else. */
export async function pendingEmailVerification(token: string): Promise<{ email: string } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [live] = await authDb().$queryRaw<{ identifier: string }[]>`
    SELECT identifier FROM verification_tokens
     WHERE token = ${hashToken(token)} AND starts_with(identifier, ${EMAIL_VERIFICATION_PREFIX}) AND expires > now()`;
  return live ? { email: namedBy(live.identifier).email } : null;
}

/** "I did not create this account": the link is used up, and the creator's credentials go. */
export async function disownAccount(token: string): Promise<VerifyEmailResult> {
  const named = await consume(token);
  if (!named) return { ok: false };
  const account = await authDb().user.findFirst({
    where: { id: named.userId, email: named.email },
    select: { id: true },
  });
  if (!account) return { ok: false };
  await forgetUnprovenAccountOf(named.email);
  return { ok: true, email: named.email };
}

export async function verifyEmail(token: string): Promise<VerifyEmailResult> {
  const named = await consume(token);
  if (!named) return { ok: false };
  const { userId, email } = named;
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

async function consume(token: string): Promise<{ userId: string; email: string } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [used] = await authDb().$queryRaw<{ identifier: string }[]>`
    DELETE FROM verification_tokens
     WHERE token = ${hashToken(token)} AND starts_with(identifier, ${EMAIL_VERIFICATION_PREFIX}) AND expires > now()
    RETURNING identifier`;
  return used ? namedBy(used.identifier) : null;
}

function namedBy(identifier: string): { userId: string; email: string } {
  const named = identifier.slice(EMAIL_VERIFICATION_PREFIX.length);
  const separator = named.indexOf(':');
  return { userId: named.slice(0, separator), email: named.slice(separator + 1) };
}
