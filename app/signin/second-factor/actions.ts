'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { failure } from '@/lib/actions/action-state';
import { rootPublicAction } from '@/lib/actions/root-actions';
import { recordAccountEvent } from '@/lib/audit/record-account-event';
import { completePendingSignIn } from '@/lib/auth/second-factor/pending-sign-in';
import { pendingSignInCookieName } from '@/lib/auth/second-factor/pending-sign-in-cookie';
import { unusedRecoveryCodeCount } from '@/lib/auth/second-factor/recovery-codes';
import { startMainSession } from '@/lib/auth/start-session';
import { globalDb } from '@/lib/db/global-db';
import { refusalMessage } from '@/lib/rate-limit/limit-refusal';
import { requestClientIp } from '@/lib/rate-limit/request-client-ip';
import { defaultSecondStepLimits } from '@/lib/rate-limit/second-step-limits';

const SecondFactor = z.object({ code: z.string().trim().min(1, 'Type the code.').max(64) });

const EXPIRED = 'This sign-in has expired or had too many wrong codes. Sign in again.';

export const completeSecondFactorAction = rootPublicAction(SecondFactor, async ({ code }) => {
  const jar = await cookies();
  const ticket = jar.get(pendingSignInCookieName())?.value;
  if (!ticket) return failure(EXPIRED);
  // Per network, across accounts; the ticket and the user have limits of their own.
  const attempt = await defaultSecondStepLimits().begin(await requestClientIp());
  if (attempt.refusal) return failure(refusalMessage(attempt.refusal, 'code attempts'));
  const result = await completePendingSignIn(ticket, code);
  if (!result.ok) {
    if (result.reason === 'wrong' && result.attemptsLeft > 0) {
      const left = result.attemptsLeft === 1 ? '1 attempt' : `${result.attemptsLeft} attempts`;
      return failure(`That code is not right. ${left} left.`);
    }
    jar.delete(pendingSignInCookieName());
    return failure(EXPIRED);
  }
  jar.delete(pendingSignInCookieName());
  await attempt.succeeded();
  const sessionId = await startMainSession(result.userId, null, result.amr);
  if (result.factor === 'recovery_code') {
    const user = await globalDb().user.findFirstOrThrow({ where: { id: result.userId }, select: { email: true } });
    await recordAccountEvent(
      sessionId,
      { id: result.userId, email: user.email },
      { action: 'two_factor.recovery_code_used', details: { remaining: await unusedRecoveryCodeCount(result.userId) } },
    );
  }
  redirect(result.callbackUrl);
});
