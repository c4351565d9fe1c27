// Security settings (owners): whether members must sign in with a second factor, and whether a
// sign-in through the workspace's own identity provider counts as one.
import { ActionForm } from '@/components/forms/action-form';
import { SelectField } from '@/components/forms/select-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { requireMember } from '@/lib/auth/require-member';
import { readTwoFactorPolicy } from '@/lib/auth/second-factor/two-factor-policy';
import { updateTwoFactorPolicyAction } from './actions';

const YES_NO = [
  { value: 'no', label: 'No' },
  { value: 'yes', label: 'Yes' },
] as const;

export default async function SecuritySettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { workspace } = await requireMember((await params).tenant, {
    path: '/settings/security',
    permission: 'security.manage',
  });
  const policy = await readTwoFactorPolicy(workspace.id);
  return (
    <main className="mx-auto max-w-3xl space-y-8 px-6 py-12">
      <h1 className="text-2xl font-bold">Security for {workspace.name}</h1>
      <section>
        <h2 className="text-lg font-semibold">Two-factor authentication</h2>
        <p className="mt-2 text-sm text-slate-600">
          Members without it are sent to set it up before they can enter the workspace. Turn it on for yourself first.
        </p>
        <ActionForm action={updateTwoFactorPolicyAction} id="two-factor-policy-form" className="mt-4 space-y-4">
          <SelectField
            name="required"
            label="Require two-factor authentication of every member"
            options={YES_NO}
            defaultValue={policy.required ? 'yes' : 'no'}
          />
          <SelectField
            name="ssoSatisfies"
            label="A sign-in through this workspace's single sign-on counts as two-factor"
            options={YES_NO}
            defaultValue={policy.ssoSatisfies ? 'yes' : 'no'}
          />
          <SubmitButton>Save</SubmitButton>
        </ActionForm>
      </section>
    </main>
  );
}
