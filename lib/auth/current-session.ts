// Who is signed in on this request: the session cookie, checked against its row and against the
// Host the request came to. Cached per request (React cache), read fresh on every request, so a
// signed-out or revoked session stops working at once.
import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { normalizeHost } from '../hosts/classify-host';
import { cookieCoversHost, sessionCookieName } from './session-cookie';
import { findLiveSession, type LiveSession, type SessionUser } from './session-store';
import { decodeSessionToken } from './session-token';

export const currentSession = cache(async (): Promise<LiveSession | null> => {
  const host = normalizeHost((await headers()).get('host'));
  if (!host) return null;
  const claims = await decodeSessionToken((await cookies()).get(sessionCookieName(host))?.value);
  if (!claims) return null;
  return findLiveSession(claims, host, cookieCoversHost(host));
});

export async function currentUser(): Promise<SessionUser | null> {
  return (await currentSession())?.user ?? null;
}
