// Who is signed in on this request: the session cookie, checked against its row and against the
// Host the request came to. Cached per request (React cache), read fresh on every request, so a
// signed-out or revoked session stops working at once. A session opened through workspace A's IdP
// is no session at all on any other workspace's host.
import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { classifyHost, normalizeHost } from '../hosts/classify-host';
import { hostOptions } from '../hosts/host-options';
import { hostWorkspace } from '../workspaces/host-workspace';
import { cookieCoversHost, sessionCookieName } from './session-cookie';
import { findLiveSession, type LiveSession, type SessionUser } from './session-store';
import { decodeSessionToken } from './session-token';

export const currentSession = cache(async (): Promise<LiveSession | null> => {
  const host = normalizeHost((await headers()).get('host'));
  if (!host) return null;
  const claims = await decodeSessionToken((await cookies()).get(sessionCookieName(host))?.value);
  if (!claims) return null;
  const session = await findLiveSession(claims, host, cookieCoversHost(host));
  if (!session?.ssoTenantId) return session;
  return (await ssoSessionServesHost(session.ssoTenantId, host)) ? session : null;
});

async function ssoSessionServesHost(ssoTenantId: string, host: string): Promise<boolean> {
  if (classifyHost(host, hostOptions()).kind === 'root') return true;
  return (await hostWorkspace())?.id === ssoTenantId;
}

export async function currentUser(): Promise<SessionUser | null> {
  return (await currentSession())?.user ?? null;
}
