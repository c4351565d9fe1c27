// Root site: "Sign in with a passkey", step 2. The assertion is checked against this browser's
// challenge (lib/auth/passkeys/passkey-sign-in.ts); a main session opens, recording how, and the
// browser is told where to go (only our own hosts). An address whose domain requires SSO is sent
// back to the sign-in page's SSO refusal, as a password would be.
import { cookies } from 'next/headers';
import { z } from 'zod';
import { appUrl } from '@/lib/auth/app-url';
import { challengeCookieName, clearChallengeCookie } from '@/lib/auth/passkeys/challenge-cookie';
import { passkeyAnswer, readPasskeyRequest } from '@/lib/auth/passkeys/passkey-request';
import { AuthenticationResponseInput } from '@/lib/auth/passkeys/passkey-response-input';
import { signInWithPasskey } from '@/lib/auth/passkeys/passkey-sign-in';
import { safeCallbackUrl } from '@/lib/auth/safe-redirect';
import { secondStepForUser } from '@/lib/auth/second-factor/second-step-for';
import { startMainSession } from '@/lib/auth/start-session';

const PasskeySignIn = z.object({ response: AuthenticationResponseInput, callbackUrl: z.string().max(2048).optional() });

export async function POST(request: Request) {
  const input = await readPasskeyRequest(request, PasskeySignIn);
  if (!input.ok) return input.response;
  const token = (await cookies()).get(challengeCookieName('authentication'))?.value;
  const result = await signInWithPasskey(token, input.body.response);
  // A passkey that verified its user (PIN, biometric) is two factors; one that did not is one, and a
  // user with TOTP then owes the second step like after a password. Not another passkey: see
  // lib/auth/second-factor/passkey-factor.ts.
  const secondStep =
    result.ok && !result.amr.includes('mfa')
      ? await secondStepForUser(result.userId, 'passkey', input.body.callbackUrl)
      : null;
  if (result.ok && !secondStep) await startMainSession(result.userId, null, result.amr);

  const response = secondStep
    ? passkeyAnswer({ url: secondStep })
    : result.ok
      ? passkeyAnswer({ url: safeCallbackUrl(input.body.callbackUrl) })
      : result.code === 'SsoRequired'
        ? passkeyAnswer({ url: ssoRefusalUrl(result.email) }, 403)
        : passkeyAnswer({ error: 'That passkey could not sign you in. Try again, or sign in another way.' }, 401);
  clearChallengeCookie(response, 'authentication');
  return response;
}

function ssoRefusalUrl(email: string): string {
  const url = new URL('/signin', appUrl());
  url.searchParams.set('error', 'SsoRequired');
  url.searchParams.set('email', email);
  return url.toString();
}
