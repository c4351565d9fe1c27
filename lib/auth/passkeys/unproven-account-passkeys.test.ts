// Pre-account takeover through a passkey: someone signs up with an address they do not own (sign-up
// proves no mailbox) and adds a passkey. When the address's owner later proves the mailbox (a magic
// link, SSO, SCIM), whatever the squatter set up goes, the passkey too, or it would still sign
// them in to the owner's account.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCredential, getAssertion, softAuthenticator } from '../../../tests/support/soft-authenticator';
import { forgetUnprovenAccountOf } from '../../accounts/forget-unproven-account';
import { authDb } from '../../db/auth-db';
import { finishPasskeyRegistration } from './finish-passkey-registration';
import { AuthenticationResponseInput, RegistrationResponseInput } from './passkey-response-input';
import { signInWithPasskey } from './passkey-sign-in';
import { relyingParty } from './relying-party';
import { startPasskeyAssertion } from './start-passkey-assertion';
import { startPasskeyRegistration } from './start-passkey-registration';

const ORIGIN = relyingParty().origin;

describe('an unproven account’s passkeys', () => {
  it('are dropped when the owner proves the mailbox, and no longer sign in', async () => {
    const squatted = await authDb().user.create({
      data: { email: `victim-${randomUUID().slice(0, 8)}@example.test` },
      select: { id: true, email: true, name: true },
    });
    const squattersKey = softAuthenticator();
    const registration = await startPasskeyRegistration(squatted, 'Squatter');
    const credential = RegistrationResponseInput.parse(createCredential(squattersKey, registration.options, ORIGIN));
    expect(await finishPasskeyRegistration(squatted.id, registration.challengeToken, credential)).toMatchObject({
      ok: true,
    });
    // Mid-ceremony challenges of the squatter go as well.
    await startPasskeyRegistration(squatted, 'Another');

    expect(await forgetUnprovenAccountOf(squatted.email)).toBe(true);

    expect(await authDb().passkey.count({ where: { userId: squatted.id } })).toBe(0);
    expect(await authDb().webauthnChallenge.count({ where: { userId: squatted.id } })).toBe(0);
    const { options, challengeToken } = await startPasskeyAssertion();
    const answer = AuthenticationResponseInput.parse(getAssertion(squattersKey, options, ORIGIN));
    expect(await signInWithPasskey(challengeToken, answer)).toEqual({ ok: false, code: 'PasskeyFailed' });
  });
});
