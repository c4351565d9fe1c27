// Step 2 of adding a passkey: the authenticator's answer to our challenge. The challenge must be
// this browser's, live, unused, and issued to this user after they re-authenticated; the library
// checks the origin (APP_URL), the RP ID hash, the user-presence flag and the attestation. The
// passkey and its account-log line are written together (../../accounts/record-account-event.ts);
// `sessionId` (the one adding it) names the workspaces to tell if this is the first second factor.
import 'server-only';
import { verifyRegistrationResponse } from '@simplewebauthn/server';
import { recordAccountEvent } from '../../accounts/record-account-event';
import { isUniqueViolation } from '../../db/unique-violation';
import type { RegistrationResponse } from './passkey-response-input';
import { relyingParty } from './relying-party';
import { takeChallenge } from './webauthn-challenge';

export type PasskeyRegistration = { ok: true; passkeyId: string; name: string } | { ok: false; error: string };

const EXPIRED = 'That passkey request expired or was already used. Try again.';

export async function finishPasskeyRegistration(
  userId: string,
  challengeToken: string | undefined,
  response: RegistrationResponse,
  sessionId: string | null = null,
): Promise<PasskeyRegistration> {
  const challenge = await takeChallenge(challengeToken, 'registration');
  if (!challenge || challenge.userId !== userId || !challenge.passkeyName) return { ok: false, error: EXPIRED };
  const rp = relyingParty();
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge: challenge.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch(() => null); // a malformed or forged answer is a refusal, not a 500
  if (!verification?.verified) return { ok: false, error: 'Your device’s answer could not be verified. Try again.' };

  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  const name = challenge.passkeyName;
  try {
    const passkeyId = await recordAccountEvent({ userId, sessionId }, async (tx) => {
      const passkey = await tx.passkey.create({
        data: {
          userId,
          credentialId: credential.id,
          publicKey: new Uint8Array(credential.publicKey),
          counter: credential.counter,
          transports: credential.transports ?? [],
          deviceType: credentialDeviceType,
          backedUp: credentialBackedUp,
          name,
        },
        select: { id: true },
      });
      return { result: passkey.id, event: { action: 'passkey.added', details: { passkeyId: passkey.id, name } } };
    });
    return { ok: true, passkeyId, name };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: 'This passkey is already registered.' };
    throw error;
  }
}
