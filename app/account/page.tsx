// The account page (root site): profile, password, passkeys, the user's workspaces, a new workspace.
import { redirect } from 'next/navigation';
import { AccountSecuritySection } from '@/components/account/account-security-section';
import { PasskeysSection } from '@/components/account/passkeys-section';
import { SecurityActivity } from '@/components/account/security-activity';
import { TwoFactorSection } from '@/components/account/two-factor-section';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { SignOutButton } from '@/components/workspace/sign-out-button';
import { appUrl } from '@/lib/auth/app-url';
import { currentSession } from '@/lib/auth/current-session';
import { env } from '@/lib/env';
import { listSessionWorkspaces } from '@/lib/workspaces/list-user-workspaces';
import { workspaceEntryUrl } from '@/lib/workspaces/workspace-url';
import { changePasswordAction, createWorkspaceAction, updateProfileAction } from './actions';

export default async function AccountPage() {
  const session = await currentSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(`${appUrl().origin}/account`)}`);
  const { user } = session;
  const workspaces = await listSessionWorkspaces(session.id);
  return (
    <main className="mx-auto max-w-2xl space-y-12 px-6 py-12">
      <header className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">Your account</h1>
        <SignOutButton />
      </header>
      <AccountSecuritySection user={user} />
      <section>
        <h2 className="text-lg font-semibold">Workspaces</h2>
        {workspaces.length === 0 ? (
          <p className="mt-2 text-slate-600">You are not in any workspace yet.</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="account-workspaces">
            {workspaces.map((workspace) => (
              <li key={workspace.slug}>
                <a className="underline" href={workspaceEntryUrl(workspace.slug)}>
                  {workspace.name}
                </a>{' '}
                <span className="text-sm text-slate-500">({workspace.role})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2 className="text-lg font-semibold">Profile</h2>
        <p className="mt-1 text-sm text-slate-600">{user.email}</p>
        <ActionForm action={updateProfileAction} id="profile-form" className="mt-4 space-y-4">
          <TextField name="name" label="Name" defaultValue={user.name ?? ''} autoComplete="name" />
          <SubmitButton>Save</SubmitButton>
        </ActionForm>
      </section>
      <section>
        <h2 className="text-lg font-semibold">Password</h2>
        <ActionForm action={changePasswordAction} id="password-form" className="mt-4 space-y-4">
          <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
          <TextField
            name="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters."
          />
          <SubmitButton>Change password</SubmitButton>
        </ActionForm>
      </section>
      <PasskeysSection userId={user.id} />
      <TwoFactorSection user={user} />
      <SecurityActivity userId={user.id} />
      <section>
        <h2 className="text-lg font-semibold">New workspace</h2>
        <ActionForm action={createWorkspaceAction} id="new-workspace-form" className="mt-4 space-y-4">
          <TextField name="workspaceName" label="Workspace name" />
          <TextField name="slug" label="Workspace address" hint={`<address>.${env().ROOT_DOMAIN}`} />
          <SubmitButton>Create workspace</SubmitButton>
        </ActionForm>
      </section>
    </main>
  );
}
