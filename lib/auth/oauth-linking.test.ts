// next-auth links a new OAuth account to "the user already signed in", found from the session
// cookie's `sub`. With sessions as rows, that cookie may be revoked or bound to one workspace's IdP,
// so linking through it would mint a fresh, unbound session for its user. Our adapter refuses to
// name a signed-in user (getUser → null): this drives next-auth's own callback handler to show it.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { decode } from 'next-auth/jwt';
import { expect, it, vi } from 'vitest';
import { createTenant } from '../../tests/support/tenants';
import { authDb } from '../db/auth-db';
import { authAdapter } from './auth-adapter';
import { authOptions } from './auth-options';
import { authSecret } from './auth-secret';
import { createMainSession, endAllSessionsOf } from './session-store';
import { encodeSessionToken } from './session-token';

// next-auth's internal callback handler (not in its package exports): the code that decides to link.
type CallbackHandler = (params: Record<string, unknown>) => Promise<{ user: { id: string; email?: string | null } }>;
const require = createRequire(import.meta.url);
const callbackHandler: CallbackHandler = require(
  path.join(path.dirname(require.resolve('next-auth')), 'core/lib/callback-handler.js'),
).default;

vi.mock('next/headers', () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined }),
}));

it('an OAuth sign-in carrying a revoked, IdP-bound cookie links nothing and signs in no one else', async () => {
  const workspace = await createTenant('oauth-link');
  const victim = await authDb().user.create({
    data: { email: `victim-${randomUUID().slice(0, 8)}@corp.example`, emailVerified: new Date() },
  });
  const boundSession = await createMainSession(victim.id, workspace.id);
  const cookie = await encodeSessionToken({ userId: victim.id, sessionId: boundSession });
  await endAllSessionsOf(victim.id);

  const account = { provider: 'github', type: 'oauth' as const, providerAccountId: `gh-${randomUUID()}` };
  const attackerEmail = `attacker-${randomUUID().slice(0, 8)}@mail.example`;
  const { user } = await callbackHandler({
    sessionToken: cookie,
    profile: { id: account.providerAccountId, email: attackerEmail, name: 'Attacker' },
    account,
    options: {
      ...authOptions(),
      adapter: authAdapter(),
      jwt: { secret: authSecret(), decode },
      events: {},
      session: { strategy: 'jwt', maxAge: 3600 },
    },
  });
  expect(user.id).not.toBe(victim.id);
  expect(user.email).toBe(attackerEmail);
  expect(await authDb().account.count({ where: { userId: victim.id } })).toBe(0);
});
