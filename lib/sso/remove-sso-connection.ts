// An owner disconnects the IdP. Sessions it opened end with it: they were vouched for by a
// connection the workspace no longer trusts. SSO can no longer be required without a connection.
import 'server-only';
import { recordAuditEvent } from '../audit/record-audit-event';
import { globalDb } from '../db/global-db';
import { tenantDb } from '../db/tenant-db';
import { ssoProviderId } from './oidc-sign-in-provider';
import { samlProviderId } from './saml/saml-endpoints';
import type { SsoActor } from './sso-actor';

export async function removeSsoConnection(tenantId: string, actor: SsoActor): Promise<boolean> {
  const removed = await tenantDb(tenantId).$transaction(async (tx) => {
    const { count } = await tx.ssoConnection.deleteMany({});
    if (count) await recordAuditEvent(tx, { actor, action: 'sso.connection.removed' });
    return count > 0;
  });
  if (removed) await globalDb().session.deleteMany({ where: { ssoTenantId: tenantId } });
  // Its subjects' links go too: a later connection (another IdP) starts from verified emails again.
  if (removed) {
    const slug = (await globalDb().tenant.findFirst({ where: { id: tenantId }, select: { slug: true } }))?.slug;
    if (slug)
      await globalDb().account.deleteMany({ where: { provider: { in: [ssoProviderId(slug), samlProviderId(slug)] } } });
  }
  return removed;
}
