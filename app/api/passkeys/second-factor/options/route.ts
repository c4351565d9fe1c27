// Root site: the second step of a sign-in, with a passkey (docs/decisions/019). Request options for
// the pending sign-in in this browser's ticket cookie: only that user's passkeys, and a challenge
// stored under that ticket (no cookie of its own), so only this browser's ticket can redeem it.
// Spends no attempt; the answer goes to the second-step form, which counts it.
import { cookies } from 'next/headers';
import { z } from 'zod';
import { passkeyAnswer, readPasskeyRequest } from '@/lib/auth/passkeys/passkey-request';
import { startPasskeyAssertion } from '@/lib/auth/passkeys/start-passkey-assertion';
import { pendingSignInChallengeToken } from '@/lib/auth/passkeys/webauthn-challenge';
import { passkeyFactor } from '@/lib/auth/second-factor/passkey-factor';
import { pendingSignInCookieName } from '@/lib/auth/second-factor/pending-sign-in-cookie';
import { readPendingSignIn } from '@/lib/auth/second-factor/read-pending-sign-in';

export async function POST(request: Request) {
  const input = await readPasskeyRequest(request, z.object({}));
  if (!input.ok) return input.response;
  const pending = await readPendingSignIn((await cookies()).get(pendingSignInCookieName())?.value);
  if (!pending) return passkeyAnswer({ error: 'This sign-in has expired. Sign in again.' }, 401);
  if (!(await passkeyFactor.isEnrolled(pending.userId, pending.firstFactor))) {
    return passkeyAnswer({ error: 'No passkey can finish this sign-in. Use a code instead.' }, 404);
  }
  const { options } = await startPasskeyAssertion(pending.userId, pendingSignInChallengeToken(pending.id));
  return passkeyAnswer({ options });
}
