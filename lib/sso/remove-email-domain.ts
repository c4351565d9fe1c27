// An owner drops an email domain: its users are no longer routed to this workspace's IdP, SSO is no
// longer required of them, and the sessions the IdP opened for them end.
import 'server-only';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import { tenantDb } from '../db/tenant-db';
import { endIdpSessionsForDomain } from './end-domain-sessions';

export async function removeEmailDomain(tenantId: string, actor: AuditActor, claimId: string): Promise<boolean> {
  const removed = await tenantDb(tenantId).$transaction(async (tx) => {
    const claim = await tx.ssoEmailDomain.findFirst({ where: { id: claimId }, select: { domain: true } });
    if (!claim) return null;
    await tx.ssoEmailDomain.deleteMany({ where: { id: claimId } });
    await recordAuditEvent(tx, { actor, action: 'sso.email_domain.removed', target: claim.domain });
    return claim.domain;
  });
  if (removed) await endIdpSessionsForDomain(tenantId, removed);
  return removed !== null;
}
