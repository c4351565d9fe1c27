// Where to send someone who must sign in to see a page on a workspace host. Hosts the session
// cookie covers sign in on the root site and come straight back; other hosts (custom domains, and
// subdomains of localhost in development) start a handoff on their own host first.
import { appUrl, originForHost } from './app-url';
import { safeNextPath } from './safe-redirect';
import { cookieCoversHost } from './session-cookie';

export function signInUrlFor(host: string, path: string): string {
  const next = safeNextPath(path);
  if (!cookieCoversHost(host)) return `${originForHost(host)}/auth/start?next=${encodeURIComponent(next)}`;
  const signIn = new URL('/signin', appUrl());
  signIn.searchParams.set('callbackUrl', `${originForHost(host)}${next}`);
  return signIn.toString();
}
