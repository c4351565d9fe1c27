// The proof asked for before sign-in methods change: the current password when there is one,
// otherwise a sign-in on this session within the last few minutes. A session alone is not enough.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { authDb } from '../db/auth-db';
import { hashPassword } from './password';
import { RECENT_SIGN_IN_MINUTES, reauthenticate } from './reauthenticate';
import { createMainSession } from './session-store';
import { setPasswordHash } from './user-password';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));

async function userWithSession(password?: string) {
  const user = await authDb().user.create({ data: { email: `reauth-${randomUUID()}@example.test` } });
  if (password) await setPasswordHash(user.id, await hashPassword(password));
  return { id: user.id, sessionFamilyId: await createMainSession(user.id) };
}

describe('re-authentication', () => {
  it('asks an account with a password for it, however fresh the session', async () => {
    const user = await userWithSession('the right password');
    expect(await reauthenticate(user, 'a wrong password')).toMatchObject({ ok: false, field: 'currentPassword' });
    expect(await reauthenticate(user, undefined)).toMatchObject({ ok: false });
    expect(await reauthenticate(user, 'the right password')).toEqual({ ok: true });
  });

  it('asks an account without a password for a recent sign-in', async () => {
    const user = await userWithSession();
    expect(await reauthenticate(user, undefined)).toEqual({ ok: true });
    await authDb().session.update({
      where: { id: user.sessionFamilyId },
      data: { createdAt: new Date(Date.now() - (RECENT_SIGN_IN_MINUTES + 1) * 60_000) },
    });
    expect(await reauthenticate(user, 'anything')).toMatchObject({ ok: false, field: 'currentPassword' });
  });

  it('does not accept another user’s fresh session', async () => {
    const user = await userWithSession();
    const other = await userWithSession();
    expect(await reauthenticate({ id: user.id, sessionFamilyId: other.sessionFamilyId }, undefined)).toMatchObject({
      ok: false,
    });
  });
});
