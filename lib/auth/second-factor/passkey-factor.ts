// A passkey as the second step after a password, a magic link or OAuth. Its challenge is issued for
// the pending sign-in's ticket and that user only (app/api/passkeys/second-factor/options), so an
// answer made for another browser's ticket, or by another user's passkey, is refused, and taking
// the challenge spends it (no replay). Never after a passkey as the first factor: a second passkey
// often sits in the same password manager on the same device, so that sign-in owes the
// authenticator app instead, or stays one factor without one (docs/decisions/019).
import 'server-only';
import { authDb } from '../../db/auth-db';
import { assertionFromText } from '../passkeys/passkey-response-input';
import { verifyPasskeyAssertion } from '../passkeys/verify-passkey-assertion';
import { pendingSignInChallengeToken } from '../passkeys/webauthn-challenge';
import type { SecondFactorVerifier } from './second-factor';

export const passkeyFactor: SecondFactorVerifier = {
  kind: 'passkey',
  amr: ['passkey', 'mfa'],
  accepts: (proof) => proof.trimStart().startsWith('{'),
  async isEnrolled(userId, firstFactor) {
    return firstFactor !== 'passkey' && (await authDb().passkey.count({ where: { userId } })) > 0;
  },
  async verify(userId, proof, { pendingSignInId, firstFactor }) {
    if (!pendingSignInId || firstFactor === 'passkey') return false;
    const response = assertionFromText(proof);
    if (!response) return false;
    const token = pendingSignInChallengeToken(pendingSignInId);
    return (await verifyPasskeyAssertion(userId, token, response)).ok;
  },
};
