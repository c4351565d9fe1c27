// The challenge a WebAuthn ceremony signs: random (the library's 32 bytes), stored here and handed
// to nobody but the browser that asked. The row is found only through the hash of a random token in
// that browser's cookie (./challenge-cookie.ts), so another browser's answer, or an answer relayed
// from a phishing page that asked for its own challenge, finds no row or the wrong challenge. Taking
// it deletes it (single use, also when the answer then fails), and it expires after two minutes.
import 'server-only';
import { authDb } from '../../db/auth-db';
import { hashToken, randomToken } from '../random-token';

export const CHALLENGE_TTL_MS = 2 * 60 * 1000;

export type ChallengePurpose = 'registration' | 'authentication';
/** userId: who re-authenticated (registration) or whose second factor is asked for; null: anyone. */
export type StoredChallenge = { challenge: string; userId: string | null; passkeyName: string | null };

/**
 * The token of a second-step challenge: derived from the pending sign-in's id (its ticket's hash),
 * so the ticket's cookie is what binds it to the browser, and one sign-in has one live challenge.
 */
export function pendingSignInChallengeToken(pendingSignInId: string): string {
  return `pending-sign-in:${pendingSignInId}`;
}

/**
 * The token of the challenge a signed-in session answers before removing a passkey: derived from
 * the session's id, so the session cookie binds it to the browser, and one session has one live.
 */
export function passkeyRemovalChallengeToken(sessionFamilyId: string): string {
  return `passkey-removal:${sessionFamilyId}`;
}

/** Stores a challenge; returns the token for the asking browser's cookie (or the one given). */
export async function storeChallenge(
  purpose: ChallengePurpose,
  challenge: string,
  subject: { userId?: string; passkeyName?: string } = {},
  token: string = randomToken(),
): Promise<string> {
  const tokenHash = hashToken(token);
  // Housekeeping: ceremonies nobody finished, and the one this token asked for before (replaced).
  await authDb().webauthnChallenge.deleteMany({ where: { OR: [{ expiresAt: { lt: new Date() } }, { tokenHash }] } });
  await authDb().webauthnChallenge.create({
    data: {
      tokenHash,
      purpose,
      challenge,
      userId: subject.userId ?? null,
      passkeyName: subject.passkeyName ?? null,
      expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
    },
    select: { tokenHash: true },
  });
  return token;
}

/** The challenge this browser's token stands for, deleted as it is read; null if none is live. */
export async function takeChallenge(
  token: string | undefined,
  purpose: ChallengePurpose,
): Promise<StoredChallenge | null> {
  if (!token) return null;
  const [taken] = await authDb().$queryRaw<
    { challenge: string; user_id: string | null; passkey_name: string | null }[]
  >`
    DELETE FROM webauthn_challenges
     WHERE token_hash = ${hashToken(token)} AND purpose = ${purpose} AND expires_at > now()
    RETURNING challenge, user_id::text AS user_id, passkey_name`;
  return taken ? { challenge: taken.challenge, userId: taken.user_id, passkeyName: taken.passkey_name } : null;
}
