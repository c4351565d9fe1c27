// The second step of a sign-in through its form's action: one network working through the
// pending sign-ins of several accounts (whose passwords it has) is stopped across them all, on top
// of each ticket's 5 attempts and each user's 20.
import { randomUUID } from 'node:crypto';
import { base32 } from '@otplib/plugin-base32-scure';
import { crypto } from '@otplib/plugin-crypto-node';
import { generate } from '@otplib/totp';
import { describe, expect, it, vi } from 'vitest';
import { IDLE } from '@/lib/actions/action-state';
import { PENDING_SIGN_IN_MAX_ATTEMPTS, startPendingSignIn } from '@/lib/auth/second-factor/pending-sign-in';
import { pendingSignInCookieName } from '@/lib/auth/second-factor/pending-sign-in-cookie';
import { beginTotpEnrolment, confirmTotpEnrolment } from '@/lib/auth/second-factor/totp-enrolment';
import { authDb } from '@/lib/db/auth-db';
import { stubRequest } from '../../../tests/support/next-request-stub';
import { completeSecondFactorAction } from './actions';

vi.mock('next/headers', () => import('../../../tests/support/next-request-stub'));

const code = (secret: string, offsetSeconds = 0) =>
  generate({ secret, crypto, base32, epoch: Date.now() / 1000 + offsetSeconds });
const randomIp = () => `203.0.113.${Math.floor(Math.random() * 256)}`;
const NETWORK_REFUSAL = 'Too many code attempts from your network. Try again in 15 minutes.';

async function enrolledUser() {
  const user = await authDb().user.create({ data: { email: `second-${randomUUID()}@example.test` } });
  const { secret } = await beginTotpEnrolment(user.id, user.email);
  const confirmed = await confirmTotpEnrolment(user.id, await code(secret));
  if (!confirmed.ok) throw new Error(confirmed.error);
  return { id: user.id, secret };
}

async function submitCode(ticket: string, value: string, ip: string): Promise<string> {
  stubRequest(
    { host: 'localhost', origin: 'http://localhost:3000', 'x-forwarded-for': ip },
    { [pendingSignInCookieName()]: ticket },
  );
  const form = new FormData();
  form.set('code', value);
  const state = await completeSecondFactorAction(IDLE, form);
  return state.status === 'error' ? state.message : state.status;
}

const ticketFor = (userId: string) =>
  startPendingSignIn({ userId, firstFactor: 'pwd', callbackUrl: 'http://localhost:3000/' });

describe('second-step codes from one network', () => {
  it('30 wrong codes across accounts and tickets are answered; then the network waits, right codes included', async () => {
    const [first, second] = [await enrolledUser(), await enrolledUser()];
    const ip = randomIp();
    const answers: string[] = [];
    for (let t = 0; t < 7; t += 1) {
      const ticket = await ticketFor((t % 2 ? second : first).id);
      for (let i = 0; i < PENDING_SIGN_IN_MAX_ATTEMPTS; i += 1) answers.push(await submitCode(ticket, '000000', ip));
    }
    expect(answers.slice(0, 30).filter((answer) => answer === NETWORK_REFUSAL)).toEqual([]);
    expect(answers.slice(30)).toEqual(Array(5).fill(NETWORK_REFUSAL));
    expect(await submitCode(await ticketFor(second.id), await code(second.secret, 30), ip)).toBe(NETWORK_REFUSAL);
    // Another network is not affected, and the refused attempts used up no ticket.
    expect(await submitCode(await ticketFor(second.id), '000000', randomIp())).toBe(
      'That code is not right. 4 attempts left.',
    );
  });
});
