// Removing a file: its row first (in one transaction with the audit line, which frees its bytes
// from the quota at once), its object after. A failure between the two leaves an orphan object,
// never a row pointing at nothing.
import 'server-only';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { TenantDb } from '../db/tenant-db';
import type { FilePurpose } from './file-purposes';
import type { FileStorage } from './file-storage';
import { isFileId } from './storage-key';

export type DeleteFileResult = { ok: true; name: string } | { ok: false; error: string };

export async function deleteFile(
  db: TenantDb,
  storage: FileStorage,
  actor: { id: string; email: string },
  target: { fileId: string; purpose: FilePurpose; mayDeleteOthers: boolean },
): Promise<DeleteFileResult> {
  if (!isFileId(target.fileId)) return { ok: false, error: 'That file no longer exists.' };
  const deleted = await db.$transaction(async (tx): Promise<DeleteFileResult & { key?: string }> => {
    const file = await tx.storedFile.findFirst({
      where: { id: target.fileId, purpose: target.purpose, status: 'stored' },
      select: { key: true, name: true, createdBy: true },
    });
    if (!file) return { ok: false, error: 'That file no longer exists.' };
    if (file.createdBy !== actor.id && !target.mayDeleteOthers) {
      return { ok: false, error: 'Only its uploader or an admin can remove this file.' };
    }
    await tx.storedFile.delete({ where: { id: target.fileId } });
    await recordAuditEvent(tx, {
      actor,
      action: target.purpose === 'logo' ? 'workspace.logo_removed' : 'file.removed',
      target: file.name,
    });
    return { ok: true, name: file.name, key: file.key };
  });
  if (deleted.ok && deleted.key) await storage.delete(deleted.key).catch(() => {});
  return deleted.ok ? { ok: true, name: deleted.name } : deleted;
}
