// The account page's word on the address: verified, or "not verified — resend" (one a minute).
import { resendEmailVerificationAction } from '@/app/account/email-verification-actions';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import type { SessionUser } from '@/lib/auth/session-store';

export function EmailProofNotice({ user }: { user: SessionUser }) {
  if (user.emailVerified) {
    return (
      <p className="text-sm text-emerald-700" data-testid="email-status">
        {user.email} is verified.
      </p>
    );
  }
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-4">
      <p className="text-sm text-amber-900" data-testid="email-status">
        Email not verified: open the link we sent to {user.email}.
      </p>
      <ActionForm action={resendEmailVerificationAction} id="resend-verification-form" className="mt-2">
        <SubmitButton>Resend the link</SubmitButton>
      </ActionForm>
    </div>
  );
}
