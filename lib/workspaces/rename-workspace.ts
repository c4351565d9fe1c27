// Renames the workspace of the tenant client (its name only: the address is its slug, which this
// never touches), with its audit line in the same transaction. The column grant and the own-row
// policy (migration 20261208060000) hold it to this tenant's row even if the code were wrong.
import 'server-only';
import { z } from 'zod';
import type { AuditActor } from '../audit/record-audit-event';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import { NewWorkspaceInput } from './new-workspace-input';

export const RenameWorkspaceInput = z.object({ name: NewWorkspaceInput.shape.workspaceName });

export type RenameWorkspaceResult = { ok: true; name: string; changed: boolean };

export async function renameWorkspace(
  db: TenantDb,
  actor: AuditActor,
  workspace: { id: string; name: string },
  name: string,
): Promise<RenameWorkspaceResult> {
  if (name === workspace.name) return { ok: true, name, changed: false };
  return db.$transaction(async (tx) => {
    await tx.tenant.update({ where: { id: workspace.id }, data: { name }, select: { id: true } });
    await recordAuditEvent(tx, {
      actor,
      action: 'workspace.renamed',
      details: { from: workspace.name, to: name },
    });
    return { ok: true, name, changed: true } as const;
  });
}
