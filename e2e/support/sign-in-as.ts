// Signs a seeded user in through data, not through the sign-in form (that has its own journeys):
// a session row as the app would write it, and its cookie for the host the test will open.
import type { BrowserContext } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { asApp, asAuth } from './e2e-database';
import { E2E_AUTH_SECRET, type E2eServer } from './e2e-servers';

const COOKIE = 'tenantry.session';

/** The session cookie's value for `email` on `host` (a handed session when the main cookie cannot reach it). */
export async function sessionCookieValue(server: E2eServer, email: string, host: string): Promise<string> {
  const [user] = await asApp<{ id: string }>(server, 'SELECT id FROM users WHERE email = $1', [email]);
  if (!user) throw new Error(`no user ${email}`);
  const [main] = await asAuth<{ id: string }>(
    server,
    "INSERT INTO sessions (id, user_id, expires) VALUES (gen_random_uuid(), $1, now() + interval '1 day') RETURNING id",
    [user.id],
  );
  if (!main) throw new Error('session not created');
  let sessionId = main.id;
  const covered = host === server.root || (server.root.includes('.') && host.endsWith(`.${server.root}`));
  if (!covered) {
    const [handed] = await asAuth<{ id: string }>(
      server,
      "INSERT INTO sessions (id, user_id, host, parent_id, expires) VALUES (gen_random_uuid(), $1, $2, $3, now() + interval '1 day') RETURNING id",
      [user.id, host, main.id],
    );
    if (!handed) throw new Error('handed session not created');
    sessionId = handed.id;
  }
  return encode({ token: { sub: user.id, sid: sessionId }, secret: E2E_AUTH_SECRET });
}

export async function signInAs(context: BrowserContext, server: E2eServer, email: string, host: string) {
  const value = await sessionCookieValue(server, email, host);
  // Where the app would set it: for the whole root domain when it can be shared, else this host only.
  const domain =
    server.root.includes('.') && (host === server.root || host.endsWith(`.${server.root}`)) ? `.${server.root}` : host;
  await context.addCookies([{ name: COOKIE, value, domain, path: '/', httpOnly: true, sameSite: 'Lax' }]);
}

export const SESSION_COOKIE = COOKIE;
