// One line of a workspace's audit log. Call it with the transaction that makes the change, so the
// change and its record commit (or roll back) together. tenant_id comes from the tenant client.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';

type Transaction = Pick<TenantDb, 'auditEvent'>;

/** Whoever changes something audited, named in the log: a signed-in person, or a workspace API key
 *  (id null, email `api-key:<key id>`), so the services take the same actor from a form or the API. */
export type AuditActor = { id: string | null; email: string };

export type AuditEntry = {
  /** Who did it; id null for a non-user actor such as 'scim' (the identity provider). */
  actor: { id: string | null; email: string } | null;
  action: string;
  target?: string;
  details?: Record<string, string | number | boolean | null>;
};

export async function recordAuditEvent(tx: Transaction, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      target: entry.target ?? null,
      details: entry.details ?? undefined,
    },
  });
}
