// Signing out, on any host: ends the whole session family (the main session and every host it was
// handed to), then clears this host's cookie. Same-origin POSTs only, so another site cannot sign
// a user out.
import 'server-only';
import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { isSameOrigin } from '../actions/same-origin';
import { normalizeHost } from '../hosts/classify-host';
import { appUrl } from './app-url';
import { sessionCookieName, sessionCookieOptions } from './session-cookie';
import { endSessionFamily } from './session-store';
import { decodeSessionToken } from './session-token';

export async function signOut(request: NextRequest): Promise<NextResponse> {
  const host = normalizeHost(request.headers.get('host'));
  if (!host || !isSameOrigin(request.headers.get('origin'), host)) {
    return new NextResponse('Cross-site sign-out refused.', { status: 403 });
  }
  const claims = await decodeSessionToken(request.cookies.get(sessionCookieName(host))?.value);
  if (claims) await endSessionFamily(claims.sessionId);
  const response = NextResponse.redirect(new URL('/signin?signedOut=1', appUrl()), 303);
  response.cookies.set(sessionCookieName(host), '', { ...sessionCookieOptions(host), maxAge: 0 });
  response.headers.set('cache-control', 'no-store');
  return response;
}
