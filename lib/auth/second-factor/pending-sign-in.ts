// A sign-in whose first factor is proven and whose second is still owed (docs/decisions/018). No
// session exists until the second factor is proven: the browser holds a random ticket (a cookie,
// ./pending-sign-in-cookie.ts) whose hash keys a row that allows 5 attempts within 5 minutes, and is
// deleted by the attempt that succeeds. Across tickets a user gets 20 attempts per 15 minutes, so
// starting new sign-ins (which needs the password) does not buy unlimited guesses.
import 'server-only';
import { authDb } from '../../db/auth-db';
import { hashToken, randomToken } from '../random-token';
import { SECOND_FACTORS } from './second-factor';

export const PENDING_SIGN_IN_MAX_ATTEMPTS = 5;
export const PENDING_SIGN_IN_TTL_SECONDS = 5 * 60;
export const USER_ATTEMPTS_MAX = 20;
export const USER_ATTEMPTS_WINDOW_SECONDS = 15 * 60;

/** How the first factor was proven, as the session's amr will record it. */
export const FIRST_FACTORS = ['pwd', 'email', 'oauth', 'passkey'] as const;
export type FirstFactor = (typeof FIRST_FACTORS)[number];

export function isFirstFactor(value: string): value is FirstFactor {
  return (FIRST_FACTORS as readonly string[]).includes(value);
}

export type SecondStepResult =
  | { ok: true; userId: string; amr: string[]; callbackUrl: string; factor: string }
  | { ok: false; reason: 'expired' }
  | { ok: false; reason: 'wrong'; attemptsLeft: number };

// first_factor is only ever written from a FirstFactor (startPendingSignIn).
type Ticket = { user_id: string; first_factor: FirstFactor; callback_url: string; attempts: number };

/** Opens the second step for this user; returns the ticket for the browser's cookie. */
export async function startPendingSignIn(input: {
  userId: string;
  firstFactor: FirstFactor;
  callbackUrl: string;
}): Promise<string> {
  const token = randomToken();
  const windowStart = new Date(Date.now() - USER_ATTEMPTS_WINDOW_SECONDS * 1000);
  // Tickets older than the window count for nothing any more.
  await authDb().pendingSignIn.deleteMany({ where: { userId: input.userId, createdAt: { lt: windowStart } } });
  await authDb().pendingSignIn.create({
    data: {
      tokenHash: hashToken(token),
      userId: input.userId,
      firstFactor: input.firstFactor,
      callbackUrl: input.callbackUrl,
      expiresAt: new Date(Date.now() + PENDING_SIGN_IN_TTL_SECONDS * 1000),
    },
    select: { tokenHash: true },
  });
  return token;
}

/** One attempt at the second step with this ticket and proof (a code, a recovery code, …). */
export async function completePendingSignIn(token: string, proof: string): Promise<SecondStepResult> {
  const tokenHash = hashToken(token);
  // The attempt is counted before the proof is checked, in one statement: concurrent attempts
  // cannot slip past the limits.
  const [ticket] = await authDb().$queryRaw<Ticket[]>`
    UPDATE pending_sign_ins p SET attempts = attempts + 1
     WHERE token_hash = ${tokenHash} AND expires_at > ${new Date()} AND attempts < ${PENDING_SIGN_IN_MAX_ATTEMPTS}
       AND (SELECT coalesce(sum(o.attempts), 0) FROM pending_sign_ins o
             WHERE o.user_id = p.user_id
               AND o.created_at > now() - make_interval(secs => ${USER_ATTEMPTS_WINDOW_SECONDS})) < ${USER_ATTEMPTS_MAX}
    RETURNING user_id::text AS user_id, first_factor, callback_url, attempts`;
  if (!ticket) return { ok: false, reason: 'expired' };

  const factor = SECOND_FACTORS.find((candidate) => candidate.accepts(proof));
  const context = { pendingSignInId: tokenHash, firstFactor: ticket.first_factor };
  const proven = factor ? await factor.verify(ticket.user_id, proof, context) : false;
  if (!factor || !proven) {
    return { ok: false, reason: 'wrong', attemptsLeft: PENDING_SIGN_IN_MAX_ATTEMPTS - ticket.attempts };
  }
  // Single use: whichever attempt deletes the ticket opens the session.
  const used = await authDb().pendingSignIn.deleteMany({ where: { tokenHash } });
  if (used.count !== 1) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    userId: ticket.user_id,
    amr: [ticket.first_factor, ...factor.amr],
    callbackUrl: ticket.callback_url,
    factor: factor.kind,
  };
}
