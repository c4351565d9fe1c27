// An owner connects the workspace to a SAML 2.0 identity provider, by pasting its metadata XML or
// giving its metadata URL (fetched once, now). What we keep is public: the IdP's entity id, its
// sign-in URL and its signing certificates.
import 'server-only';
import { z } from 'zod';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import { tenantDb } from '../db/tenant-db';
import { fetchIdentityProviderDocument } from './fetch-identity-provider-document';
import { forgetIdpTrust, trustedIdp } from './forget-idp-trust';
import { checkIdentityProviderUrl } from './identity-provider-url';
import { parseIdpMetadata, SamlMetadataError } from './saml/parse-idp-metadata';
import type { SaveResult } from './save-oidc-connection';

export const SamlConnectionInput = z.object({
  metadataXml: z.string().max(256 * 1024, 'The metadata is larger than 256 KB.'),
  metadataUrl: z.string().trim().max(500),
});
export type SamlConnectionInput = z.infer<typeof SamlConnectionInput>;

export async function saveSamlConnection(
  tenantId: string,
  actor: AuditActor,
  input: SamlConnectionInput,
): Promise<SaveResult> {
  const xml = await metadataFrom(input);
  if (!xml.ok) return xml;
  let metadata: ReturnType<typeof parseIdpMetadata>;
  try {
    metadata = parseIdpMetadata(xml.body);
  } catch (error) {
    if (error instanceof SamlMetadataError) return { ok: false, field: xml.field, message: error.message };
    throw error;
  }
  const signInUrl = checkIdentityProviderUrl(metadata.ssoUrl, "The IdP's sign-in URL (SingleSignOnService)");
  if (!signInUrl.ok) return { ok: false, field: xml.field, message: signInUrl.message };
  const fields = {
    protocol: 'saml' as const,
    samlIdpEntityId: metadata.entityId,
    samlIdpSsoUrl: metadata.ssoUrl,
    samlIdpCertificates: metadata.certificates,
    samlMetadataUrl: input.metadataUrl || null,
    oidcIssuer: null,
    oidcClientId: null,
    oidcClientSecretEncrypted: null,
    oidcAuthorizationEndpoint: null,
    oidcTokenEndpoint: null,
    oidcUserinfoEndpoint: null,
    oidcJwksUri: null,
  };
  const db = tenantDb(tenantId);
  const existing = await db.ssoConnection.findFirst({
    select: { protocol: true, oidcIssuer: true, samlIdpEntityId: true },
  });
  await db.$transaction(async (tx) => {
    await tx.ssoConnection.upsert({ where: { tenantId }, create: fields, update: fields });
    await recordAuditEvent(tx, {
      actor,
      action: 'sso.connection.saved',
      target: metadata.entityId,
      details: { protocol: 'saml', certificates: metadata.certificates.length },
    });
  });
  // Another IdP now: nothing the previous one vouched for carries over.
  if (existing && trustedIdp(existing) !== trustedIdp(fields)) await forgetIdpTrust(tenantId);
  return { ok: true };
}

async function metadataFrom(
  input: SamlConnectionInput,
): Promise<{ ok: true; body: string; field: string } | { ok: false; field: string; message: string }> {
  if (input.metadataXml.trim()) return { ok: true, body: input.metadataXml, field: 'metadataXml' };
  if (!input.metadataUrl) {
    return { ok: false, field: 'metadataXml', message: 'Paste the IdP metadata XML or give its URL.' };
  }
  const checked = checkIdentityProviderUrl(input.metadataUrl, 'The metadata URL');
  if (!checked.ok) return { ok: false, field: 'metadataUrl', message: checked.message };
  const fetched = await fetchIdentityProviderDocument(checked.url, 'application/samlmetadata+xml, application/xml');
  if (!fetched.ok) return { ok: false, field: 'metadataUrl', message: fetched.message };
  return { ok: true, body: fetched.body, field: 'metadataUrl' };
}
