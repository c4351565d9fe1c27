// Deleting a project and its tasks (the foreign key cascades), audited in the same transaction.
// False when the workspace has no such project (another workspace's id included).
import 'server-only';
import { type AuditEntry, recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';

export async function deleteProject(
  db: TenantDb,
  tenantId: string,
  actor: AuditEntry['actor'],
  projectId: string,
): Promise<boolean> {
  const deleted = await db.$transaction(async (tx) => {
    const project = await tx.project.findFirst({ where: { id: projectId }, select: { name: true } });
    if (!project) return false;
    await tx.project.delete({ where: { id: projectId } });
    await recordAuditEvent(tx, { actor, action: 'project.deleted', target: project.name });
    return true;
  });
  if (deleted) await forgetWorkspaceCounts(tenantId);
  return deleted;
}
