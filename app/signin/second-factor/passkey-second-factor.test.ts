// A passkey as the second step of a sign-in, through the real routes and action, with real WebAuthn
// verification (tests/support/soft-authenticator.ts): a password first, then the user's passkey
// opens a multi-factor session. Refused: another user's passkey, a replayed answer, an answer made
// for another browser's ticket; and no passkey after a passkey that was the first factor.
import { randomUUID } from 'node:crypto';
import { base32 } from '@otplib/plugin-base32-scure';
import { crypto } from '@otplib/plugin-crypto-node';
import { generate } from '@otplib/totp';
import { describe, expect, it, vi } from 'vitest';
import { POST as secondFactorOptions } from '@/app/api/passkeys/second-factor/options/route';
import { POST as signInOptions } from '@/app/api/passkeys/sign-in/options/route';
import { POST as passkeySignIn } from '@/app/api/passkeys/sign-in/route';
import { IDLE } from '@/lib/actions/action-state';
import { challengeCookieName } from '@/lib/auth/passkeys/challenge-cookie';
import { finishPasskeyRegistration } from '@/lib/auth/passkeys/finish-passkey-registration';
import { RegistrationResponseInput } from '@/lib/auth/passkeys/passkey-response-input';
import { relyingParty } from '@/lib/auth/passkeys/relying-party';
import { startPasskeyRegistration } from '@/lib/auth/passkeys/start-passkey-registration';
import { startPendingSignIn } from '@/lib/auth/second-factor/pending-sign-in';
import { pendingSignInCookieName } from '@/lib/auth/second-factor/pending-sign-in-cookie';
import { owesSecondFactor } from '@/lib/auth/second-factor/second-factor';
import { beginTotpEnrolment, confirmTotpEnrolment } from '@/lib/auth/second-factor/totp-enrolment';
import { meetsTwoFactorPolicy } from '@/lib/auth/second-factor/two-factor-policy';
import { authDb } from '@/lib/db/auth-db';
import { cookies as stubCookies, stubRequest } from '../../../tests/support/next-request-stub';
import { createCredential, getAssertion, softAuthenticator } from '../../../tests/support/soft-authenticator';
import { completePasskeySecondFactorAction, completeSecondFactorAction } from './actions';

vi.mock('next/headers', () => import('../../../tests/support/next-request-stub'));
vi.mock('react', async (original) => ({ ...(await original<typeof import('react')>()), cache: <T>(fn: T) => fn }));

const ORIGIN = relyingParty().origin;
const HEADERS = { host: 'localhost', origin: 'http://localhost:3000', 'content-type': 'application/json' };
type Authenticator = ReturnType<typeof softAuthenticator>;

async function userWithPasskey(authenticator: Authenticator = softAuthenticator()) {
  const user = await authDb().user.create({
    data: { email: `pk2-${randomUUID().slice(0, 8)}@example.test`, name: 'Pat' },
    select: { id: true, email: true, name: true },
  });
  await addPasskey(user, authenticator);
  return { ...user, authenticator };
}

async function addPasskey(user: { id: string; email: string; name: string | null }, authenticator: Authenticator) {
  const { options, challengeToken } = await startPasskeyRegistration(user, 'Key');
  const response = RegistrationResponseInput.parse(createCredential(authenticator, options, ORIGIN));
  const added = await finishPasskeyRegistration(user.id, challengeToken, response);
  if (!added.ok) throw new Error(added.error);
}

const passwordSignedIn = (userId: string) =>
  startPendingSignIn({ userId, firstFactor: 'pwd', callbackUrl: 'http://localhost:3000/' });

async function post(handler: (request: Request) => Promise<Response>, body: unknown, cookies: Record<string, string>) {
  stubRequest(HEADERS, cookies);
  return handler(
    new Request('http://localhost:3000/api/passkeys', { method: 'POST', headers: HEADERS, body: JSON.stringify(body) }),
  );
}

/** This browser (its ticket) asks for options, and the authenticator answers them. */
async function answerFor(ticket: string, authenticator: Authenticator) {
  const answer = await post(secondFactorOptions, {}, { [pendingSignInCookieName()]: ticket });
  expect(answer.status).toBe(200);
  const { options } = (await answer.json()) as { options: { challenge: string; rpId?: string } };
  return getAssertion(authenticator, options, ORIGIN);
}

/** The second-step form's passkey action: 'signed-in' (it redirected) or the message it showed. */
async function submit(ticket: string, assertion: unknown): Promise<string> {
  stubRequest(HEADERS, { [pendingSignInCookieName()]: ticket });
  const form = new FormData();
  form.set('assertion', JSON.stringify(assertion));
  try {
    const state = await completePasskeySecondFactorAction(IDLE, form);
    return state.status === 'error' ? state.message : state.status;
  } catch (error) {
    if (error instanceof Error && error.message === 'NEXT_REDIRECT') return 'signed-in';
    throw error;
  }
}

const latestAmr = async (userId: string) =>
  (await authDb().session.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 1 }))[0]?.amr;

describe('a passkey as the second factor', () => {
  it('is owed by a user with a passkey, and a session it completes meets a workspace policy', async () => {
    const user = await userWithPasskey();
    expect(await owesSecondFactor(user.id)).toBe(true);
    expect(
      meetsTwoFactorPolicy(
        { required: true, ssoSatisfies: false },
        { amr: ['pwd', 'passkey', 'mfa'], ssoTenantId: null },
        'w',
      ),
    ).toBe(true);
  });

  it('completes a password sign-in: one session, amr pwd + passkey + mfa, the ticket used up', async () => {
    const user = await userWithPasskey();
    const ticket = await passwordSignedIn(user.id);
    const assertion = await answerFor(ticket, user.authenticator);
    expect(await submit(ticket, assertion)).toBe('signed-in');
    expect(await latestAmr(user.id)).toEqual(['pwd', 'passkey', 'mfa']);
    expect(await authDb().pendingSignIn.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses another user's passkey, and counts the attempt", async () => {
    const [bob, mallory] = [await userWithPasskey(), await userWithPasskey()];
    const ticket = await passwordSignedIn(bob.id); // Mallory has Bob's password, not his passkey
    const assertion = await answerFor(ticket, mallory.authenticator);
    expect(await submit(ticket, assertion)).toBe('That passkey could not be verified. 4 attempts left.');
    expect(await authDb().session.count({ where: { userId: bob.id } })).toBe(0);
  });

  it('refuses a replayed answer, in the same sign-in or a new one', async () => {
    const user = await userWithPasskey();
    const first = await passwordSignedIn(user.id);
    const assertion = await answerFor(first, user.authenticator);
    expect(await submit(first, assertion)).toBe('signed-in');
    expect(await submit(first, assertion)).toMatch(/expired/);
    const second = await passwordSignedIn(user.id);
    expect(await submit(second, assertion)).toMatch(/could not be verified/);
    await answerFor(second, softAuthenticator()); // a fresh challenge does not revive the old answer
    expect(await submit(second, assertion)).toMatch(/could not be verified/);
    expect(await authDb().session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses an answer made for another browser's ticket, even the same user's", async () => {
    const user = await userWithPasskey();
    const victims = await passwordSignedIn(user.id);
    const attackers = await passwordSignedIn(user.id); // the attacker knows the password too
    await answerFor(attackers, softAuthenticator());
    const assertion = await answerFor(victims, user.authenticator); // signed over the victim's challenge
    expect(await submit(attackers, assertion)).toMatch(/could not be verified/);
    expect(await authDb().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('is not offered without a pending sign-in, nor to a user without a passkey', async () => {
    expect((await post(secondFactorOptions, {}, {})).status).toBe(401);
    const plain = await authDb().user.create({ data: { email: `pk2-${randomUUID()}@example.test` } });
    const ticket = await passwordSignedIn(plain.id);
    expect((await post(secondFactorOptions, {}, { [pendingSignInCookieName()]: ticket })).status).toBe(404);
  });
});

describe('a passkey that did not verify its user, as the first factor', () => {
  async function signInWith(authenticator: Authenticator) {
    const started = await post(signInOptions, {}, {});
    const token = /tenantry\.webauthn-authentication=([^;]+)/.exec(started.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const { options } = (await started.json()) as { options: { challenge: string; rpId?: string } };
    const assertion = getAssertion(authenticator, options, ORIGIN);
    const answer = await post(
      passkeySignIn,
      { response: assertion },
      { [challengeCookieName('authentication')]: token },
    );
    // secondStepForUser sets the ticket through next/headers' cookies(), which the stub keeps.
    const ticket = (await stubCookies()).get(pendingSignInCookieName())?.value ?? '';
    return { url: ((await answer.json()) as { url?: string }).url, ticket, assertion };
  }

  it('is no second factor after itself: other passkeys alone open a one-factor session', async () => {
    const key = softAuthenticator({ userVerified: false });
    const user = await userWithPasskey(key);
    await addPasskey(user, softAuthenticator());
    expect((await signInWith(key)).url).toBe('http://localhost:3000/');
    expect(await latestAmr(user.id)).toEqual(['passkey']);
  });

  it('owes the authenticator app then, and no passkey is offered or accepted in its place', async () => {
    const key = softAuthenticator({ userVerified: false });
    const user = await userWithPasskey(key);
    const other = softAuthenticator();
    await addPasskey(user, other);
    const secret = await withTotp(user);
    const { url, ticket } = await signInWith(key);
    expect(url).toBe('http://localhost:3000/signin/second-factor');
    expect(await authDb().session.count({ where: { userId: user.id } })).toBe(0);
    expect((await post(secondFactorOptions, {}, { [pendingSignInCookieName()]: ticket })).status).toBe(404);
    const elsewhere = await post(signInOptions, {}, {});
    const { options } = (await elsewhere.json()) as { options: { challenge: string } };
    expect(await submit(ticket, getAssertion(other, options, ORIGIN))).toMatch(/could not be verified/);
    expect(await submit(ticket, getAssertion(key, options, ORIGIN))).toMatch(/could not be verified/);
    stubRequest(HEADERS, { [pendingSignInCookieName()]: ticket });
    const form = new FormData();
    form.set('code', await generate({ secret, crypto, base32, epoch: Date.now() / 1000 + 30 }));
    await expect(completeSecondFactorAction(IDLE, form)).rejects.toThrow('NEXT_REDIRECT');
    expect(await latestAmr(user.id)).toEqual(['passkey', 'otp']);
  });
});

async function withTotp(user: { id: string; email: string }): Promise<string> {
  const { secret } = await beginTotpEnrolment(user.id, user.email);
  const confirmed = await confirmTotpEnrolment(
    user.id,
    await generate({ secret, crypto, base32, epoch: Date.now() / 1000 }),
  );
  if (!confirmed.ok) throw new Error(confirmed.error);
  return secret;
}
