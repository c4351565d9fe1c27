// Step 1, on a workspace host the session cookie does not reach (a custom domain; in development a
// subdomain of localhost): remember a random state in this host's cookie and go to the root site.
import 'server-only';
import { NextResponse } from 'next/server';
import { appUrl, originForHost } from '../app-url';
import { randomToken } from '../random-token';
import { safeNextPath } from '../safe-redirect';
import { cookieCoversHost } from '../session-cookie';
import { handoffStateCookieName, handoffStateCookieOptions } from './handoff-state';
import { noStore } from './no-store';

/**
 * `through`: where the root site should send the browser first, given where to come back to (by
 * default: straight to the handoff, or to /signin for hosts the cookie covers). Single sign-on
 * passes its own start page, so the IdP's session is what gets handed over.
 */
export function startHandoff(
  host: string,
  nextPath: string | null,
  through: (callbackUrl: string) => URL = defaultEntry,
): NextResponse {
  const next = safeNextPath(nextPath);
  if (cookieCoversHost(host)) return noStore(NextResponse.redirect(through(`${originForHost(host)}${next}`), 303));
  const state = randomToken();
  const issue = new URL('/auth/handoff', appUrl());
  issue.searchParams.set('host', host);
  issue.searchParams.set('state', state);
  issue.searchParams.set('next', next);
  const response = NextResponse.redirect(through === defaultEntry ? issue : through(issue.toString()), 303);
  const secure = appUrl().protocol === 'https:';
  response.cookies.set(handoffStateCookieName(secure), state, handoffStateCookieOptions(secure));
  return noStore(response);
}

function defaultEntry(callbackUrl: string): URL {
  const signIn = new URL('/signin', appUrl());
  signIn.searchParams.set('callbackUrl', callbackUrl);
  return signIn;
}
