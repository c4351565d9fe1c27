'use server';
// The second step of a sign-in (docs/decisions/018): a typed code (authenticator app, recovery
// code) or a passkey's answer (docs/decisions/019). Both go through the same pending sign-in: its
// ticket, attempt limits, single use, and the session it opens.
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { type ActionState, failure } from '@/lib/actions/action-state';
import { rootPublicAction } from '@/lib/actions/root-actions';
import { completePendingSignIn } from '@/lib/auth/second-factor/pending-sign-in';
import { pendingSignInCookieName } from '@/lib/auth/second-factor/pending-sign-in-cookie';
import { startMainSession } from '@/lib/auth/start-session';
import { refusalMessage } from '@/lib/rate-limit/limit-refusal';
import { requestClientIp } from '@/lib/rate-limit/request-client-ip';
import { defaultSecondStepLimits } from '@/lib/rate-limit/second-step-limits';

const SecondFactor = z.object({ code: z.string().trim().min(1, 'Type the code.').max(64) });
// A WebAuthn assertion as JSON; its fields are bounded again when the passkey factor parses it.
const PasskeyProof = z.object({ assertion: z.string().min(2).max(20_000) });

const EXPIRED = 'This sign-in has expired or had too many wrong codes. Sign in again.';

export const completeSecondFactorAction = rootPublicAction(SecondFactor, ({ code }) =>
  finishSecondStep(code, 'That code is not right.'),
);

export const completePasskeySecondFactorAction = rootPublicAction(PasskeyProof, ({ assertion }) =>
  finishSecondStep(assertion, 'That passkey could not be verified.'),
);

async function finishSecondStep(proof: string, wrong: string): Promise<ActionState> {
  const jar = await cookies();
  const ticket = jar.get(pendingSignInCookieName())?.value;
  if (!ticket) return failure(EXPIRED);
  // Per network, across accounts; the ticket and the user have limits of their own.
  const attempt = await defaultSecondStepLimits().begin(await requestClientIp());
  if (attempt.refusal) return failure(refusalMessage(attempt.refusal, 'code attempts'));
  const result = await completePendingSignIn(ticket, proof);
  if (!result.ok) {
    if (result.reason === 'wrong' && result.attemptsLeft > 0) {
      const left = result.attemptsLeft === 1 ? '1 attempt' : `${result.attemptsLeft} attempts`;
      return failure(`${wrong} ${left} left.`);
    }
    jar.delete(pendingSignInCookieName());
    return failure(EXPIRED);
  }
  jar.delete(pendingSignInCookieName());
  await attempt.succeeded();
  // A recovery code used is in the person's account log already (useRecoveryCode).
  await startMainSession(result.userId, null, result.amr);
  redirect(result.callbackUrl);
}
