// The second factor a signed-in person shows before removing a passkey (the password or a recent
// sign-in comes first: ../reauthenticate.ts). A passkey is a second factor, so a stolen session and
// the password must not be enough to remove the last one and turn two-factor authentication off.
// Accepted: a code from the authenticator app or a recovery code (as removing TOTP asks), or an
// answer from one of the person's passkeys, the one being removed included, to the challenge issued
// to this session (app/api/passkeys/removal/options). The form asks for a code when the person has
// the app or unused recovery codes, for a passkey otherwise.
import 'server-only';
import { authDb } from '../../db/auth-db';
import { unusedRecoveryCodeCount } from '../second-factor/recovery-codes';
import { proveSecondFactor } from '../second-factor/second-factor';
import { assertionFromText } from './passkey-response-input';
import { verifyPasskeyAssertion } from './verify-passkey-assertion';
import { passkeyRemovalChallengeToken } from './webauthn-challenge';

export type PasskeyRemovalProof = { code?: string | undefined; assertion?: string | undefined };

/** 'code' when the person has an authenticator app or unused recovery codes, else 'passkey'. */
export async function passkeyRemovalAsks(userId: string): Promise<'code' | 'passkey'> {
  const [totp, recoveryCodes] = await Promise.all([
    authDb().userTotp.count({ where: { userId, confirmedAt: { not: null } } }),
    unusedRecoveryCodeCount(userId),
  ]);
  return totp + recoveryCodes > 0 ? 'code' : 'passkey';
}

export async function provesPasskeyRemoval(
  user: { id: string; sessionFamilyId: string },
  proof: PasskeyRemovalProof,
): Promise<boolean> {
  if (proof.assertion) {
    const response = assertionFromText(proof.assertion);
    if (!response) return false;
    const token = passkeyRemovalChallengeToken(user.sessionFamilyId);
    return (await verifyPasskeyAssertion(user.id, token, response)).ok;
  }
  // A passkey's JSON typed here proves nothing: proveSecondFactor takes passkeys only in a sign-in.
  return Boolean(proof.code && (await proveSecondFactor(user.id, proof.code)));
}
