// The storage keys of the attachments a delete is about to cascade away: read inside the deleting
// transaction, removed from storage after it commits (as lib/files/delete-file.ts does), so a
// failure between the two leaves an orphan object, never a row pointing at nothing.
import 'server-only';
import type { TenantTransaction } from '../db/tenant-db';
import type { FileStorage } from '../files/file-storage';

export async function attachmentKeys(
  tx: Pick<TenantTransaction, 'storedFile'>,
  where: { taskId: string } | { projectId: string },
): Promise<string[]> {
  const files = await tx.storedFile.findMany({
    where: 'taskId' in where ? { taskId: where.taskId } : { task: { projectId: where.projectId } },
    select: { key: true },
  });
  return files.map((file) => file.key);
}

export async function removeObjects(storage: FileStorage, keys: string[]): Promise<void> {
  await Promise.all(keys.map((key) => storage.delete(key).catch(() => {})));
}
