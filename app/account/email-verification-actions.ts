'use server';
// "Email not verified — resend" on the account page. accountAction has checked Origin, the root
// site and a live main session; the one-a-minute limit is kept in the database by the service.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { sendEmailVerification } from '@/lib/accounts/send-email-verification';
import { failure, success } from '@/lib/actions/action-state';
import { accountAction } from '@/lib/actions/root-actions';

const ALREADY_VERIFIED = 'Your address is already verified.';

export const resendEmailVerificationAction = accountAction(z.object({}), async (_input, { user }) => {
  if (user.emailVerified) return success(ALREADY_VERIFIED);
  const result = await sendEmailVerification(user.id);
  if (result.ok) return success(`A new link is on its way to ${result.email}. It works once, for 24 hours.`);
  if (result.reason === 'verified') {
    revalidatePath('/account');
    return success(ALREADY_VERIFIED);
  }
  return failure('We sent you a link less than a minute ago. Check your inbox, or try again in a minute.');
});
