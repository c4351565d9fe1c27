// The stored attachments of one page of tasks, by task id (one query for the page).
import 'server-only';
import { tenantDb } from '../db/tenant-db';

export type AttachmentListing = { id: string; name: string; size: number; createdBy: string | null };

export async function listTaskAttachments(
  tenantId: string,
  taskIds: string[],
): Promise<Map<string, AttachmentListing[]>> {
  const byTask = new Map<string, AttachmentListing[]>();
  if (taskIds.length === 0) return byTask;
  const files = await tenantDb(tenantId).storedFile.findMany({
    where: { taskId: { in: taskIds }, status: 'stored' },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, size: true, createdBy: true, taskId: true },
  });
  for (const { taskId, ...file } of files) {
    if (!taskId) continue;
    byTask.set(taskId, [...(byTask.get(taskId) ?? []), file]);
  }
  return byTask;
}
