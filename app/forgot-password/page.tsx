import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { requestPasswordResetAction } from './actions';

export default function ForgotPasswordPage() {
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">Reset your password</h1>
      <ActionForm action={requestPasswordResetAction} id="forgot-password-form" className="mt-8 space-y-4">
        <TextField name="email" label="Email" type="email" autoComplete="email" />
        <SubmitButton>Send reset link</SubmitButton>
      </ActionForm>
    </main>
  );
}
