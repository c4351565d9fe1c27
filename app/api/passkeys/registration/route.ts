// Root site: "Add a passkey", step 2. The authenticator's answer to this browser's challenge; the
// passkey is stored for the signed-in user the challenge was issued to (after re-authenticating).
import { cookies } from 'next/headers';
import { z } from 'zod';
import { challengeCookieName, clearChallengeCookie } from '@/lib/auth/passkeys/challenge-cookie';
import { finishPasskeyRegistration } from '@/lib/auth/passkeys/finish-passkey-registration';
import { passkeyAccountSession } from '@/lib/auth/passkeys/passkey-account-session';
import { passkeyAnswer, readPasskeyRequest } from '@/lib/auth/passkeys/passkey-request';
import { RegistrationResponseInput } from '@/lib/auth/passkeys/passkey-response-input';

export async function POST(request: Request) {
  const input = await readPasskeyRequest(request, z.object({ response: RegistrationResponseInput }));
  if (!input.ok) return input.response;
  const account = await passkeyAccountSession();
  if (!account.ok) return passkeyAnswer({ error: account.error }, account.status);

  const token = (await cookies()).get(challengeCookieName('registration'))?.value;
  const result = await finishPasskeyRegistration(account.user.id, token, input.body.response, account.sessionFamilyId);
  const response = result.ok ? passkeyAnswer({ name: result.name }) : passkeyAnswer({ error: result.error }, 400);
  clearChallengeCookie(response, 'registration');
  return response;
}
