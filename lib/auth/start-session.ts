// Signs a user in on the root site from our own code (sign-up, SAML, passkeys), the same way next-auth's
// callback does: a main session row, and its id in the session cookie.
import 'server-only';
import { cookies } from 'next/headers';
import { appUrl } from './app-url';
import { requestUserAgent } from './request-user-agent';
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions } from './session-cookie';
import { createMainSession } from './session-store';
import { encodeSessionToken } from './session-token';

/** `ssoTenantId`: the workspace whose IdP vouched for the user; the session serves that one only.
 *  `amr`: how the user was authenticated (lib/auth/session-store.ts). Returns the session id. */
export async function startMainSession(userId: string, ssoTenantId: string | null, amr: string[]): Promise<string> {
  const sessionId = await createMainSession(userId, ssoTenantId, await requestUserAgent(), amr);
  (await cookies()).set(sessionCookieName(appUrl().hostname), await encodeSessionToken({ userId, sessionId }), {
    ...sessionCookieOptions(appUrl().hostname),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return sessionId;
}
