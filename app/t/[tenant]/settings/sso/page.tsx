// SSO & SCIM settings. Admins: the SCIM endpoint and token, and which role each provisioned group
// gives. Owners also: the sign-in connection (OIDC or SAML), its policy and email domains — an IdP
// can assert any member's identity, owners' included, so only owners may choose it.
import { ActionForm } from '@/components/forms/action-form';
import { SelectField } from '@/components/forms/select-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { SsoConnectionSettings } from '@/components/sso/sso-connection-settings';
import { appUrl } from '@/lib/auth/app-url';
import { can } from '@/lib/auth/permissions';
import { requireMember } from '@/lib/auth/require-member';
import { listGroupRoles } from '@/lib/scim/list-group-roles';
import { listScimTokens } from '@/lib/scim/list-scim-tokens';
import { ssoProviderId } from '@/lib/sso/oidc-sign-in-provider';
import { readSsoSettings } from '@/lib/sso/read-sso-settings';
import { samlEndpoints } from '@/lib/sso/saml/saml-endpoints';
import { workspaceUrl } from '@/lib/workspaces/workspace-url';
import { mapGroupRoleAction, rotateScimTokenAction } from './actions';

const ROLE_OPTIONS = [
  { value: 'none', label: 'No role (no access from this group)' },
  { value: 'member', label: 'member' },
  { value: 'admin', label: 'admin' },
] as const;
const DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function SsoSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { workspace, db, role } = await requireMember((await params).tenant, {
    path: '/settings/sso',
    permission: 'scim.manage',
  });
  const managesSso = can(role, 'sso.manage');
  const [tokens, groups, ssoSettings] = await Promise.all([
    listScimTokens(db),
    listGroupRoles(db),
    managesSso ? readSsoSettings(db) : null,
  ]);
  const saml = samlEndpoints(workspace.slug);
  const live = tokens.filter((token) => !token.revokedAt);
  return (
    <main className="mx-auto max-w-3xl space-y-10 px-6 py-12">
      <h1 className="text-2xl font-bold">SSO &amp; SCIM for {workspace.name}</h1>
      {ssoSettings && (
        <SsoConnectionSettings
          settings={ssoSettings}
          endpoints={{
            oidcRedirectUri: new URL(`/api/auth/callback/${ssoProviderId(workspace.slug)}`, appUrl()).toString(),
            samlEntityId: saml.entityId,
            samlAcsUrl: saml.acsUrl,
            samlMetadataUrl: saml.metadataUrl,
            signInUrl: workspaceUrl(workspace.slug, '/auth/sso'),
          }}
        />
      )}
      <section>
        <h2 className="text-lg font-semibold">SCIM provisioning</h2>
        <p className="mt-2 text-sm text-slate-600">
          Base URL for Okta or Entra ID:{' '}
          <code data-testid="scim-base-url">{workspaceUrl(workspace.slug, '/api/scim/v2')}</code>
        </p>
        <p className="mt-2 text-sm text-slate-600" data-testid="scim-token-status">
          {live[0]
            ? `A token is active (created ${DATE.format(live[0].createdAt)} by ${live[0].createdBy?.email ?? 'a former member'}; last used ${live[0].lastUsedAt ? DATE.format(live[0].lastUsedAt) : 'never'}).`
            : 'No token yet.'}
        </p>
        <ActionForm action={rotateScimTokenAction} id="scim-token-form" className="mt-4 space-y-2">
          <SubmitButton>
            {live.length ? 'Replace the token (the current one stops working)' : 'Create a token'}
          </SubmitButton>
        </ActionForm>
      </section>
      <section>
        <h2 className="text-lg font-semibold">Groups → roles</h2>
        {groups.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">
            No groups provisioned yet. Push groups from your identity provider.
          </p>
        ) : (
          <ul className="mt-4 space-y-4">
            {groups.map((group) => (
              <li key={group.id} data-testid="scim-group" data-name={group.displayName}>
                <ActionForm action={mapGroupRoleAction} id={`group-role-${group.id}`} className="flex items-end gap-3">
                  <input type="hidden" name="groupId" value={group.id} />
                  <SelectField
                    name="role"
                    label={group.displayName}
                    options={ROLE_OPTIONS}
                    defaultValue={group.role ?? 'none'}
                  />
                  <SubmitButton>Save</SubmitButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
