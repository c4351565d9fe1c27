// A short-lived link to one of the workspace's files, for a member the caller has checked. The
// link itself is the only credential a download needs, so it lives 60 seconds: pages link to
// /files/{id} (app/t/[tenant]/files/[fileId]/route.ts), which checks membership and then sends
// the browser on with a fresh link.
import 'server-only';
import type { TenantDb } from '../db/tenant-db';
import type { FileStorage } from './file-storage';
import { isFileId } from './storage-key';

export const LINK_SECONDS = 60;

export async function fileLink(
  db: TenantDb,
  storage: FileStorage,
  tenantId: string,
  fileId: string,
): Promise<string | null> {
  if (!isFileId(fileId)) return null;
  const file = await db.storedFile.findFirst({
    where: { id: fileId, status: 'stored' },
    select: { key: true, name: true, contentType: true },
  });
  if (!file) return null;
  return storage.downloadUrl({ tenantId, ...file }, { expiresInSeconds: LINK_SECONDS });
}
