// Where a magic link lands: it names the address about to be signed in, and signs in only when the
// user continues (see lib/auth/magic-link-confirmation.ts).
import Link from 'next/link';
import { confirmableMagicLink } from '@/lib/auth/magic-link-confirmation';

type Props = { searchParams: Promise<{ link?: string | string[] }> };

export default async function ConfirmMagicLink({ searchParams }: Props) {
  const { link } = await searchParams;
  const magicLink = confirmableMagicLink(typeof link === 'string' ? link : undefined);
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      {magicLink ? (
        <>
          <h1 className="text-2xl font-bold">Sign in as {magicLink.email}?</h1>
          <p className="mt-4 text-slate-600">Continue only if this is your address and you asked for this link.</p>
          <a
            href={magicLink.url}
            className="mt-6 inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white"
            data-testid="confirm-magic-link"
          >
            Continue as {magicLink.email}
          </a>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold">This sign-in link is not valid</h1>
          <p className="mt-4">
            <Link href="/signin" className="underline">
              Ask for a new one
            </Link>
          </p>
        </>
      )}
    </main>
  );
}
