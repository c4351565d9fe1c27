// An owner connects (or reconnects) the workspace to an OpenID Connect provider. The issuer's
// discovery document is checked first; the client secret is encrypted before it is stored and is
// never read back to a page. An empty secret on a later save keeps the stored one.
import 'server-only';
import { z } from 'zod';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import { tenantDb } from '../db/tenant-db';
import { checkOidcDiscovery } from './check-oidc-discovery';
import { forgetIdpTrust, trustedIdp } from './forget-idp-trust';
import { encryptSecret } from './secret-box';

export const OidcConnectionInput = z.object({
  issuer: z.string().trim().min(1, 'Enter the issuer URL.').max(500),
  clientId: z.string().trim().min(1, 'Enter the client id.').max(500),
  clientSecret: z.string().max(2000),
});
export type OidcConnectionInput = z.infer<typeof OidcConnectionInput>;

export type SaveResult = { ok: true } | { ok: false; field?: string; message: string };

export async function saveOidcConnection(
  tenantId: string,
  actor: AuditActor,
  input: OidcConnectionInput,
): Promise<SaveResult> {
  const db = tenantDb(tenantId);
  const existing = await db.ssoConnection.findFirst({
    select: { protocol: true, oidcIssuer: true, samlIdpEntityId: true, oidcClientSecretEncrypted: true },
  });
  const keptSecret = existing?.protocol === 'oidc' ? existing.oidcClientSecretEncrypted : null;
  if (!input.clientSecret && !keptSecret) {
    return { ok: false, field: 'clientSecret', message: 'Enter the client secret.' };
  }
  const discovery = await checkOidcDiscovery(input.issuer);
  if (!discovery.ok) return { ok: false, field: 'issuer', message: discovery.message };

  const fields = {
    protocol: 'oidc' as const,
    oidcIssuer: discovery.issuer,
    oidcClientId: input.clientId,
    oidcClientSecretEncrypted: input.clientSecret ? encryptSecret(input.clientSecret, tenantId) : keptSecret,
    oidcAuthorizationEndpoint: discovery.endpoints.authorization,
    oidcTokenEndpoint: discovery.endpoints.token,
    oidcUserinfoEndpoint: discovery.endpoints.userinfo,
    oidcJwksUri: discovery.endpoints.jwks,
    samlIdpEntityId: null,
    samlIdpSsoUrl: null,
    samlIdpCertificates: [],
    samlMetadataUrl: null,
  };
  await db.$transaction(async (tx) => {
    await tx.ssoConnection.upsert({ where: { tenantId }, create: fields, update: fields });
    await recordAuditEvent(tx, {
      actor,
      action: 'sso.connection.saved',
      target: discovery.issuer,
      details: { protocol: 'oidc', clientId: input.clientId, secretChanged: Boolean(input.clientSecret) },
    });
  });
  // Another IdP now: nothing the previous one vouched for carries over.
  if (existing && trustedIdp(existing) !== trustedIdp(fields)) await forgetIdpTrust(tenantId);
  return { ok: true };
}
