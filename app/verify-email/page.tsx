// Where the verification link lands (root site). Opening it verifies the address the token names,
// and says which; it reads no session and signs nobody in (lib/accounts/verify-email.ts).
import Link from 'next/link';
import { verifyEmail } from '@/lib/accounts/verify-email';

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const result = await verifyEmail(typeof token === 'string' ? token : '');
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      {result.ok ? (
        <>
          <h1 className="text-2xl font-bold" data-testid="email-verified">
            {result.email} is verified
          </h1>
          <p className="mt-4 text-slate-600">
            Thank you. If you did not create this account, someone else used your address:{' '}
            <Link href="/forgot-password" className="underline">
              reset its password
            </Link>{' '}
            to take it over and sign them out.
          </p>
          <p className="mt-4">
            <Link href="/account" className="underline">
              Go to your account
            </Link>
          </p>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold">This link is not valid</h1>
          <p className="mt-4 text-slate-600">
            It has expired, was already used, or a newer link replaced it. You can ask for a new one on your{' '}
            <Link href="/account" className="underline">
              account page
            </Link>
            .
          </p>
        </>
      )}
    </main>
  );
}
