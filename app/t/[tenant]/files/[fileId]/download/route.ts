// The local driver's signed downloads (lib/files/signed-download-response.ts). With S3 configured,
// links go to S3 and this route refuses everything.

import { signedDownloadResponse } from '@/lib/files/signed-download-response';
import { fileSigningSecret, fileStorage } from '@/lib/files/storage-from-env';
import { hostWorkspace } from '@/lib/workspaces/host-workspace';

type Context = { params: Promise<{ tenant: string; fileId: string }> };

export async function GET(request: Request, { params }: Context) {
  const { tenant, fileId } = await params;
  const workspace = await hostWorkspace();
  if (!workspace || workspace.slug !== tenant) return new Response('Not found.', { status: 404 });
  return signedDownloadResponse(
    workspace,
    fileId,
    new URL(request.url).searchParams,
    fileStorage(),
    fileSigningSecret(),
  );
}
