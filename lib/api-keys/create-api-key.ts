// A new API key for the workspace, audited in the same transaction. The secret is returned once,
// to be shown once; only its hash is stored.
import 'server-only';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import { hashToken } from '../auth/random-token';
import type { TenantDb } from '../db/tenant-db';
import type { ApiKeyScope } from './api-key-scopes';
import { newApiKeySecret, shownPrefix } from './api-key-secret';

export type NewApiKey = { name: string; scopes: readonly ApiKeyScope[]; expiresAt: Date | null };

export function createApiKey(
  db: TenantDb,
  actor: AuditActor,
  key: NewApiKey,
): Promise<{ id: string; prefix: string; secret: string }> {
  const secret = newApiKeySecret();
  const prefix = shownPrefix(secret);
  return db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: {
        name: key.name,
        prefix,
        keyHash: hashToken(secret),
        scopes: [...key.scopes],
        expiresAt: key.expiresAt,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: 'api_key.created',
      target: key.name,
      details: { keyId: row.id, prefix, scopes: key.scopes.join(' ') },
    });
    return { id: row.id, prefix, secret };
  });
}
