// Removing a passkey with a stolen session and the password: a passkey is a second factor, so
// taking away the last one turns two-factor authentication off, and that must need a current second
// factor as removing TOTP does: a code from the app or a recovery code, or an answer from one of the
// person's passkeys to a challenge issued to this session (the passkey being removed may answer).
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { removePasskeyAction } from '../../../app/account/passkey-actions';
import { POST as removalOptions } from '../../../app/api/passkeys/removal/options/route';
import { stubRequest } from '../../../tests/support/next-request-stub';
import {
  createCredential,
  getAssertion,
  type SoftAuthenticator,
  softAuthenticator,
} from '../../../tests/support/soft-authenticator';
import { IDLE } from '../../actions/action-state';
import { authDb } from '../../db/auth-db';
import { hashPassword } from '../password';
import { regenerateRecoveryCodes } from '../second-factor/recovery-codes';
import { sessionCookieName } from '../session-cookie';
import { createMainSession } from '../session-store';
import { encodeSessionToken } from '../session-token';
import { setPasswordHash } from '../user-password';
import { finishPasskeyRegistration } from './finish-passkey-registration';
import { RegistrationResponseInput } from './passkey-response-input';
import { relyingParty } from './relying-party';
import { startPasskeyAssertion } from './start-passkey-assertion';
import { startPasskeyRegistration } from './start-passkey-registration';

vi.mock('next/headers', () => import('../../../tests/support/next-request-stub'));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('react', async (original) => ({ ...(await original<typeof import('react')>()), cache: <T>(fn: T) => fn }));

const PASSWORD = 'the right password';
const ORIGIN = relyingParty().origin;

type Victim = { id: string; token: string; passkeyId: string; authenticator: SoftAuthenticator };

/** A person with a password and one passkey, and a session an attacker holds. */
async function victimWithPasskey(): Promise<Victim> {
  const user = await authDb().user.create({
    data: { email: `pk-remove-${randomUUID()}@example.test`, emailVerified: new Date() },
    select: { id: true, email: true, name: true },
  });
  await setPasswordHash(user.id, await hashPassword(PASSWORD));
  const authenticator = softAuthenticator();
  const { options, challengeToken } = await startPasskeyRegistration(user, 'Laptop');
  const response = RegistrationResponseInput.parse(createCredential(authenticator, options, ORIGIN));
  const added = await finishPasskeyRegistration(user.id, challengeToken, response);
  if (!added.ok) throw new Error(added.error);
  const token = await encodeSessionToken({ userId: user.id, sessionId: await createMainSession(user.id) });
  return { id: user.id, token, passkeyId: added.passkeyId, authenticator };
}

function requestAs(victim: Victim) {
  const headers = { host: new URL(ORIGIN).hostname, origin: ORIGIN, 'x-forwarded-for': '198.51.100.7' };
  stubRequest(headers, { [sessionCookieName(new URL(ORIGIN).hostname)]: victim.token });
  return headers;
}

async function remove(victim: Victim, fields: Record<string, string>) {
  requestAs(victim);
  const form = new FormData();
  form.set('passkeyId', victim.passkeyId);
  form.set('currentPassword', PASSWORD);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return removePasskeyAction(IDLE, form);
}

/** This session asks for a removal challenge and the authenticator answers it. */
async function removalAnswer(victim: Victim): Promise<string> {
  const headers = { ...requestAs(victim), 'content-type': 'application/json' };
  const answer = await removalOptions(
    new Request(`${ORIGIN}/api/passkeys/removal/options`, { method: 'POST', headers }),
  );
  expect(answer.status).toBe(200);
  const { options } = (await answer.json()) as { options: { challenge: string; rpId?: string } };
  return JSON.stringify(getAssertion(victim.authenticator, options, ORIGIN));
}

const passkeysOf = (userId: string) => authDb().passkey.count({ where: { userId } });

describe('removing the last passkey', () => {
  it('is refused with the session and the right password alone, and the passkey stays', async () => {
    const victim = await victimWithPasskey();
    const state = await remove(victim, {});
    expect(state).toMatchObject({ status: 'error', message: expect.stringMatching(/^The passkey was not removed/) });
    expect(await passkeysOf(victim.id)).toBe(1);
  });

  it('works with the passkey’s own answer to a challenge issued to this session', async () => {
    const victim = await victimWithPasskey();
    const state = await remove(victim, { assertion: await removalAnswer(victim) });
    expect(state).toMatchObject({ status: 'ok' });
    expect(await passkeysOf(victim.id)).toBe(0);
  });

  it('refuses an answer to a challenge issued elsewhere (a sign-in), and one to a superseded challenge', async () => {
    const victim = await victimWithPasskey();
    const { options } = await startPasskeyAssertion(victim.id);
    const elsewhere = JSON.stringify(getAssertion(victim.authenticator, options, ORIGIN));
    expect(await remove(victim, { assertion: elsewhere })).toMatchObject({ status: 'error' });
    const superseded = await removalAnswer(victim);
    await removalAnswer(victim); // asking again replaces this session's challenge
    expect(await remove(victim, { assertion: superseded })).toMatchObject({ status: 'error' });
    expect(await passkeysOf(victim.id)).toBe(1);
  });
});

describe('removing a passkey of someone with recovery codes', () => {
  it('needs a current code: the password alone and a wrong code are refused, a recovery code works', async () => {
    const victim = await victimWithPasskey();
    const [code] = await regenerateRecoveryCodes(victim.id, null);
    expect(await remove(victim, {})).toMatchObject({ status: 'error' });
    expect(await remove(victim, { code: 'AAAA-BBBB-CCCC' })).toMatchObject({ status: 'error' });
    expect(await passkeysOf(victim.id)).toBe(1);
    expect(await remove(victim, { code: code as string })).toMatchObject({ status: 'ok' });
    expect(await passkeysOf(victim.id)).toBe(0);
  });
});
