// Revoking a key: from the next request on it is refused (keys are looked up on every request,
// never cached: lib/api-keys/find-api-key.ts). The row stays, for the list and the audit log.
import 'server-only';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';

/** False when the workspace has no live key with this id (another workspace's id included). */
export function revokeApiKey(db: TenantDb, actor: AuditActor, keyId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id: keyId, revokedAt: null },
      select: { name: true, prefix: true },
    });
    if (!key) return false;
    await tx.apiKey.update({ where: { id: keyId }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      actor,
      action: 'api_key.revoked',
      target: key.name,
      details: { keyId, prefix: key.prefix },
    });
    return true;
  });
}
