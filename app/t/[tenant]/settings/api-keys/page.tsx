// API keys settings (admins): create a key for scripts calling the v1 REST API (its secret is
// shown once), see every key's prefix, scopes, creator and last use, and revoke one.
import { ScopeCheckboxes } from '@/components/api-keys/scope-checkboxes';
import { ActionForm } from '@/components/forms/action-form';
import { SelectField } from '@/components/forms/select-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { requireMember } from '@/lib/auth/require-member';
import { workspaceUrl } from '@/lib/workspaces/workspace-url';
import { createApiKeyAction, revokeApiKeyAction } from './actions';

const EXPIRY_OPTIONS = [
  { value: 'never', label: 'Never' },
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
] as const;
const DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function ApiKeysPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { workspace, db } = await requireMember((await params).tenant, {
    path: '/settings/api-keys',
    permission: 'apiKeys.manage',
  });
  const keys = await listApiKeys(db);
  const now = new Date();
  return (
    <main className="mx-auto max-w-3xl space-y-10 px-6 py-12">
      <h1 className="text-2xl font-bold">API keys for {workspace.name}</h1>
      <p className="text-sm text-slate-600">
        Scripts call <code>{workspaceUrl(workspace.slug, '/v1')}</code> with{' '}
        <code>Authorization: Bearer &lt;key&gt;</code>. The reference is at{' '}
        <a className="underline" href="/v1/docs">
          /v1/docs
        </a>
        .
      </p>
      <section>
        <h2 className="text-lg font-semibold">Create a key</h2>
        <ActionForm action={createApiKeyAction} id="api-key-form" className="mt-4 space-y-4">
          <TextField name="name" label="Name" required />
          <ScopeCheckboxes />
          <SelectField name="expiry" label="Expires" options={EXPIRY_OPTIONS} defaultValue="never" />
          <SubmitButton>Create key</SubmitButton>
        </ActionForm>
      </section>
      <section>
        <h2 className="text-lg font-semibold">Keys</h2>
        {keys.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No keys yet.</p>
        ) : (
          <ul className="mt-4 space-y-4">
            {keys.map((key) => {
              const state = key.revokedAt
                ? `revoked ${DATE.format(key.revokedAt)}`
                : key.expiresAt && key.expiresAt <= now
                  ? `expired ${DATE.format(key.expiresAt)}`
                  : !key.creatorIsAdmin
                    ? 'inactive: its creator is no longer an admin here (create a new key)'
                    : key.expiresAt
                      ? `expires ${DATE.format(key.expiresAt)}`
                      : 'does not expire';
              return (
                <li key={key.id} data-testid="api-key" data-name={key.name} className="text-sm">
                  <p className="font-medium">
                    {key.name} <code>{key.prefix}…</code>
                  </p>
                  <p className="text-slate-600">
                    {key.scopes.join(', ')} · created {DATE.format(key.createdAt)} by{' '}
                    {key.createdBy?.email ?? 'a former member'} · last used{' '}
                    {key.lastUsedAt ? DATE.format(key.lastUsedAt) : 'never'} · {state}
                  </p>
                  {/* Kept after revocation, so its result stays on screen when the list re-renders. */}
                  <ActionForm action={revokeApiKeyAction} id={`revoke-${key.id}`} className="mt-1">
                    <input type="hidden" name="keyId" value={key.id} />
                    {!key.revokedAt && <SubmitButton tone="danger">Revoke</SubmitButton>}
                  </ActionForm>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </main>
  );
}
