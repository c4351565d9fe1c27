// The local driver's download: a signed link, checked on the workspace's own host. The key is
// rebuilt from the Host's workspace and the path's file id, so the signature binds all three:
// A's link on B's host, an expired link or a changed file id is refused, the same way each time.
import 'server-only';
import { tenantDb } from '../db/tenant-db';
import type { Workspace } from '../workspaces/current-workspace';
import { contentDisposition } from './content-disposition';
import type { FileStorage } from './file-storage';
import { verifyDownload } from './signed-download';
import { isFileId, storageKey } from './storage-key';

const REFUSED = () => new Response('This link is invalid or has expired.', { status: 403 });

export async function signedDownloadResponse(
  workspace: Workspace,
  fileId: string,
  params: URLSearchParams,
  storage: FileStorage,
  secret: string,
): Promise<Response> {
  if (storage.driver !== 'local-disk' || !isFileId(fileId)) return REFUSED();
  const key = storageKey(workspace.id, fileId);
  const signed = { expires: params.get('expires'), signature: params.get('signature') };
  if (!verifyDownload(secret, workspace.id, key, signed)) return REFUSED();
  const file = await tenantDb(workspace.id).storedFile.findFirst({
    where: { id: fileId, status: 'stored' },
    select: { name: true, contentType: true, size: true },
  });
  const body = file && (await storage.get(key));
  if (!file || !body) return new Response('This file no longer exists.', { status: 404 });
  return new Response(body, {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.size),
      'content-disposition': contentDisposition(file.name, file.contentType),
      // The bytes are the tenant's, not ours: never sniffed into HTML, never run as a page.
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=60',
      'referrer-policy': 'no-referrer',
    },
  });
}
