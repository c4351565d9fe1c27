// An audit line for a change the identity provider made: no member acted, so the actor is recorded
// as 'scim'. Written with the change's own transaction (record-audit-event.ts explains why).
import 'server-only';
import { type AuditEntry, recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';

export const SCIM_ACTOR_EMAIL = 'scim';

export function recordScimAuditEvent(
  tx: Pick<TenantDb, 'auditEvent'>,
  entry: Omit<AuditEntry, 'actor'> & { target: string },
): Promise<void> {
  return recordAuditEvent(tx, { ...entry, actor: { id: null, email: SCIM_ACTOR_EMAIL } });
}
