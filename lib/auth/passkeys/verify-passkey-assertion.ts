// Checks a passkey's answer to a sign-in challenge: the one function both a passwordless sign-in
// (userId null: whoever the passkey belongs to) and a second-factor step (userId: it must be theirs)
// call. Refused: a challenge that is not this browser's, is spent (replay) or expired; a credential
// we do not know, or of another user; a bad signature, origin or RP ID; and a signature counter that
// did not move forward (when the authenticator counts), the sign of a cloned authenticator.
// The library's own counter check is a read-then-compare; ours is one conditional UPDATE, so two
// copies of the same answer racing on two servers cannot both pass.
import 'server-only';
import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import { authDb } from '../../db/auth-db';
import type { AuthenticationResponse } from './passkey-response-input';
import { encodedUserHandleOf, relyingParty } from './relying-party';
import { takeChallenge } from './webauthn-challenge';

export type PasskeyRefusal = 'challenge' | 'credential' | 'user' | 'signature' | 'counter';
export type PasskeyAssertion =
  | { ok: true; userId: string; passkeyId: string; userVerified: boolean }
  | { ok: false; reason: PasskeyRefusal };

export async function verifyPasskeyAssertion(
  userId: string | null,
  challengeToken: string | undefined,
  response: AuthenticationResponse,
): Promise<PasskeyAssertion> {
  // Spent first: whatever follows, this challenge cannot be answered twice.
  const challenge = await takeChallenge(challengeToken, 'authentication');
  if (!challenge) return refuse('challenge');
  const passkey = await authDb().passkey.findFirst({
    where: { credentialId: response.id },
    select: { id: true, userId: true, credentialId: true, publicKey: true, counter: true, transports: true },
  });
  if (!passkey) return refuse('credential');
  const owner = passkey.userId;
  const handle = response.response.userHandle;
  if ((userId && owner !== userId) || (challenge.userId && owner !== challenge.userId)) return refuse('user');
  if (handle && handle !== encodedUserHandleOf(owner)) return refuse('user');

  const rp = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    // Counter 0 turns the library's check off; the UPDATE below is the check.
    credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: 0 },
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) return refuse('signature');

  const { newCounter, userVerified, credentialBackedUp } = verification.authenticationInfo;
  const moved = await authDb().$executeRaw`
    UPDATE passkeys SET counter = ${newCounter}, backed_up = ${credentialBackedUp}, last_used_at = now()
     WHERE id = ${passkey.id}::uuid AND (counter < ${newCounter} OR (counter = 0 AND ${newCounter} = 0))`;
  if (moved !== 1) {
    console.warn(`[passkeys] passkey=${passkey.id} counter ${newCounter} not above ${passkey.counter}: refused`);
    return refuse('counter');
  }
  return { ok: true, userId: owner, passkeyId: passkey.id, userVerified };
}

function refuse(reason: PasskeyRefusal): PasskeyAssertion {
  return { ok: false, reason };
}
