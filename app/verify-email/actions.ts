'use server';
// The two answers on the verification page. Either uses the link up; see lib/accounts/verify-email.ts.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { disownAccount, verifyEmail } from '@/lib/accounts/verify-email';
import { failure } from '@/lib/actions/action-state';
import { rootPublicAction } from '@/lib/actions/root-actions';

const Answer = z.object({ token: z.string().min(1).max(100), answer: z.enum(['mine', 'not-mine']) });

const EXPIRED = 'This link has expired or was already used. Ask for a new one on your account page.';

export const answerEmailVerificationAction = rootPublicAction(Answer, async ({ token, answer }) => {
  const result = answer === 'mine' ? await verifyEmail(token) : await disownAccount(token);
  if (!result.ok) return failure(EXPIRED);
  const done = new URLSearchParams({ [answer === 'mine' ? 'verified' : 'disowned']: result.email });
  redirect(`/verify-email?${done}`);
});
