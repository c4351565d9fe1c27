// An owner drops an email domain: its users are no longer routed to this workspace's IdP, and SSO
// is no longer required of them.
import 'server-only';
import { recordAuditEvent } from '../audit/record-audit-event';
import { tenantDb } from '../db/tenant-db';
import type { SsoActor } from './sso-actor';

export async function removeEmailDomain(tenantId: string, actor: SsoActor, claimId: string): Promise<boolean> {
  return tenantDb(tenantId).$transaction(async (tx) => {
    const claim = await tx.ssoEmailDomain.findFirst({ where: { id: claimId }, select: { domain: true } });
    if (!claim) return false;
    await tx.ssoEmailDomain.deleteMany({ where: { id: claimId } });
    await recordAuditEvent(tx, { actor, action: 'sso.email_domain.removed', target: claim.domain });
    return true;
  });
}
