// Signed in, but not a member of this workspace (never invited, or removed).
import { SignOutButton } from '@/components/workspace/sign-out-button';
import { appUrl } from '@/lib/auth/app-url';
import { currentUser } from '@/lib/auth/current-session';
import { currentWorkspace } from '@/lib/workspaces/current-workspace';

export default async function NoAccess({ params }: { params: Promise<{ tenant: string }> }) {
  const workspace = await currentWorkspace((await params).tenant);
  const user = await currentUser();
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-bold">No access to {workspace.name}</h1>
      <p className="mt-4 text-slate-600" data-testid="no-access">
        {user
          ? `You are signed in as ${user.email}, which is not a member of this workspace.`
          : 'You are not signed in.'}{' '}
        Ask one of its admins for an invitation.
      </p>
      <div className="mt-6 flex items-center gap-6">
        <a className="text-sm hover:underline" href={`${appUrl().origin}/account`}>
          Your workspaces
        </a>
        {user && <SignOutButton />}
      </div>
    </main>
  );
}
