// The owners' half of Settings → SSO & SCIM: the identity provider (OIDC or SAML), what a first
// sign-in grants, whether SSO is required, and the email domains it covers. Server component; the
// forms post to the actions in app/t/[tenant]/settings/sso/sso-connection-actions.ts.
import {
  checkEmailDomainAction,
  claimEmailDomainAction,
  removeEmailDomainAction,
  removeSsoConnectionAction,
  saveOidcConnectionAction,
  saveSamlConnectionAction,
  updateSsoPolicyAction,
} from '@/app/t/[tenant]/settings/sso/sso-connection-actions';
import { ActionForm } from '@/components/forms/action-form';
import { SelectField } from '@/components/forms/select-field';
import { SubmitButton } from '@/components/forms/submit-button';
import { TextField } from '@/components/forms/text-field';
import type { readSsoSettings } from '@/lib/sso/read-sso-settings';

type Settings = Awaited<ReturnType<typeof readSsoSettings>>;
type Endpoints = {
  oidcRedirectUri: string;
  samlEntityId: string;
  samlAcsUrl: string;
  samlMetadataUrl: string;
  signInUrl: string;
};

const ROLE_OPTIONS = [
  { value: 'member', label: 'member' },
  { value: 'admin', label: 'admin' },
] as const;

export function SsoConnectionSettings({ settings, endpoints }: { settings: Settings; endpoints: Endpoints }) {
  const { connection, domains } = settings;
  return (
    <>
      <section>
        <h2 className="text-lg font-semibold">Single sign-on</h2>
        <p className="mt-2 text-sm text-slate-600" data-testid="sso-status">
          {connection?.protocol === 'oidc' &&
            `Connected to ${connection.oidcIssuer} (OpenID Connect, client ${connection.oidcClientId}; client secret ${connection.hasClientSecret ? 'stored, never shown' : 'missing'}).`}
          {connection?.protocol === 'saml' &&
            `Connected to ${connection.samlIdpEntityId} (SAML 2.0, ${connection.samlCertificateCount} signing certificate(s)).`}
          {!connection && 'Not connected. Members sign in with a password, a link or an invitation.'}
        </p>
        {connection && domains.some((claim) => claim.verifiedAt) && (
          <p className="mt-2 text-sm text-slate-600">
            Members sign in at <code>{endpoints.signInUrl}</code>, or by typing their email on the main sign-in page.
          </p>
        )}
        {connection && !domains.some((claim) => claim.verifiedAt) && (
          <p className="mt-2 text-sm text-amber-800" data-testid="sso-needs-domain">
            Single sign-on starts working once an email domain below is verified.
          </p>
        )}
      </section>

      <section className="space-y-3">
        <h3 className="font-semibold">OpenID Connect</h3>
        <p className="text-sm text-slate-600">
          Redirect URI to register at your provider:{' '}
          <code data-testid="oidc-redirect-uri">{endpoints.oidcRedirectUri}</code>
        </p>
        <ActionForm action={saveOidcConnectionAction} id="oidc-form">
          <TextField
            name="issuer"
            label="Issuer URL"
            type="url"
            defaultValue={connection?.oidcIssuer ?? undefined}
            hint="We check its discovery document (/.well-known/openid-configuration) when you save."
          />
          <TextField name="clientId" label="Client id" defaultValue={connection?.oidcClientId ?? undefined} />
          <TextField
            name="clientSecret"
            label="Client secret"
            type="password"
            autoComplete="off"
            hint={connection?.hasClientSecret ? 'A secret is stored. Leave empty to keep it.' : 'Stored encrypted.'}
          />
          <SubmitButton>Save OpenID Connect</SubmitButton>
        </ActionForm>
      </section>

      <section className="space-y-3">
        <h3 className="font-semibold">SAML 2.0</h3>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm text-slate-600">
          <dt>Entity id (audience)</dt>
          <dd>
            <code data-testid="saml-entity-id">{endpoints.samlEntityId}</code>
          </dd>
          <dt>ACS URL</dt>
          <dd>
            <code data-testid="saml-acs-url">{endpoints.samlAcsUrl}</code>
          </dd>
          <dt>Our metadata</dt>
          <dd>
            <a className="underline" href={endpoints.samlMetadataUrl}>
              {endpoints.samlMetadataUrl}
            </a>
          </dd>
        </dl>
        <ActionForm action={saveSamlConnectionAction} id="saml-form">
          <label className="block text-sm font-medium" htmlFor="saml-metadata-xml">
            IdP metadata XML
          </label>
          <textarea
            id="saml-metadata-xml"
            name="metadataXml"
            rows={5}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
          />
          <TextField
            name="metadataUrl"
            label="…or its URL"
            type="url"
            defaultValue={connection?.samlMetadataUrl ?? undefined}
          />
          <SubmitButton>Save SAML</SubmitButton>
        </ActionForm>
      </section>

      {connection && (
        <section className="space-y-3">
          <h3 className="font-semibold">Policy</h3>
          <ActionForm action={updateSsoPolicyAction} id="sso-policy-form">
            <SelectField
              name="defaultRole"
              label="Role of a member's first sign-in"
              options={ROLE_OPTIONS}
              defaultValue={connection.defaultRole}
            />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="ssoRequired" defaultChecked={connection.ssoRequired} />
              Require single sign-on for the verified email domains below (passwords and sign-in links are refused)
            </label>
            <SubmitButton>Save policy</SubmitButton>
          </ActionForm>
          <ActionForm action={removeSsoConnectionAction} id="sso-remove-form">
            <SubmitButton>Disconnect the identity provider</SubmitButton>
          </ActionForm>
        </section>
      )}

      <section className="space-y-3">
        <h3 className="font-semibold">Email domains</h3>
        <p className="text-sm text-slate-600">
          Single sign-on signs in addresses of verified domains only. Prove each domain with a DNS TXT record, and keep
          the record: the scheduled re-check un-verifies a domain whose record is gone.
        </p>
        <ul className="space-y-4">
          {domains.map((claim) => (
            <li key={claim.id} data-testid="sso-email-domain" data-domain={claim.domain} className="text-sm">
              <p>
                <strong>{claim.domain}</strong>{' '}
                <span data-testid="sso-email-domain-status">{claim.verifiedAt ? 'verified' : 'pending'}</span>
                {claim.statusReason && <span className="text-slate-600"> — {claim.statusReason}</span>}
              </p>
              {!claim.verifiedAt && (
                <p className="text-slate-600">
                  TXT <code>{claim.recordName}</code> = <code>{claim.verificationToken}</code>
                </p>
              )}
              <div className="mt-1 flex gap-3">
                <ActionForm action={checkEmailDomainAction} id={`check-email-domain-${claim.id}`}>
                  <input type="hidden" name="claimId" value={claim.id} />
                  <SubmitButton>Check now</SubmitButton>
                </ActionForm>
                <ActionForm action={removeEmailDomainAction} id={`remove-email-domain-${claim.id}`}>
                  <input type="hidden" name="claimId" value={claim.id} />
                  <SubmitButton>Remove</SubmitButton>
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
        <ActionForm action={claimEmailDomainAction} id="claim-email-domain-form" className="flex items-end gap-3">
          <TextField name="domain" label="Email domain" />
          <SubmitButton>Claim</SubmitButton>
        </ActionForm>
      </section>
    </>
  );
}
