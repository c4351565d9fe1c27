'use server';
// Two-factor authentication on the account page (docs/decisions/018). Every change asks the person
// to prove again who they are; removing the factor or replacing the recovery codes also asks for a
// current code (or a recovery code). Each change is a line in the person's account log, and turning
// their protection on or off one in their workspaces' (lib/accounts/record-account-event.ts).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, success } from '@/lib/actions/action-state';
import { accountAction } from '@/lib/actions/root-actions';
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password';
import { unprovenMailboxProblem } from '@/lib/auth/proven-mailbox-required';
import { reauthenticationProblem } from '@/lib/auth/second-factor/recent-authentication';
import { regenerateRecoveryCodes } from '@/lib/auth/second-factor/recovery-codes';
import { withRecoveryCodes } from '@/lib/auth/second-factor/recovery-codes-state';
import { proveSecondFactor } from '@/lib/auth/second-factor/second-factor';
import { beginTotpEnrolment, confirmTotpEnrolment, removeTotp } from '@/lib/auth/second-factor/totp-enrolment';
import { addToSessionFamilyAmr, endOtherSessionFamilies } from '@/lib/auth/session-store';

const CurrentPassword = z.string().max(PASSWORD_MAX_LENGTH).optional();
const Code = z.string().trim().min(1, 'Type a code from your app, or a recovery code.').max(64);

export const startTotpAction = accountAction(z.object({ currentPassword: CurrentPassword }), async (input, ctx) => {
  const unproven = unprovenMailboxProblem(ctx.user);
  if (unproven) return failure(unproven);
  const problem = await reauthenticationProblem(
    { id: ctx.user.id, sessionFamilyId: ctx.sessionFamilyId },
    input.currentPassword,
  );
  if (problem) return failure('Two-factor authentication was not set up.', { currentPassword: [problem] });
  await beginTotpEnrolment(ctx.user.id, ctx.user.email);
  revalidatePath('/account');
  return success('Scan the code with your authenticator app.');
});

export const confirmTotpAction = accountAction(z.object({ code: Code }), async ({ code }, ctx) => {
  const result = await confirmTotpEnrolment(ctx.user.id, code, ctx.sessionId);
  if (!result.ok) return failure(result.error, { code: [result.error] });
  // This session just proved the factor; sessions opened without it elsewhere end.
  await addToSessionFamilyAmr(ctx.sessionFamilyId, 'otp');
  await endOtherSessionFamilies(ctx.user.id, ctx.sessionFamilyId);
  // No revalidation: the page must not replace this form before the codes are saved.
  return withRecoveryCodes(
    success('Two-factor authentication is on. Save these recovery codes now: they are shown only once.'),
    result.recoveryCodes,
  );
});

const ProvenChange = z.object({ currentPassword: CurrentPassword, code: Code });

async function provenProblem(
  input: z.output<typeof ProvenChange>,
  ctx: { user: { id: string }; sessionFamilyId: string },
) {
  const problem = await reauthenticationProblem(
    { id: ctx.user.id, sessionFamilyId: ctx.sessionFamilyId },
    input.currentPassword,
  );
  if (problem) return { currentPassword: [problem] };
  if (!(await proveSecondFactor(ctx.user.id, input.code))) return { code: ['That code is not right.'] };
  return null;
}

export const removeTotpAction = accountAction(ProvenChange, async (input, ctx) => {
  const problem = await provenProblem(input, ctx);
  if (problem) return failure('Two-factor authentication is still on.', problem);
  await removeTotp(ctx.user.id, ctx.sessionId);
  revalidatePath('/account');
  return success('Two-factor authentication is off.');
});

export const regenerateRecoveryCodesAction = accountAction(ProvenChange, async (input, ctx) => {
  const problem = await provenProblem(input, ctx);
  if (problem) return failure('Your recovery codes were not replaced.', problem);
  const codes = await regenerateRecoveryCodes(ctx.user.id, ctx.sessionId);
  return withRecoveryCodes(success('New recovery codes: the old ones no longer work. Save these now.'), codes);
});
