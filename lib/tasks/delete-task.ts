// Deleting a task, audited in the same transaction. False when the workspace has no such task
// (another workspace's id included).
import 'server-only';
import { type AuditEntry, recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';

export async function deleteTask(
  db: TenantDb,
  tenantId: string,
  actor: AuditEntry['actor'],
  taskId: string,
): Promise<boolean> {
  const deleted = await db.$transaction(async (tx) => {
    const task = await tx.task.findFirst({ where: { id: taskId }, select: { title: true } });
    if (!task) return false;
    await tx.task.delete({ where: { id: taskId } });
    await recordAuditEvent(tx, { actor, action: 'task.deleted', target: task.title, details: { taskId } });
    return true;
  });
  if (deleted) await forgetWorkspaceCounts(tenantId);
  return deleted;
}
