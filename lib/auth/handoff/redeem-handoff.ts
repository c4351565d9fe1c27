// Step 3, back on the workspace host: redeem the token once (it is deleted as it is read), only for
// this host and only from the browser holding the matching state cookie; then open a session
// handed to this host alone and set it as this host's own cookie.
import 'server-only';
import { NextResponse } from 'next/server';
import { authDb } from '../../db/auth-db';
import { appUrl, originForHost } from '../app-url';
import { hashToken } from '../random-token';
import { requestUserAgent } from '../request-user-agent';
import { safeNextPath } from '../safe-redirect';
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions } from '../session-cookie';
import { createHandedSession } from '../session-store';
import { encodeSessionToken } from '../session-token';
import { handoffStateCookieName, isTokenShaped } from './handoff-state';
import { noStore } from './no-store';

type Redeemed = { session_id: string; user_id: string; expires: Date; sso_tenant_id: string | null; amr: string[] };

export async function redeemHandoff(host: string, params: URLSearchParams, state: string | undefined) {
  const token = params.get('token');
  if (!isTokenShaped(token) || !isTokenShaped(state)) return expired(host);
  const [parent] = await authDb().$queryRaw<Redeemed[]>`
    WITH redeemed AS (
      DELETE FROM session_handoffs
       WHERE token_hash = ${hashToken(token)} AND host = ${host} AND state_hash = ${hashToken(state)}
         AND expires_at > now()
      RETURNING session_id)
    SELECT s.id AS session_id, s.user_id, s.expires, s.sso_tenant_id::text AS sso_tenant_id, s.amr
      FROM redeemed r JOIN sessions s ON s.id = r.session_id
     WHERE s.expires > now() AND s.host IS NULL`;
  if (!parent) return expired(host);

  const sessionId = await createHandedSession(
    {
      id: parent.session_id,
      userId: parent.user_id,
      expires: parent.expires,
      ssoTenantId: parent.sso_tenant_id,
      amr: parent.amr,
    },
    host,
    await requestUserAgent(),
  );
  const response = NextResponse.redirect(new URL(safeNextPath(params.get('next')), originForHost(host)), 303);
  response.cookies.set(sessionCookieName(host), await encodeSessionToken({ userId: parent.user_id, sessionId }), {
    ...sessionCookieOptions(host),
    maxAge: Math.min(SESSION_MAX_AGE_SECONDS, Math.floor((parent.expires.getTime() - Date.now()) / 1000)),
  });
  response.cookies.delete(handoffStateCookieName(appUrl().protocol === 'https:'));
  return noStore(response);
}

function expired(host: string): NextResponse {
  const retry = new URL('/auth/start', originForHost(host));
  const body = `<!doctype html><meta charset="utf-8"><title>Sign-in link expired</title>
<p>This sign-in link has expired or was already used. <a href="${retry.pathname}">Sign in again</a>.</p>
<p><a href="${appUrl().origin}/">Back to the home page</a></p>`;
  return noStore(new NextResponse(body, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' } }));
}
