// The session cookie's value: next-auth's encrypted token (JWE), carrying the user id and the id of
// the session row. The row decides whether the session is still alive, so a token that outlives
// its row (signed out, revoked) is worthless.
import { decode, encode } from 'next-auth/jwt';
import { authSecret } from './auth-secret';
import { SESSION_MAX_AGE_SECONDS } from './session-cookie';

export type SessionClaims = { userId: string; sessionId: string };

export function encodeSessionToken(claims: SessionClaims): Promise<string> {
  return encode({
    token: { sub: claims.userId, sid: claims.sessionId },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

export async function decodeSessionToken(token: string | undefined): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: authSecret() });
    if (typeof payload?.sub !== 'string' || typeof payload.sid !== 'string') return null;
    return { userId: payload.sub, sessionId: payload.sid };
  } catch {
    return null; // tampered, foreign or expired: simply not signed in
  }
}
