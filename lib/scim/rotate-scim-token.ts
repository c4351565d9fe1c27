// Rotation: every live token of the workspace is revoked and one new token made, in one
// transaction, so the IdP's old token stops working the moment the new one exists.
import 'server-only';
import type { AuditActor } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import { insertScimToken } from './create-scim-token';

export function rotateScimToken(
  db: TenantDb,
  tenantId: string,
  actor: AuditActor,
): Promise<{ id: string; token: string }> {
  return db.$transaction(async (tx) => {
    await tx.scimToken.updateMany({ where: { revokedAt: null }, data: { revokedAt: new Date() } });
    return insertScimToken(tx, tenantId, actor, 'scim.token.rotated');
  });
}
