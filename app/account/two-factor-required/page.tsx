// Where a member is sent by a workspace that requires two-factor authentication when their session
// has none: set it up here, or, if it is already on, sign in again with it.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignOutButton } from '@/components/workspace/sign-out-button';
import { appUrl } from '@/lib/auth/app-url';
import { currentSession } from '@/lib/auth/current-session';
import { owesSecondFactor } from '@/lib/auth/second-factor/second-factor';
import { globalDb } from '@/lib/db/global-db';
import { workspaceEntryUrl } from '@/lib/workspaces/workspace-url';

type Props = { searchParams: Promise<{ workspace?: string | string[] }> };

export default async function TwoFactorRequiredPage({ searchParams }: Props) {
  const session = await currentSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(`${appUrl().origin}/account`)}`);
  const { workspace: slug } = await searchParams;
  const workspace =
    typeof slug === 'string'
      ? await globalDb().tenant.findFirst({ where: { slug }, select: { name: true, slug: true } })
      : null;
  // An authenticator app or a passkey: either makes a password sign-in ask for it.
  const enrolled = await owesSecondFactor(session.user.id);
  return (
    <main className="mx-auto max-w-md space-y-4 px-6 py-16">
      <h1 className="text-2xl font-bold" data-testid="two-factor-required">
        {workspace?.name ?? 'This workspace'} requires two-factor authentication
      </h1>
      {enrolled ? (
        <>
          <p>
            You have it on, but this session was opened without it. Sign out, then sign in again with your code or
            passkey.
          </p>
          <SignOutButton />
        </>
      ) : (
        <p>
          <Link href="/account#two-factor" className="underline">
            Set up an authenticator app or add a passkey on your account page
          </Link>
          , then{' '}
          {workspace ? (
            <a href={workspaceEntryUrl(workspace.slug)} className="underline">
              go back to {workspace.name}
            </a>
          ) : (
            'go back to the workspace'
          )}
          .
        </p>
      )}
    </main>
  );
}
