// Changing a task's title or done state, audited in the same transaction. Null when the workspace
// has no such task (another workspace's id included).
import 'server-only';
import { type AuditEntry, recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';
import { TASK_COLUMNS, type TaskRow } from './create-task';

export async function updateTask(
  db: TenantDb,
  tenantId: string,
  actor: AuditEntry['actor'],
  taskId: string,
  change: { title?: string; done?: boolean },
): Promise<TaskRow | null> {
  const updated = await db.$transaction(async (tx) => {
    const found = await tx.task.findFirst({ where: { id: taskId }, select: { id: true } });
    if (!found) return null;
    const row = await tx.task.update({ where: { id: taskId }, data: change, select: TASK_COLUMNS });
    const action = change.done === true ? 'task.completed' : 'task.updated';
    await recordAuditEvent(tx, { actor, action, target: row.title, details: { taskId } });
    return row;
  });
  if (updated && change.done !== undefined) await forgetWorkspaceCounts(tenantId);
  return updated;
}
