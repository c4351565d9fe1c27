// Where the verification link lands (root site). Opening it changes nothing: the page names the
// address and asks whether the reader created the account; their answer is a POST
// (app/verify-email/actions.ts). It reads no session and signs nobody in.
import Link from 'next/link';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { pendingEmailVerification } from '@/lib/accounts/verify-email';
import { answerEmailVerificationAction } from './actions';

type Param = string | string[] | undefined;
type Props = { searchParams: Promise<{ token?: Param; verified?: Param; disowned?: Param }> };

const one = (value: Param) => (typeof value === 'string' ? value : '');

export default async function VerifyEmailPage({ searchParams }: Props) {
  const params = await searchParams;
  const [token, verified, disowned] = [one(params.token), one(params.verified), one(params.disowned)];
  if (verified) return <Verified email={verified} />;
  if (disowned) return <Disowned email={disowned} />;
  const pending = await pendingEmailVerification(token);
  if (!pending) return <NotValid />;
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">Is this your account?</h1>
      <p className="mt-4 text-slate-600">
        Someone created a Tenantry account with <strong>{pending.email}</strong> and asked us to confirm the address.
      </p>
      <ActionForm action={answerEmailVerificationAction} id="verify-email-form" className="mt-6 space-y-3">
        <input type="hidden" name="token" value={token} />
        <SubmitButton name="answer" value="mine">
          Yes, I created it: verify {pending.email}
        </SubmitButton>
        <SubmitButton name="answer" value="not-mine" tone="danger">
          No, I did not create this account
        </SubmitButton>
      </ActionForm>
    </main>
  );
}

function Verified({ email }: { email: string }) {
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold" data-testid="email-verified">
        {email} is verified
      </h1>
      <p className="mt-4">
        <Link href="/account" className="underline">
          Go to your account
        </Link>
      </p>
    </main>
  );
}

function Disowned({ email }: { email: string }) {
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold" data-testid="email-disowned">
        Thank you: {email} is yours again
      </h1>
      <p className="mt-4 text-slate-600">
        The password and sessions of whoever used your address are gone. To use the account yourself,{' '}
        <Link href="/signin" className="underline">
          sign in with a link sent to this address
        </Link>
        .
      </p>
    </main>
  );
}

function NotValid() {
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">This link is not valid</h1>
      <p className="mt-4 text-slate-600">
        It has expired, was already used, or a newer link replaced it. You can ask for a new one on your{' '}
        <Link href="/account" className="underline">
          account page
        </Link>
        .
      </p>
    </main>
  );
}
