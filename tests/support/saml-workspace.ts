// A test workspace whose SAML connection trusts a test IdP, made from the IdP's metadata as an
// owner's save would make it; optionally saved from a metadata URL, and with a verified email
// domain (without one the workspace offers no SSO at all).
import { authDbFor } from '../../lib/db/auth-db';
import { tenantDb } from '../../lib/db/tenant-db';
import { parseIdpMetadata } from '../../lib/sso/saml/parse-idp-metadata';
import type { SamlConnection } from '../../lib/sso/saml/saml-client';
import type { SamlTestIdp } from './saml-test-idp';
import { createTenant } from './tenants';

export async function samlWorkspace(
  idp: SamlTestIdp,
  options: { label?: string; metadataUrl?: string; verifiedDomain?: boolean } = {},
): Promise<{ tenant: { id: string; slug: string }; connection: SamlConnection }> {
  const tenant = await createTenant(options.label ?? 'saml', { plan: 'pro' });
  const metadata = parseIdpMetadata(idp.metadataXml());
  const db = tenantDb(tenant.id);
  await db.ssoConnection.create({
    data: {
      protocol: 'saml',
      samlIdpEntityId: metadata.entityId,
      samlIdpSsoUrl: metadata.ssoUrl,
      samlIdpCertificates: metadata.certificates,
      samlMetadataUrl: options.metadataUrl ?? null,
    },
  });
  if (options.verifiedDomain) {
    const claim = await db.ssoEmailDomain.create({
      data: { domain: `${tenant.slug}.example`, verificationToken: 't' },
    });
    await authDbFor(tenant.id).$queryRaw`SELECT * FROM record_email_domain_check(${claim.id}::uuid, true, NULL)`;
  }
  return {
    tenant,
    connection: {
      tenantId: tenant.id,
      slug: tenant.slug,
      idpEntityId: metadata.entityId,
      idpSsoUrl: metadata.ssoUrl,
      idpCertificates: metadata.certificates,
    },
  };
}
