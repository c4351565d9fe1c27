// Accounts against a real PostgreSQL: sign-up is all-or-nothing, password resets are single-use
// and sign the user out everywhere, a proven mailbox removes a password someone else set, and
// sessions are valid only where they belong.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authOptions } from '../auth/auth-options';
import { verifyPassword } from '../auth/password';
import { createHandedSession, createMainSession, endSessionFamily, findLiveSession } from '../auth/session-store';
import { passwordHashOf, removePassword } from '../auth/user-password';
import { authDb } from '../db/auth-db';
import { globalDb } from '../db/global-db';
import { tenantDb } from '../db/tenant-db';
import type { EmailMessage } from '../email/send-email';
import { changePassword } from './change-password';
import { completePasswordReset, requestPasswordReset } from './password-reset';
import { signUp } from './sign-up';

const unique = () => randomUUID().slice(0, 8);

function newSignUp(slug = `co${unique()}`) {
  return {
    name: 'Nina',
    email: `nina-${unique()}@example.test`,
    password: 'a long enough password',
    workspaceName: 'Co',
    slug,
  };
}

describe('sign-up', () => {
  it('creates the user, the workspace, the owner membership and the audit line together', async () => {
    const input = newSignUp();
    const result = await signUp(input);
    if (!result.ok) throw new Error(result.error);
    const tenant = await globalDb().tenant.findFirstOrThrow({ where: { slug: input.slug } });
    const db = tenantDb(tenant.id);
    expect(await db.membership.findMany({ select: { userId: true, role: true } })).toEqual([
      { userId: result.userId, role: 'owner' },
    ]);
    expect(await db.auditEvent.findMany({ select: { action: true, actorId: true } })).toEqual([
      { action: 'workspace.created', actorId: result.userId },
    ]);
  });

  it('refuses a taken email and a look-alike address beside the field, creating nothing', async () => {
    const first = newSignUp();
    await signUp(first);
    expect(await signUp({ ...newSignUp(), email: first.email })).toMatchObject({ ok: false, field: 'email' });
    const lookAlike = { ...newSignUp(), slug: first.slug.replace('o', '0') };
    expect(await signUp(lookAlike)).toMatchObject({
      ok: false,
      field: 'slug',
      error: expect.stringMatching(/looks too much like/),
    });
    expect(await globalDb().user.findFirst({ where: { email: lookAlike.email } })).toBeNull();
  });

  it('under a race for one address, one sign-up wins and the other leaves no user behind', async () => {
    const slug = `race${unique()}`;
    const [a, b] = [newSignUp(slug), newSignUp(slug)];
    const results = await Promise.all([signUp(a), signUp(b)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const users = await globalDb().user.count({ where: { email: { in: [a.email, b.email] } } });
    expect(users).toBe(1);
  });
});

describe('password reset', () => {
  async function resetLinkFor(email: string): Promise<string> {
    const sent: EmailMessage[] = [];
    await requestPasswordReset(email, '192.0.2.1', async (message) => {
      sent.push(message);
    });
    const token = /token=([A-Za-z0-9_-]+)/.exec(sent[0]?.text ?? '')?.[1];
    if (!token) throw new Error('no reset link sent');
    return token;
  }

  it('sets the password once, proves the mailbox and ends every session', async () => {
    const input = newSignUp();
    const result = await signUp(input);
    if (!result.ok) throw new Error(result.error);
    const sessionId = await createMainSession(result.userId);
    const token = await resetLinkFor(input.email);

    expect(await completePasswordReset(token, 'a brand new password')).toEqual({ ok: true });
    const user = await globalDb().user.findFirstOrThrow({ where: { id: result.userId } });
    expect(await verifyPassword((await passwordHashOf(result.userId)) ?? '', 'a brand new password')).toBe(true);
    expect(user.emailVerified).not.toBeNull();
    expect(await authDb().session.findFirst({ where: { id: sessionId } })).toBeNull();
    expect(await completePasswordReset(token, 'another password!!')).toMatchObject({ ok: false });
  });

  it('says nothing and sends nothing for an unknown address; refuses an expired token', async () => {
    const sent: EmailMessage[] = [];
    await requestPasswordReset(`nobody-${unique()}@example.test`, '192.0.2.2', async (message) => {
      sent.push(message);
    });
    expect(sent).toEqual([]);

    const input = newSignUp();
    await signUp(input);
    const token = await resetLinkFor(input.email);
    await authDb().verificationToken.updateMany({
      where: { identifier: { startsWith: 'password-reset:' } },
      data: { expires: new Date(Date.now() - 1000) },
    });
    expect(await completePasswordReset(token, 'a brand new password')).toMatchObject({ ok: false });
  });
});

describe('magic-link sign-in', () => {
  it('removes a password and the sessions set up before the mailbox was ever proven (pre-account takeover)', async () => {
    const input = newSignUp(); // an attacker signs up with the victim's address and a password
    const attacker = await signUp(input);
    if (!attacker.ok) throw new Error(attacker.error);
    const attackerSession = await createMainSession(attacker.userId);
    const signIn = authOptions().callbacks?.signIn;
    if (!signIn) throw new Error('no signIn callback');
    const user = { id: 'x', email: input.email, emailVerified: null };
    await signIn({ user, account: { provider: 'email', type: 'email', providerAccountId: input.email }, email: {} });
    expect(await passwordHashOf(attacker.userId)).toBeNull();
    expect(await authDb().session.findFirst({ where: { id: attackerSession } })).toBeNull();
  });

  it('an account without a password cannot be given one from a session alone', async () => {
    const input = newSignUp();
    const result = await signUp(input);
    if (!result.ok) throw new Error(result.error);
    await removePassword(result.userId);
    const changed = await changePassword(
      { id: result.userId, sessionFamilyId: randomUUID() },
      '',
      'a brand new password',
    );
    expect(changed).toMatchObject({ ok: false, field: 'currentPassword' });
    expect(await passwordHashOf(result.userId)).toBeNull();
  });
});

describe('sessions', () => {
  it('a main session is valid where its cookie reaches; a handed one on its own host only; sign-out ends both', async () => {
    const input = newSignUp();
    const result = await signUp(input);
    if (!result.ok) throw new Error(result.error);
    const mainId = await createMainSession(result.userId);
    const main = await authDb().session.findFirstOrThrow({ where: { id: mainId } });
    const handedId = await createHandedSession(main, 'app.acme-corp.test');
    const claims = (sessionId: string) => ({ sessionId, userId: result.userId });

    expect(await findLiveSession(claims(mainId), 'acme.localhost', true)).not.toBeNull();
    expect(await findLiveSession(claims(mainId), 'app.acme-corp.test', false)).toBeNull();
    expect(await findLiveSession(claims(handedId), 'app.acme-corp.test', false)).not.toBeNull();
    expect(await findLiveSession(claims(handedId), 'app.globex.test', false)).toBeNull();
    expect(await findLiveSession(claims(handedId), 'acme.localhost', true)).toBeNull();
    expect(await findLiveSession({ sessionId: mainId, userId: randomUUID() }, 'acme.localhost', true)).toBeNull();

    await endSessionFamily(handedId);
    expect(await authDb().session.count({ where: { id: { in: [mainId, handedId] } } })).toBe(0);
  });
});
