// An owner disconnects the IdP. What it vouched for goes with it (forgetIdpTrust): the sessions it
// opened and its subjects' links. SSO can no longer be required without a connection.
import 'server-only';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import { tenantDb } from '../db/tenant-db';
import { forgetIdpTrust } from './forget-idp-trust';

export async function removeSsoConnection(tenantId: string, actor: AuditActor): Promise<boolean> {
  const removed = await tenantDb(tenantId).$transaction(async (tx) => {
    const { count } = await tx.ssoConnection.deleteMany({});
    if (count) await recordAuditEvent(tx, { actor, action: 'sso.connection.removed' });
    return count > 0;
  });
  if (removed) await forgetIdpTrust(tenantId);
  return removed;
}
