// Step 1 of adding a passkey, after the caller re-authenticated the user (../reauthenticate.ts):
// creation options for the browser, with a challenge stored for this user and this passkey name.
// A discoverable credential (resident key) is required, since a passwordless sign-in does not know
// the user before the passkey names them; user verification is preferred, not required, so security
// keys without a PIN still work (their sign-ins are then recorded as one factor).
import 'server-only';
import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { authDb } from '../../db/auth-db';
import { relyingParty, userHandleOf } from './relying-party';
import { CHALLENGE_TTL_MS, storeChallenge } from './webauthn-challenge';

export async function startPasskeyRegistration(
  user: { id: string; email: string; name: string | null },
  passkeyName: string,
): Promise<{ options: PublicKeyCredentialCreationOptionsJSON; challengeToken: string }> {
  const rp = relyingParty();
  const existing = await authDb().passkey.findMany({
    where: { userId: user.id },
    select: { credentialId: true, transports: true },
  });
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userID: userHandleOf(user.id),
    userName: user.email,
    userDisplayName: user.name ?? user.email,
    attestationType: 'none',
    timeout: CHALLENGE_TTL_MS,
    // The same authenticator twice would be one device with two names.
    excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  const challengeToken = await storeChallenge('registration', options.challenge, { userId: user.id, passkeyName });
  return { options, challengeToken };
}
