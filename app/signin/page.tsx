// Sign-in, on the root site only. Already signed in → straight on to where the user was going.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PasskeySignIn } from '@/components/auth/passkey-sign-in';
import { SignInForm } from '@/components/auth/sign-in-form';
import { appUrl } from '@/lib/auth/app-url';
import { currentSession } from '@/lib/auth/current-session';
import { safeCallbackUrl } from '@/lib/auth/safe-redirect';
import { signInErrorMessage } from '@/lib/auth/sign-in-error-message';
import { signInProviders } from '@/lib/auth/sign-in-providers';
import { callbackWorkspaceSlug } from '@/lib/sso/callback-workspace';
import { workspaceSso } from '@/lib/sso/workspace-sso';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  // Asked for nothing in particular: land on the workspace last used (app/auth/landing/route.ts).
  const callbackUrl =
    typeof params.callbackUrl === 'string' ? safeCallbackUrl(params.callbackUrl) : `${appUrl().origin}/auth/landing`;
  const slug = await callbackWorkspaceSlug(callbackUrl);
  const destination = slug ? await workspaceSso(slug) : null;
  const session = await currentSession();
  // A session from a workspace's IdP only goes back to that workspace (elsewhere it is no session,
  // and redirecting there would bring the browser straight back here).
  const sessionServesDestination = !session?.ssoTenantId || session.ssoTenantId === destination?.tenant.id;
  if (session && session.host === null && !params.error && sessionServesDestination) redirect(callbackUrl);
  const error = typeof params.error === 'string' ? signInErrorMessage(params.error) : undefined;
  const email = typeof params.email === 'string' ? params.email : undefined;
  const workspaceSsoLink = destination
    ? {
        name: destination.tenant.name,
        href: `/signin/sso?${new URLSearchParams({ workspace: destination.tenant.slug, callbackUrl })}`,
      }
    : undefined;
  const oauthProviders = signInProviders()
    .filter((provider) => provider.type === 'oauth')
    .map((provider) => ({ id: provider.id, name: provider.name }));
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">Sign in</h1>
      {params.signedOut && <p className="mt-4 text-sm text-emerald-700">You are signed out.</p>}
      {params.reset && <p className="mt-4 text-sm text-emerald-700">Your password was changed. Sign in with it.</p>}
      {session?.ssoTenantId && !sessionServesDestination && (
        <p className="mt-4 text-sm text-amber-800" data-testid="sso-session-elsewhere">
          You are signed in as {session.user.email} through another workspace&apos;s single sign-on, which is good for
          that workspace only. Sign out, then sign in here.
        </p>
      )}
      <SignInForm
        callbackUrl={callbackUrl}
        oauthProviders={oauthProviders}
        initialError={error}
        initialEmail={email}
        initialSsoRequired={params.error === 'SsoRequired'}
        workspaceSso={workspaceSsoLink}
      />
      <PasskeySignIn callbackUrl={callbackUrl} />
      <p className="mt-6 flex gap-6 text-sm text-slate-600">
        <Link href="/signup" className="underline">
          Create a workspace
        </Link>
        <Link href="/forgot-password" className="underline">
          Forgot your password?
        </Link>
      </p>
    </main>
  );
}
