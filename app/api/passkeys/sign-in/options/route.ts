// Root site: "Sign in with a passkey", step 1. Request options naming no user (the browser offers
// its discoverable passkeys for our RP ID); a cookie binds the challenge to this browser.
import { z } from 'zod';
import { setChallengeCookie } from '@/lib/auth/passkeys/challenge-cookie';
import { passkeyAnswer, readPasskeyRequest } from '@/lib/auth/passkeys/passkey-request';
import { startPasskeyAssertion } from '@/lib/auth/passkeys/start-passkey-assertion';

export async function POST(request: Request) {
  const input = await readPasskeyRequest(request, z.object({}));
  if (!input.ok) return input.response;
  const { options, challengeToken } = await startPasskeyAssertion();
  const response = passkeyAnswer({ options });
  setChallengeCookie(response, 'authentication', challengeToken);
  return response;
}
