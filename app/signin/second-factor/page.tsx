// The second step of a sign-in (docs/decisions/018, 019): the first factor is proven, no session
// exists yet. A code from the authenticator app, a recovery code, or one of the user's passkeys
// completes it; the page offers what this user has.

import { cookies } from 'next/headers';
import Link from 'next/link';
import { PasskeySecondFactor } from '@/components/auth/passkey-second-factor';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { pendingSignInCookieName } from '@/lib/auth/second-factor/pending-sign-in-cookie';
import { readPendingSignIn, secondStepOffers } from '@/lib/auth/second-factor/read-pending-sign-in';
import { completeSecondFactorAction } from './actions';

export default async function SecondFactorPage() {
  const pending = await readPendingSignIn((await cookies()).get(pendingSignInCookieName())?.value);
  const offers = pending ? await secondStepOffers(pending) : null;
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">Two-factor authentication</h1>
      {offers ? (
        <div className="mt-4 space-y-6">
          {offers.passkey && (
            <>
              <p className="text-slate-600">Confirm it is you with one of your passkeys.</p>
              <PasskeySecondFactor />
            </>
          )}
          {(offers.code || !offers.passkey) && (
            <>
              <p className="text-slate-600">
                Type the 6-digit code your authenticator app shows, or one of your recovery codes.
              </p>
              <ActionForm action={completeSecondFactorAction} id="second-factor-form" className="space-y-4">
                <TextField name="code" label="Authentication code" autoComplete="one-time-code" required />
                <SubmitButton>Verify</SubmitButton>
              </ActionForm>
            </>
          )}
        </div>
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
