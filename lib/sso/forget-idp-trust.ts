// What a workspace's IdP vouched for, forgotten when that IdP stops being the one trusted (removed,
// or replaced by another issuer or entity id): the sessions it opened end, and the links from its
// subjects to our users go, since a subject means something only within the IdP that issued it.
// The next IdP starts again from verified email addresses.
import 'server-only';
import { authDb } from '../db/auth-db';
import { globalDb } from '../db/global-db';
import { ssoProviderId } from './oidc-sign-in-provider';
import { samlProviderId } from './saml/saml-endpoints';

export async function forgetIdpTrust(tenantId: string): Promise<void> {
  await authDb().session.deleteMany({ where: { ssoTenantId: tenantId } });
  const slug = (await globalDb().tenant.findFirst({ where: { id: tenantId }, select: { slug: true } }))?.slug;
  if (!slug) return;
  await authDb().account.deleteMany({ where: { provider: { in: [ssoProviderId(slug), samlProviderId(slug)] } } });
}

/** The IdP a stored connection trusts: its protocol and issuer (OIDC) or entity id (SAML). */
export function trustedIdp(connection: {
  protocol: string;
  oidcIssuer: string | null;
  samlIdpEntityId: string | null;
}) {
  return `${connection.protocol}:${connection.protocol === 'oidc' ? connection.oidcIssuer : connection.samlIdpEntityId}`;
}
