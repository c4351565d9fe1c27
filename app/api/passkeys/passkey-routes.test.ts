// The passkey endpoints' own refusals, through the real route handlers: another site's Origin, a
// workspace host, no session, a session from a workspace's IdP (good for that workspace only)
// trying to add a passkey that would sign in everywhere, and a sign-in with no challenge cookie.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { UNPROVEN_MAILBOX_REFUSAL } from '../../../lib/auth/proven-mailbox-required';
import { sessionCookieName } from '../../../lib/auth/session-cookie';
import { createMainSession } from '../../../lib/auth/session-store';
import { encodeSessionToken } from '../../../lib/auth/session-token';
import { authDb } from '../../../lib/db/auth-db';
import { stubRequest } from '../../../tests/support/next-request-stub';
import { createTenant } from '../../../tests/support/tenants';
import { POST as registrationOptions } from './registration/options/route';
import { POST as signInOptions } from './sign-in/options/route';
import { POST as signIn } from './sign-in/route';

vi.mock('next/headers', () => import('../../../tests/support/next-request-stub'));
vi.mock('react', async (original) => ({ ...(await original<typeof import('react')>()), cache: <T>(fn: T) => fn }));

const ROOT = 'localhost';
const ORIGIN = 'http://localhost:3000';
let plainToken: string;
let ssoToken: string;

async function sessionToken(ssoTenantId: string | null): Promise<string> {
  const user = await authDb().user.create({
    data: { email: `routes-${randomUUID()}@example.test`, emailVerified: new Date() },
  });
  return encodeSessionToken({ userId: user.id, sessionId: await createMainSession(user.id, ssoTenantId) });
}

function post(
  handler: (request: Request) => Promise<Response>,
  body: unknown,
  options: { host?: string; origin?: string | null; token?: string } = {},
) {
  const host = options.host ?? ROOT;
  const origin = options.origin === undefined ? ORIGIN : options.origin;
  const headers: Record<string, string> = { host, 'content-type': 'application/json', ...(origin ? { origin } : {}) };
  stubRequest(headers, options.token ? { [sessionCookieName(host)]: options.token } : {});
  return handler(
    new Request(`http://${host}:3000/api/passkeys`, { method: 'POST', headers, body: JSON.stringify(body) }),
  );
}

beforeAll(async () => {
  plainToken = await sessionToken(null);
  ssoToken = await sessionToken((await createTenant('pk-routes')).id);
});

describe('passkey endpoints', () => {
  it('refuse another site’s Origin, no Origin, and a workspace host', async () => {
    expect((await post(signInOptions, {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(signInOptions, {}, { origin: 'http://acme.localhost:3000' })).status).toBe(403);
    expect((await post(signInOptions, {}, { origin: null })).status).toBe(403);
    expect(
      (await post(signInOptions, {}, { host: 'acme.localhost', origin: 'http://acme.localhost:3000' })).status,
    ).toBe(404);
  });

  it('hand out sign-in options with a strict, http-only challenge cookie for the passkey paths', async () => {
    const answer = await post(signInOptions, {});
    expect(answer.status).toBe(200);
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tenantry\.webauthn-authentication=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=strict/i);
    expect(cookie).toMatch(/Path=\/api\/passkeys/);
  });

  it('refuse adding a passkey without a session, or from a session of a workspace’s IdP', async () => {
    expect((await post(registrationOptions, { name: 'Laptop' })).status).toBe(401);
    expect((await post(registrationOptions, { name: 'Laptop' }, { token: ssoToken })).status).toBe(403);
    const fresh = await post(registrationOptions, { name: 'Laptop' }, { token: plainToken });
    expect(fresh.status).toBe(200); // no password, and signed in just now
  });

  it('refuse adding a passkey to an account whose mailbox is not proven', async () => {
    const unproven = await authDb().user.create({ data: { email: `unproven-${randomUUID()}@example.test` } });
    const token = await encodeSessionToken({ userId: unproven.id, sessionId: await createMainSession(unproven.id) });
    const answer = await post(registrationOptions, { name: 'Laptop' }, { token });
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ error: UNPROVEN_MAILBOX_REFUSAL });
  });

  it('refuse a sign-in with no challenge cookie, and a malformed answer', async () => {
    const response = {
      id: 'abc',
      rawId: 'abc',
      type: 'public-key',
      clientExtensionResults: {},
      response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' },
    };
    expect((await post(signIn, { response })).status).toBe(401);
    expect((await post(signIn, { response: { ...response, type: 'other' } })).status).toBe(400);
  });
});
