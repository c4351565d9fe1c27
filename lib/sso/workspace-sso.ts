// A workspace's SSO connection, looked up by slug for the sign-in routes (which run on the root
// site, where no Host names the workspace). Null until the workspace has verified an email domain:
// before that its IdP could sign nobody in, and offering it would only make our sign-in page a
// springboard to whatever URL an owner typed. Secrets stay sealed here: only the OIDC provider
// builder opens the client secret, at the moment next-auth needs it.
import 'server-only';
import { globalDb } from '../db/global-db';
import { tenantDb } from '../db/tenant-db';

export async function workspaceSso(slug: string) {
  const tenant = await globalDb().tenant.findFirst({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!tenant) return null;
  const connection = await tenantDb(tenant.id).ssoConnection.findFirst({
    select: {
      protocol: true,
      oidcIssuer: true,
      oidcClientId: true,
      oidcClientSecretEncrypted: true,
      oidcAuthorizationEndpoint: true,
      oidcTokenEndpoint: true,
      oidcUserinfoEndpoint: true,
      oidcJwksUri: true,
      samlIdpEntityId: true,
      samlIdpSsoUrl: true,
      samlIdpCertificates: true,
    },
  });
  if (!connection) return null;
  const verified = await tenantDb(tenant.id).ssoEmailDomain.findFirst({
    where: { verifiedAt: { not: null } },
    select: { id: true },
  });
  return verified ? { tenant, connection } : null;
}
