// Signed in, but not a member of this workspace (never invited, or removed): say who they are,
// and offer every way on: their own workspaces, another account, or asking for an invitation.
import { SignOutButton } from '@/components/workspace/sign-out-button';
import { appUrl } from '@/lib/auth/app-url';
import { currentSession } from '@/lib/auth/current-session';
import { currentWorkspace } from '@/lib/workspaces/current-workspace';
import { listSessionWorkspaces } from '@/lib/workspaces/list-user-workspaces';
import { workspaceEntryUrl, workspaceHost } from '@/lib/workspaces/workspace-url';

export default async function NoAccess({ params }: { params: Promise<{ tenant: string }> }) {
  const workspace = await currentWorkspace((await params).tenant);
  const session = await currentSession();
  const own = session ? await listSessionWorkspaces(session.id) : [];
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-bold">No access to {workspace.name}</h1>
      <p className="mt-4 text-slate-600" data-testid="no-access">
        {session
          ? `You are signed in as ${session.user.email}, which is not a member of this workspace.`
          : 'You are not signed in.'}
      </p>
      <section className="mt-8 rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="font-semibold">Ask an admin</h2>
        <p className="mt-1 text-sm text-slate-600">
          An admin of {workspace.name} can invite {session ? session.user.email : 'you'} from the workspace's Members
          page. The invitation arrives by email.
        </p>
      </section>
      {own.length > 0 && (
        <section className="mt-6">
          <h2 className="font-semibold">Switch workspace</h2>
          <ul className="mt-2 space-y-2" data-testid="no-access-workspaces">
            {own.map((entry) => (
              <li key={entry.slug}>
                <a className="font-medium hover:underline" href={workspaceEntryUrl(entry.slug)}>
                  {entry.name}
                </a>{' '}
                <span className="text-sm text-slate-500">{workspaceHost(entry.slug)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="mt-8 flex flex-wrap items-center gap-6">
        {session && <SignOutButton label="Sign in as someone else" />}
        <a className="text-sm hover:underline" href={`${appUrl().origin}/account`}>
          Your account
        </a>
      </div>
    </main>
  );
}
