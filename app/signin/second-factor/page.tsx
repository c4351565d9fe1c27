// The second step of a sign-in (docs/decisions/018): the first factor is proven, no session exists
// yet. A code from the authenticator app, or a recovery code, completes it.

import { cookies } from 'next/headers';
import Link from 'next/link';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { pendingSignInCookieName } from '@/lib/auth/second-factor/pending-sign-in-cookie';
import { completeSecondFactorAction } from './actions';

export default async function SecondFactorPage() {
  const pending = (await cookies()).has(pendingSignInCookieName());
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">Two-factor authentication</h1>
      {pending ? (
        <>
          <p className="mt-4 text-slate-600">
            Type the 6-digit code your authenticator app shows, or one of your recovery codes.
          </p>
          <ActionForm action={completeSecondFactorAction} id="second-factor-form" className="mt-6 space-y-4">
            <TextField name="code" label="Authentication code" autoComplete="one-time-code" required />
            <SubmitButton>Verify</SubmitButton>
          </ActionForm>
        </>
      ) : (
        <p className="mt-4" data-testid="second-factor-expired">
          This sign-in has expired.{' '}
          <Link href="/signin" className="underline">
            Sign in again
          </Link>
          .
        </p>
      )}
    </main>
  );
}
