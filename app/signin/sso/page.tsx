// Root site: single sign-on starts here, for a workspace named by slug (the "Sign in with SSO"
// button of a workspace's host) or by the user's email domain (typed on the main sign-in page).
// OIDC continues through next-auth (a POST with its CSRF token, made by OidcRedirect); SAML
// through our own start route.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { OidcRedirect } from '@/components/auth/oidc-redirect';
import { appUrl } from '@/lib/auth/app-url';
import { safeCallbackUrl } from '@/lib/auth/safe-redirect';
import { domainOfEmail } from '@/lib/sso/email-domain-name';
import { ssoProviderId } from '@/lib/sso/oidc-sign-in-provider';
import { ssoRouteForEmail } from '@/lib/sso/sso-route-for-email';
import { workspaceSso } from '@/lib/sso/workspace-sso';
import { workspaceEntryUrl } from '@/lib/workspaces/workspace-url';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SingleSignOnPage({ searchParams }: Props) {
  const params = await searchParams;
  const text = (name: string) => (typeof params[name] === 'string' ? params[name] : undefined);
  const email = text('email')?.trim().toLowerCase().slice(0, 320);
  const slug = text('workspace') ?? (email ? (await ssoRouteForEmail(email))?.slug : undefined);
  const found = slug ? await workspaceSso(slug) : null;
  if (!found) return <NoSingleSignOn email={email} />;

  // With nowhere particular to go (the root's home page), a sign-in through a workspace's IdP goes
  // to that workspace.
  const requested = safeCallbackUrl(text('callbackUrl'));
  const callbackUrl = requested === `${appUrl().origin}/` ? workspaceEntryUrl(found.tenant.slug) : requested;
  if (found.connection.protocol === 'saml') {
    redirect(`/api/sso/saml/${found.tenant.slug}/start?${new URLSearchParams({ callbackUrl })}`);
  }
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">Signing in to {found.tenant.name}</h1>
      <OidcRedirect providerId={ssoProviderId(found.tenant.slug)} callbackUrl={callbackUrl} loginHint={email} />
    </main>
  );
}

function NoSingleSignOn({ email }: { email: string | undefined }) {
  const domain = email ? domainOfEmail(email) : null;
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-bold">Single sign-on</h1>
      <p className="mt-4 text-slate-600" data-testid="sso-not-found">
        {domain
          ? `No workspace has set up single sign-on for ${domain}.`
          : 'Enter your work email on the sign-in page to find your single sign-on.'}
      </p>
      <Link href="/signin" className="mt-6 inline-block text-sm underline">
        Back to sign-in
      </Link>
    </main>
  );
}
