// The second step of a sign-in, against the real database: a real TOTP code computed here with the
// library, wrong and replayed codes refused, recovery codes good once, the attempt limit, expiry,
// and a ticket that is not this browser's.
import { randomUUID } from 'node:crypto';
import { base32 } from '@otplib/plugin-base32-scure';
import { crypto } from '@otplib/plugin-crypto-node';
import { generate } from '@otplib/totp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authDb } from '../../db/auth-db';
import { hashToken } from '../random-token';
import { completePendingSignIn, PENDING_SIGN_IN_MAX_ATTEMPTS, startPendingSignIn } from './pending-sign-in';
import { beginTotpEnrolment, confirmTotpEnrolment } from './totp-enrolment';

// Mid-step, so that "this step", "the last one" and "the next one" are unambiguous during a test.
const NOW = Math.floor(Date.now() / 30_000) * 30_000 + 10_000;
const codeAt = (secret: string, offsetSeconds: number) =>
  generate({ secret, crypto, base32, epoch: NOW / 1000 + offsetSeconds });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

async function enrolledUser() {
  const user = await authDb().user.create({ data: { email: `totp-${randomUUID()}@example.test` } });
  const { secret } = await beginTotpEnrolment(user.id, user.email);
  const confirmed = await confirmTotpEnrolment(user.id, await codeAt(secret, -30));
  if (!confirmed.ok) throw new Error(confirmed.error);
  return { user, secret, recoveryCodes: confirmed.recoveryCodes };
}

const pendingFor = (userId: string) =>
  startPendingSignIn({ userId, firstFactor: 'pwd', callbackUrl: 'http://localhost:3000/' });

describe('enrolment', () => {
  it('refuses a wrong confirmation code and keeps the factor off', async () => {
    const user = await authDb().user.create({ data: { email: `totp-${randomUUID()}@example.test` } });
    const { secret, uri } = await beginTotpEnrolment(user.id, user.email);
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    const wrong = (Number(await codeAt(secret, 0)) + 1) % 1_000_000;
    expect(await confirmTotpEnrolment(user.id, String(wrong).padStart(6, '0'))).toMatchObject({ ok: false });
    const row = await authDb().userTotp.findFirst({ where: { userId: user.id } });
    expect(row?.confirmedAt).toBeNull();
    // The secret is not stored as it was shown.
    expect(row?.secretEncrypted).not.toContain(secret);
  });

  it('gives ten recovery codes, stored hashed', async () => {
    const { user, recoveryCodes } = await enrolledUser();
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await authDb().userRecoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((row) => row.codeHash).sort()).toEqual(recoveryCodes.map((code) => hashToken(code)).sort());
  });
});

describe('the second step of a sign-in', () => {
  it('accepts a current code once, and opens nothing a second time with the same ticket', async () => {
    const { user, secret } = await enrolledUser();
    const token = await pendingFor(user.id);
    expect(await completePendingSignIn(token, await codeAt(secret, 0))).toMatchObject({
      ok: true,
      userId: user.id,
      amr: ['pwd', 'otp'],
      callbackUrl: 'http://localhost:3000/',
    });
    expect(await completePendingSignIn(token, await codeAt(secret, 30))).toEqual({ ok: false, reason: 'expired' });
  });

  it('accepts the next step (clock drift) but not two steps away', async () => {
    const { user, secret } = await enrolledUser();
    const token = await pendingFor(user.id);
    expect(await completePendingSignIn(token, await codeAt(secret, 90))).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await completePendingSignIn(token, await codeAt(secret, 30))).toMatchObject({ ok: true });
  });

  it('refuses a wrong code and says how many attempts are left', async () => {
    const { user } = await enrolledUser();
    const token = await pendingFor(user.id);
    expect(await completePendingSignIn(token, '000000')).toEqual({
      ok: false,
      reason: 'wrong',
      attemptsLeft: PENDING_SIGN_IN_MAX_ATTEMPTS - 1,
    });
  });

  it('refuses a replayed code, even in a new sign-in', async () => {
    const { user, secret } = await enrolledUser();
    const code = await codeAt(secret, 0);
    expect(await completePendingSignIn(await pendingFor(user.id), code)).toMatchObject({ ok: true });
    expect(await completePendingSignIn(await pendingFor(user.id), code)).toMatchObject({ ok: false, reason: 'wrong' });
    // The confirmation code of the enrolment was used too.
    expect(await completePendingSignIn(await pendingFor(user.id), await codeAt(secret, -30))).toMatchObject({
      ok: false,
    });
  });

  it('accepts a recovery code once', async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const [code] = recoveryCodes;
    if (!code) throw new Error('no recovery code');
    expect(await completePendingSignIn(await pendingFor(user.id), code)).toMatchObject({
      ok: true,
      amr: ['pwd', 'recovery'],
    });
    expect(await completePendingSignIn(await pendingFor(user.id), code)).toMatchObject({ ok: false, reason: 'wrong' });
    // Typed in lower case, without dashes: still the same (other) code.
    const other = recoveryCodes[1]?.replaceAll('-', '').toLowerCase() ?? '';
    expect(await completePendingSignIn(await pendingFor(user.id), other)).toMatchObject({ ok: true });
  });

  it('holds the attempt limit: after five wrong codes even the right one is refused', async () => {
    const { user, secret } = await enrolledUser();
    const token = await pendingFor(user.id);
    for (let i = 0; i < PENDING_SIGN_IN_MAX_ATTEMPTS; i++) {
      expect(await completePendingSignIn(token, '000000')).toMatchObject({ ok: false, reason: 'wrong' });
    }
    expect(await completePendingSignIn(token, await codeAt(secret, 0))).toEqual({ ok: false, reason: 'expired' });
  });

  it('holds a limit per user too: new tickets do not buy unlimited guesses', async () => {
    const { user, secret } = await enrolledUser();
    for (let ticket = 0; ticket < 4; ticket++) {
      const token = await pendingFor(user.id);
      for (let i = 0; i < PENDING_SIGN_IN_MAX_ATTEMPTS; i++) await completePendingSignIn(token, '000000');
    }
    expect(await completePendingSignIn(await pendingFor(user.id), await codeAt(secret, 0))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses an expired ticket', async () => {
    const { user, secret } = await enrolledUser();
    const token = await pendingFor(user.id);
    await authDb().pendingSignIn.updateMany({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await completePendingSignIn(token, await codeAt(secret, 0))).toEqual({ ok: false, reason: 'expired' });
  });

  it("refuses a ticket that is not this browser's: another value, or another user's own", async () => {
    const { user, secret } = await enrolledUser();
    const attacker = await enrolledUser();
    await pendingFor(user.id);
    expect(await completePendingSignIn(randomUUID(), await codeAt(secret, 0))).toEqual({
      ok: false,
      reason: 'expired',
    });
    // The attacker's own ticket with the victim's code proves nothing about the victim.
    const attackerTicket = await pendingFor(attacker.user.id);
    expect(await completePendingSignIn(attackerTicket, await codeAt(secret, 0))).toMatchObject({
      ok: false,
      reason: 'wrong',
    });
  });
});
