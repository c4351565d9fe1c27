// IdPs rotate their SAML signing certificates, and publish the new one in their metadata first. A
// connection saved from a metadata URL re-reads it (jobs:refresh-saml-metadata), so sign-in keeps
// working across a rotation. Only the certificates and the sign-in URL follow the document: if it
// now names another IdP (another entity id), nothing changes and the admins see why in the audit log.
import 'server-only';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { tenantDb } from '../../db/tenant-db';
import { fetchIdentityProviderDocument } from '../fetch-identity-provider-document';
import { checkIdentityProviderUrl } from '../identity-provider-url';
import { parseIdpMetadata, SamlMetadataError } from './parse-idp-metadata';

export type MetadataRefresh = 'unchanged' | 'updated' | 'refused' | 'unreachable' | 'not-applicable';

export async function refreshSamlMetadata(tenantId: string): Promise<MetadataRefresh> {
  const db = tenantDb(tenantId);
  const connection = await db.ssoConnection.findFirst({
    where: { protocol: 'saml', samlMetadataUrl: { not: null } },
    select: {
      samlMetadataUrl: true,
      samlIdpEntityId: true,
      samlIdpSsoUrl: true,
      samlIdpCertificates: true,
      updatedAt: true,
    },
  });
  if (!connection?.samlMetadataUrl) return 'not-applicable';
  const url = checkIdentityProviderUrl(connection.samlMetadataUrl, 'The metadata URL');
  if (!url.ok) return refuse(tenantId, url.message);
  const fetched = await fetchIdentityProviderDocument(url.url, 'application/samlmetadata+xml, application/xml');
  if (!fetched.ok) {
    console.warn(`[sso] tenant=${tenantId} SAML metadata not refreshed: ${fetched.message}`);
    return 'unreachable';
  }
  let metadata: ReturnType<typeof parseIdpMetadata>;
  try {
    metadata = parseIdpMetadata(fetched.body);
  } catch (error) {
    if (error instanceof SamlMetadataError) return refuse(tenantId, error.message);
    throw error;
  }
  if (metadata.entityId !== connection.samlIdpEntityId) {
    return refuse(tenantId, `The metadata now describes another identity provider (${metadata.entityId}).`);
  }
  const signInUrl = checkIdentityProviderUrl(metadata.ssoUrl, "The IdP's sign-in URL");
  if (!signInUrl.ok) return refuse(tenantId, signInUrl.message);
  const sameCertificates =
    metadata.certificates.length === connection.samlIdpCertificates.length &&
    metadata.certificates.every((certificate) => connection.samlIdpCertificates.includes(certificate));
  if (sameCertificates && metadata.ssoUrl === connection.samlIdpSsoUrl) return 'unchanged';
  return db.$transaction(async (tx): Promise<MetadataRefresh> => {
    // Only the connection as read: an owner who saved another IdP meanwhile keeps theirs.
    const { count } = await tx.ssoConnection.updateMany({
      where: { tenantId, updatedAt: connection.updatedAt, samlMetadataUrl: connection.samlMetadataUrl },
      data: { samlIdpCertificates: metadata.certificates, samlIdpSsoUrl: metadata.ssoUrl },
    });
    if (count === 0) return 'unchanged';
    await recordAuditEvent(tx, {
      actor: null,
      action: 'sso.connection.refreshed',
      target: metadata.entityId,
      details: {
        certificates: metadata.certificates.length,
        signInUrlChanged: metadata.ssoUrl !== connection.samlIdpSsoUrl,
      },
    });
    return 'updated';
  });
}

async function refuse(tenantId: string, reason: string): Promise<MetadataRefresh> {
  console.warn(`[sso] tenant=${tenantId} SAML metadata refresh refused: ${reason}`);
  await recordAuditEvent(tenantDb(tenantId), {
    actor: null,
    action: 'sso.connection.refresh_refused',
    details: { reason },
  });
  return 'refused';
}
