// Rotation: every live token of the workspace is revoked and one new token made, in one
// transaction, so the IdP's old token stops working the moment the new one exists.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';
import { insertScimToken, type ScimActor } from './create-scim-token';

export function rotateScimToken(
  db: TenantDb,
  tenantId: string,
  actor: ScimActor,
): Promise<{ id: string; token: string }> {
  return db.$transaction(async (tx) => {
    await tx.scimToken.updateMany({ where: { revokedAt: null }, data: { revokedAt: new Date() } });
    return insertScimToken(tx, tenantId, actor, 'scim.token.rotated');
  });
}
