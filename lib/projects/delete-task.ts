// Deletes a task with its attachments (their rows cascade; their objects go after the commit),
// audited in the same transaction. Only admins may (lib/auth/permissions.ts: tasks.delete).
import 'server-only';
import { type AuditActor, recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import type { FileStorage } from '../files/file-storage';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';
import { attachmentKeys, removeObjects } from './attachment-keys';
import { type ChangeResult, TASK_NOT_FOUND } from './change-result';
import { TaskId } from './task-fields';

export async function deleteTask(
  db: TenantDb,
  storage: FileStorage,
  tenantId: string,
  actor: AuditActor,
  input: { taskId: string },
): Promise<ChangeResult> {
  const id = TaskId.safeParse(input.taskId);
  if (!id.success) return { ok: false, error: TASK_NOT_FOUND };
  const result = await db.$transaction(async (tx): Promise<ChangeResult<{ name: string; keys: string[] }>> => {
    const task = await tx.task.findFirst({ where: { id: id.data }, select: { title: true, projectId: true } });
    if (!task) return { ok: false, error: TASK_NOT_FOUND };
    const keys = await attachmentKeys(tx, { taskId: id.data });
    await tx.task.delete({ where: { id: id.data } });
    await recordAuditEvent(tx, {
      actor,
      action: 'task.deleted',
      target: task.title,
      details: { taskId: id.data, projectId: task.projectId },
    });
    return { ok: true, name: task.title, keys };
  });
  if (!result.ok) return result;
  await forgetWorkspaceCounts(tenantId);
  await removeObjects(storage, result.keys);
  return { ok: true, name: result.name };
}
