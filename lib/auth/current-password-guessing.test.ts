// Guessing the current password with a stolen session, through every form that asks for it again
// (change password, add or remove a passkey, set up or remove TOTP): the same per-account budget
// as the sign-in form, shared with it, and a right password clears it as a sign-in does.
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { changePasswordAction } from '../../app/account/actions';
import { removePasskeyAction } from '../../app/account/passkey-actions';
import { removeTotpAction, startTotpAction } from '../../app/account/two-factor-actions';
import { POST as addPasskeyOptions } from '../../app/api/passkeys/registration/options/route';
import { stubRequest } from '../../tests/support/next-request-stub';
import { IDLE } from '../actions/action-state';
import { authDb } from '../db/auth-db';
import { hashPassword } from './password';
import { signInWithPassword } from './password-sign-in';
import { sessionCookieName } from './session-cookie';
import { createMainSession } from './session-store';
import { encodeSessionToken } from './session-token';
import { setPasswordHash } from './user-password';

vi.mock('next/headers', () => import('../../tests/support/next-request-stub'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('react', async (original) => ({ ...(await original<typeof import('react')>()), cache: <T>(fn: T) => fn }));

const RIGHT = 'the right password';
const WRONG_ANSWER = 'That is not your current password.';
const LOCKED = 'Too many password attempts for this account. Try again in 1 minute.';
const ORIGIN = 'http://localhost:3000';
const randomIp = () => `198.51.100.${Math.floor(Math.random() * 256)}`;

type Victim = { email: string; token: string };

async function signedInVictim(): Promise<Victim> {
  const email = `stolen-${randomUUID()}@example.test`;
  const user = await authDb().user.create({ data: { email, emailVerified: new Date() } });
  await setPasswordHash(user.id, await hashPassword(RIGHT));
  return { email, token: await encodeSessionToken({ userId: user.id, sessionId: await createMainSession(user.id) }) };
}

function requestAs(victim: Victim) {
  const headers = { host: 'localhost', origin: ORIGIN, 'x-forwarded-for': randomIp() };
  stubRequest(headers, { [sessionCookieName('localhost')]: victim.token });
  return headers;
}

/** The answer beside the password field, or 'proven' when the password got the person past it. */
async function submit(action: typeof changePasswordAction, victim: Victim, fields: Record<string, string>) {
  requestAs(victim);
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const state = await action(IDLE, form);
  if (state.status === 'error' && state.fieldErrors?.currentPassword) return state.fieldErrors.currentPassword[0];
  if (state.status === 'error' && /main site/.test(state.message)) throw new Error(state.message);
  return 'proven';
}

const SURFACES: Record<string, (victim: Victim, password: string) => Promise<string | undefined>> = {
  'change password': (victim, currentPassword) =>
    submit(changePasswordAction, victim, { currentPassword, newPassword: 'a new long password' }),
  'set up TOTP': (victim, currentPassword) => submit(startTotpAction, victim, { currentPassword }),
  'remove TOTP': (victim, currentPassword) => submit(removeTotpAction, victim, { currentPassword, code: '000000' }),
  'remove a passkey': (victim, currentPassword) =>
    submit(removePasskeyAction, victim, { currentPassword, passkeyId: randomUUID() }),
  'add a passkey': async (victim, currentPassword) => {
    const headers = { ...requestAs(victim), 'content-type': 'application/json' };
    const body = JSON.stringify({ name: 'Laptop', currentPassword });
    const answer = await addPasskeyOptions(new Request(`${ORIGIN}/api/passkeys`, { method: 'POST', headers, body }));
    return answer.ok ? 'proven' : (await answer.json()).error;
  },
};

describe.each(Object.keys(SURFACES))('guessing the current password: %s', (surface) => {
  const attempt = SURFACES[surface] as (victim: Victim, password: string) => Promise<string | undefined>;

  it('5 wrong passwords are answered; then the account is locked, the right password included', async () => {
    const victim = await signedInVictim();
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await attempt(victim, `wrong guess ${i}`));
    answers.push(await attempt(victim, RIGHT));
    expect(answers).toEqual([...Array(5).fill(WRONG_ANSWER), LOCKED, LOCKED]);
  });

  it('a right password clears the count, as a sign-in does', async () => {
    const victim = await signedInVictim();
    for (let i = 0; i < 3; i += 1) expect(await attempt(victim, `wrong guess ${i}`)).toBe(WRONG_ANSWER);
    expect(await attempt(victim, RIGHT)).toBe('proven');
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await attempt(victim, `typo ${i}`));
    expect(answers).toEqual(Array(5).fill(WRONG_ANSWER));
  });
});

it('the budget is the sign-in form’s too: guesses here lock the password sign-in', async () => {
  const victim = await signedInVictim();
  for (let i = 0; i < 6; i += 1) await SURFACES['change password']?.(victim, `wrong guess ${i}`);
  expect(await signInWithPassword({ email: victim.email, password: RIGHT }, randomIp())).toMatchObject({
    ok: false,
    refusal: { scope: 'account' },
  });
});
