import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { resetPasswordAction } from './actions';

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">Choose a new password</h1>
      <ActionForm action={resetPasswordAction} id="reset-password-form" className="mt-8 space-y-4">
        <input type="hidden" name="token" value={typeof token === 'string' ? token : ''} />
        <TextField
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters."
        />
        <SubmitButton>Set password</SubmitButton>
      </ActionForm>
    </main>
  );
}
