// A new SCIM bearer token for the workspace. The plaintext is returned once, to be shown once;
// only its hash is stored.
import 'server-only';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import { hashToken } from '../auth/random-token';
import type { TenantDb, TenantTransaction } from '../db/tenant-db';
import { newScimToken } from './scim-token-format';

export function createScimToken(
  db: TenantDb,
  tenantId: string,
  actor: AuditActor,
): Promise<{ id: string; token: string }> {
  return db.$transaction((tx) => insertScimToken(tx, tenantId, actor, 'scim.token.created'));
}

export async function insertScimToken(
  tx: TenantTransaction,
  tenantId: string,
  actor: AuditActor,
  action: string,
): Promise<{ id: string; token: string }> {
  const token = newScimToken(tenantId);
  const row = await tx.scimToken.create({
    data: { tokenHash: hashToken(token), createdById: actor.id },
    select: { id: true },
  });
  await recordAuditEvent(tx, { actor, action, details: { tokenId: row.id } });
  return { id: row.id, token };
}
