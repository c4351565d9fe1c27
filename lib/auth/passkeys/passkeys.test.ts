// Passkeys against a real PostgreSQL and real WebAuthn verification: a software authenticator
// (tests/support/soft-authenticator.ts) signs with a P-256 key made here, and the server checks it
// exactly as it checks a browser's. Every refusal an attacker would try: a replayed answer, another
// browser's challenge, an expired one, a cloned authenticator, another user's passkey, a phishing
// origin; and the SSO rule every other sign-in obeys.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createCredential,
  getAssertion,
  type SoftAuthenticator,
  softAuthenticator,
} from '../../../tests/support/soft-authenticator';
import { createTenant } from '../../../tests/support/tenants';
import { authDb, authDbFor } from '../../db/auth-db';
import { tenantDb } from '../../db/tenant-db';
import { finishPasskeyRegistration } from './finish-passkey-registration';
import { listPasskeys } from './list-passkeys';
import { AuthenticationResponseInput, RegistrationResponseInput } from './passkey-response-input';
import { signInWithPasskey } from './passkey-sign-in';
import { relyingParty } from './relying-party';
import { removePasskey } from './remove-passkey';
import { startPasskeyAssertion } from './start-passkey-assertion';
import { startPasskeyRegistration } from './start-passkey-registration';
import { verifyPasskeyAssertion } from './verify-passkey-assertion';

type User = { id: string; email: string; name: string | null };
const ORIGIN = relyingParty().origin;

async function newUser(domain = 'example.test'): Promise<User> {
  return authDb().user.create({
    data: { email: `pk-${randomUUID().slice(0, 8)}@${domain}`, name: 'Pat' },
    select: { id: true, email: true, name: true },
  });
}

async function enrol(user: User, authenticator: SoftAuthenticator, name = 'Laptop') {
  const { options, challengeToken } = await startPasskeyRegistration(user, name);
  const response = RegistrationResponseInput.parse(createCredential(authenticator, options, ORIGIN));
  const result = await finishPasskeyRegistration(user.id, challengeToken, response);
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** A browser asks for a challenge and its authenticator answers it (on `origin`). */
async function answer(authenticator: SoftAuthenticator, userId: string | null = null, origin = ORIGIN) {
  const { options, challengeToken } = await startPasskeyAssertion(userId);
  return { challengeToken, response: AuthenticationResponseInput.parse(getAssertion(authenticator, options, origin)) };
}

describe('adding a passkey', () => {
  it('stores the credential id, public key, counter, transports and backup flags, and logs it', async () => {
    const user = await newUser();
    const authenticator = softAuthenticator();
    const { passkeyId } = await enrol(user, authenticator, 'Work laptop');
    const stored = await authDb().passkey.findFirstOrThrow({ where: { id: passkeyId } });
    expect(stored).toMatchObject({
      userId: user.id,
      credentialId: authenticator.credentialId,
      counter: 0n,
      transports: ['internal'],
      deviceType: 'singleDevice',
      backedUp: false,
      name: 'Work laptop',
    });
    expect(stored.publicKey.length).toBeGreaterThan(60);
    expect(await listPasskeys(user.id)).toEqual([
      { id: passkeyId, name: 'Work laptop', createdAt: stored.createdAt, lastUsedAt: null, synced: false },
    ]);
    const events = await authDb().accountEvent.findMany({ where: { userId: user.id }, select: { action: true } });
    expect(events).toEqual([{ action: 'passkey.added' }]);
  });

  it('refuses an answer to a challenge issued to someone else, and a replayed one', async () => {
    const [alice, mallory] = [await newUser(), await newUser()];
    const { options, challengeToken } = await startPasskeyRegistration(alice, 'Laptop');
    const response = RegistrationResponseInput.parse(createCredential(softAuthenticator(), options, ORIGIN));
    expect(await finishPasskeyRegistration(mallory.id, challengeToken, response)).toMatchObject({ ok: false });
    // That attempt spent the challenge: Alice's own answer to it is refused now too.
    expect(await finishPasskeyRegistration(alice.id, challengeToken, response)).toMatchObject({ ok: false });

    const again = await startPasskeyRegistration(alice, 'Laptop');
    const fresh = RegistrationResponseInput.parse(createCredential(softAuthenticator(), again.options, ORIGIN));
    expect(await finishPasskeyRegistration(alice.id, again.challengeToken, fresh)).toMatchObject({ ok: true });
    expect(await finishPasskeyRegistration(alice.id, again.challengeToken, fresh)).toMatchObject({ ok: false });
    expect(await authDb().passkey.count({ where: { userId: { in: [alice.id, mallory.id] } } })).toBe(1);
  });

  it('refuses an answer made for another origin (a phishing page relaying our challenge)', async () => {
    const user = await newUser();
    const { options, challengeToken } = await startPasskeyRegistration(user, 'Laptop');
    const response = RegistrationResponseInput.parse(
      createCredential(softAuthenticator(), options, 'https://tenantry-login.example'),
    );
    expect(await finishPasskeyRegistration(user.id, challengeToken, response)).toMatchObject({ ok: false });
  });
});

describe('signing in with a passkey', () => {
  let user: User;
  let authenticator: SoftAuthenticator;
  beforeAll(async () => {
    user = await newUser();
    authenticator = softAuthenticator();
    await enrol(user, authenticator);
  });

  it('signs in whoever the passkey belongs to, as two factors when the user was verified', async () => {
    const { challengeToken, response } = await answer(authenticator);
    expect(await signInWithPasskey(challengeToken, response)).toEqual({
      ok: true,
      userId: user.id,
      amr: ['passkey', 'user-verified', 'mfa'],
    });
    const stored = await authDb().passkey.findFirstOrThrow({ where: { credentialId: authenticator.credentialId } });
    expect(stored.counter).toBe(1n);
    expect(stored.lastUsedAt).not.toBeNull();
  });

  it('records one factor for an authenticator that did not verify the user', async () => {
    const other = await newUser();
    const key = softAuthenticator({ userVerified: false });
    await enrol(other, key);
    const { challengeToken, response } = await answer(key);
    expect(await signInWithPasskey(challengeToken, response)).toMatchObject({ ok: true, amr: ['passkey'] });
  });

  it('refuses a replayed answer: the challenge is spent', async () => {
    const { challengeToken, response } = await answer(authenticator);
    expect((await verifyPasskeyAssertion(null, challengeToken, response)).ok).toBe(true);
    expect(await verifyPasskeyAssertion(null, challengeToken, response)).toEqual({ ok: false, reason: 'challenge' });
  });

  it('refuses an answer to another browser’s challenge, and one with no challenge cookie', async () => {
    const victim = await answer(authenticator); // signed over the challenge of the victim's browser
    const attackersBrowser = await startPasskeyAssertion();
    expect(await verifyPasskeyAssertion(null, attackersBrowser.challengeToken, victim.response)).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(await verifyPasskeyAssertion(null, undefined, victim.response)).toEqual({ ok: false, reason: 'challenge' });
  });

  it('refuses an expired challenge', async () => {
    const { challengeToken, response } = await answer(authenticator);
    await authDb().webauthnChallenge.updateMany({
      where: { challenge: JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString()).challenge },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await verifyPasskeyAssertion(null, challengeToken, response)).toEqual({ ok: false, reason: 'challenge' });
  });

  it('refuses a cloned authenticator whose counter does not move forward', async () => {
    const original = softAuthenticator();
    const owner = await newUser();
    await enrol(owner, original);
    const clone: SoftAuthenticator = { ...original };
    const first = await answer(original);
    expect((await verifyPasskeyAssertion(null, first.challengeToken, first.response)).ok).toBe(true);
    // The clone was copied before that sign-in: its counter is behind (equal, then lower).
    const copied = await answer(clone);
    expect(await verifyPasskeyAssertion(null, copied.challengeToken, copied.response)).toEqual({
      ok: false,
      reason: 'counter',
    });
    clone.counter = 0;
    const lower = await answer(clone);
    expect(await verifyPasskeyAssertion(null, lower.challengeToken, lower.response)).toEqual({
      ok: false,
      reason: 'counter',
    });
    const next = await answer(original);
    expect((await verifyPasskeyAssertion(null, next.challengeToken, next.response)).ok).toBe(true);
  });

  it('lets only one of an authenticator and its clone through when they answer at the same moment', async () => {
    const original = softAuthenticator();
    const owner = await newUser();
    await enrol(owner, original);
    const clone: SoftAuthenticator = { ...original };
    const [a, b] = await Promise.all([answer(original), answer(clone)]); // both carry counter 1
    const results = await Promise.all([
      verifyPasskeyAssertion(null, a.challengeToken, a.response),
      verifyPasskeyAssertion(null, b.challengeToken, b.response),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it('accepts authenticators that never count (counter always 0)', async () => {
    const synced = softAuthenticator({ counting: false });
    const owner = await newUser();
    await enrol(owner, synced);
    for (let i = 0; i < 2; i += 1) {
      const { challengeToken, response } = await answer(synced);
      expect((await verifyPasskeyAssertion(null, challengeToken, response)).ok).toBe(true);
    }
  });

  it('refuses a passkey of another user as this user’s second factor', async () => {
    const bob = await newUser();
    await enrol(bob, softAuthenticator());
    // A second-factor step for Bob answered with the user's (not Bob's) passkey.
    const forBob = await answer(authenticator, bob.id);
    expect(await verifyPasskeyAssertion(bob.id, forBob.challengeToken, forBob.response)).toEqual({
      ok: false,
      reason: 'user',
    });
    // A challenge issued for Bob cannot be redeemed for anyone else, whoever is named at the end.
    const stolen = await answer(authenticator, bob.id);
    expect(await verifyPasskeyAssertion(null, stolen.challengeToken, stolen.response)).toEqual({
      ok: false,
      reason: 'user',
    });
    const own = await answer(authenticator, user.id);
    expect((await verifyPasskeyAssertion(user.id, own.challengeToken, own.response)).ok).toBe(true);
  });

  it('refuses an answer whose user handle names someone else, an unknown credential, a foreign origin', async () => {
    const forged = await answer({ ...authenticator, userHandle: Buffer.from(randomUUID()).toString('base64url') });
    expect(await verifyPasskeyAssertion(null, forged.challengeToken, forged.response)).toEqual({
      ok: false,
      reason: 'user',
    });
    const unknown = await answer(softAuthenticator());
    expect(await verifyPasskeyAssertion(null, unknown.challengeToken, unknown.response)).toEqual({
      ok: false,
      reason: 'credential',
    });
    const phished = await answer(authenticator, null, 'https://tenantry-login.example');
    expect(await verifyPasskeyAssertion(null, phished.challengeToken, phished.response)).toEqual({
      ok: false,
      reason: 'signature',
    });
  });

  it('refuses an address whose domain a workspace requires SSO for, as a password would be', async () => {
    const tenant = await createTenant('pk-sso', { plan: 'pro' });
    const domain = `${tenant.slug}.example`;
    const claim = await tenantDb(tenant.id).ssoEmailDomain.create({ data: { domain, verificationToken: 't' } });
    await authDbFor(tenant.id).$queryRaw`SELECT * FROM record_email_domain_check(${claim.id}::uuid, true, NULL)`;
    const person = await newUser(domain);
    const key = softAuthenticator();
    await enrol(person, key); // enrolled before the workspace required SSO
    await tenantDb(tenant.id).ssoConnection.create({
      data: {
        protocol: 'saml',
        samlIdpEntityId: `https://idp.${domain}`,
        samlIdpSsoUrl: `https://idp.${domain}/sso`,
        samlIdpCertificates: ['cert'],
        ssoRequired: true,
      },
    });
    const { challengeToken, response } = await answer(key);
    expect(await signInWithPasskey(challengeToken, response)).toEqual({
      ok: false,
      code: 'SsoRequired',
      email: person.email,
    });
  });
});

describe('removing a passkey', () => {
  it('removes only the user’s own passkey, logs it, and the passkey no longer signs in', async () => {
    const [owner, other] = [await newUser(), await newUser()];
    const key = softAuthenticator();
    const { passkeyId } = await enrol(owner, key, 'Phone');
    expect(await removePasskey(other.id, passkeyId)).toEqual({ ok: false });
    expect(await removePasskey(owner.id, passkeyId)).toEqual({ ok: true, name: 'Phone' });
    const events = await authDb().accountEvent.findMany({
      where: { userId: owner.id },
      orderBy: { createdAt: 'asc' },
      select: { action: true },
    });
    expect(events).toEqual([{ action: 'passkey.added' }, { action: 'passkey.removed' }]);
    const { challengeToken, response } = await answer(key);
    expect(await signInWithPasskey(challengeToken, response)).toEqual({ ok: false, code: 'PasskeyFailed' });
  });
});
