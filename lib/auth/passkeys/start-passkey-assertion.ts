// Request options for a passkey sign-in, with a challenge stored for the asking browser. Without a
// user (passwordless sign-in) no credentials are listed: the browser offers whichever discoverable
// passkey it holds for our RP ID, and the answer names it. With a user (a second factor after a
// password, or proof before removing one) only that user's passkeys are allowed, and the challenge
// is bound to that user too. `token`: where the challenge is stored (a pending sign-in's or a
// session's, ./webauthn-challenge.ts); random (for a cookie) by default.
import 'server-only';
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { authDb } from '../../db/auth-db';
import { relyingParty } from './relying-party';
import { CHALLENGE_TTL_MS, storeChallenge } from './webauthn-challenge';

export async function startPasskeyAssertion(
  userId: string | null = null,
  token?: string,
): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; challengeToken: string }> {
  const allowCredentials = userId
    ? (await authDb().passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } })).map(
        (passkey) => ({ id: passkey.credentialId, transports: passkey.transports }),
      )
    : undefined;
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    allowCredentials,
    userVerification: 'preferred',
    timeout: CHALLENGE_TTL_MS,
  });
  const challengeToken = await storeChallenge('authentication', options.challenge, userId ? { userId } : {}, token);
  return { options, challengeToken };
}
