// A workspace's SAML connection by slug, in the shape the SAML client takes; null when the
// workspace has none (or uses OIDC).
import 'server-only';
import { workspaceSso } from '../workspace-sso';
import type { SamlConnection } from './saml-client';

export async function samlConnectionFor(slug: string): Promise<SamlConnection | null> {
  const found = await workspaceSso(slug);
  const connection = found?.connection;
  if (!found || connection?.protocol !== 'saml' || !connection.samlIdpEntityId || !connection.samlIdpSsoUrl) {
    return null;
  }
  return {
    tenantId: found.tenant.id,
    slug: found.tenant.slug,
    idpEntityId: connection.samlIdpEntityId,
    idpSsoUrl: connection.samlIdpSsoUrl,
    idpCertificates: connection.samlIdpCertificates,
  };
}
