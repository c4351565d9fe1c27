// Where a workspace's SAML service provider lives. Each workspace is its own service provider with
// its own entity id, which IdPs put in assertions as the audience: an assertion made for workspace A
// fails audience validation at workspace B, even when both trust the same IdP.
import { appUrl } from '../../auth/app-url';

export type SamlEndpoints = {
  /** Our entity id (SP issuer) and the audience we require in assertions. */
  entityId: string;
  /** Assertion Consumer Service: where the IdP posts its response (HTTP-POST binding). */
  acsUrl: string;
  /** Our SP metadata, for the admin to give their IdP. */
  metadataUrl: string;
};

export function samlEndpoints(slug: string): SamlEndpoints {
  const entityId = `${appUrl().origin}/api/sso/saml/${encodeURIComponent(slug)}`;
  return { entityId, acsUrl: `${entityId}/acs`, metadataUrl: `${entityId}/metadata` };
}

/** The provider name under which a SAML subject is linked to our user (accounts.provider). */
export function samlProviderId(slug: string): string {
  return `saml-${slug}`;
}
