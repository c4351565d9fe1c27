// Where an invitation link lands, on the inviting workspace's host. Signed out → sign in and come
// back here; signed in → "Join <workspace> as <role>", or why this invitation cannot be used.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { SignOutButton } from '@/components/workspace/sign-out-button';
import { currentUser } from '@/lib/auth/current-session';
import { findMembership } from '@/lib/auth/membership';
import { signInUrlFor } from '@/lib/auth/sign-in-url';
import { tenantDb } from '@/lib/db/tenant-db';
import { normalizeHost } from '@/lib/hosts/classify-host';
import { ALREADY_A_MEMBER, INVITATION_NOT_FOUND, maskEmail } from '@/lib/invitations/accept-invitation';
import { findInvitation, UNUSABLE_INVITATION } from '@/lib/invitations/find-invitation';
import { currentWorkspace } from '@/lib/workspaces/current-workspace';
import { acceptInvitation } from './actions';

// The token is in this page's URL: keep it out of the Referer of anything the page links to.
export const metadata: Metadata = { title: 'Invitation', referrer: 'no-referrer' };

type Props = { params: Promise<{ tenant: string; token: string }> };

export default async function InvitePage({ params }: Props) {
  const { tenant, token } = await params;
  const workspace = await currentWorkspace(tenant);
  const user = await currentUser();
  if (!user) {
    const host = normalizeHost((await headers()).get('host'));
    redirect(host ? signInUrlFor(host, `/invite/${encodeURIComponent(token)}`) : '/');
  }
  const [invitation, membership] = await Promise.all([
    findInvitation(tenantDb(workspace.id), token),
    findMembership(workspace.id, user.id),
  ]);

  if (membership) {
    return (
      <Notice title={workspace.name}>
        {ALREADY_A_MEMBER}{' '}
        <Link href="/" className="underline">
          Open the workspace
        </Link>
      </Notice>
    );
  }
  if (!invitation) return <Notice title="Invitation not found">{INVITATION_NOT_FOUND}</Notice>;
  if (invitation.state !== 'pending') {
    return <Notice title="Invitation unavailable">{UNUSABLE_INVITATION[invitation.state]}</Notice>;
  }
  if (invitation.email !== user.email.toLowerCase()) {
    return (
      <Notice title="Wrong account">
        This invitation is for {maskEmail(invitation.email)}, and you are signed in as {user.email}. Sign out, then open
        the link again and sign in with that address.
        <div className="mt-4">
          <SignOutButton />
        </div>
      </Notice>
    );
  }
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-bold" data-testid="invitation-title">
        Join {invitation.workspaceName} as {invitation.role}
      </h1>
      <p className="mt-4 text-slate-600">You were invited as {user.email}.</p>
      <ActionForm action={acceptInvitation} id="accept-form" className="mt-6 space-y-4">
        <input type="hidden" name="token" value={token} />
        <SubmitButton>Accept invitation</SubmitButton>
      </ActionForm>
    </main>
  );
}

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-bold">{title}</h1>
      {/* A div, not a p: a notice may hold the sign-out form. */}
      <div className="mt-4 text-slate-600" data-testid="invitation-notice">
        {children}
      </div>
    </main>
  );
}
