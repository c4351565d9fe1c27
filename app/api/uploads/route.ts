// Uploads, streamed: the body is the file itself (not a form), so it is read chunk by chunk
// through a byte counter and never buffered whole. ?purpose=task-attachment&taskId=… or
// ?purpose=logo; the X-File-Name header (URL-encoded) is the display name, nothing more.
//
// This path is left out of proxy.ts's matcher: Next.js buffers the body of every POST the proxy
// sees (up to proxyClientMaxBodySize, truncating beyond it), which would hold each upload in
// memory before we could count a byte. So there is no rewrite to /t/{slug}: the workspace is the
// one the Host serves (as every route derives it anyway), and no workspace means 404. For the same
// reason the workspace's request limit (docs/decisions/022) is applied here, not by the proxy.
import { NextRequest } from 'next/server';
import { z } from 'zod';
import { routeMember } from '@/lib/auth/route-member';
import { fileStorage } from '@/lib/files/storage-from-env';
import { uploadFile } from '@/lib/files/upload-file';
import { tooManyRequestsResponse } from '@/lib/rate-limit/too-many-requests-response';
import { countWorkspaceRequest } from '@/lib/rate-limit/workspace-request-limit';
import { hostWorkspace } from '@/lib/workspaces/host-workspace';

const Target = z.discriminatedUnion('purpose', [
  z.object({ purpose: z.literal('task-attachment'), taskId: z.uuid() }),
  z.object({ purpose: z.literal('logo') }),
]);

export async function POST(request: Request) {
  const url = new URL(request.url);
  const target = Target.safeParse(Object.fromEntries(url.searchParams));
  if (!target.success) return Response.json({ error: 'Say what the file is for.' }, { status: 400 });
  // Counted before anything else, refused or not, as the proxy counts every other request.
  const hostsWorkspace = await hostWorkspace();
  if (hostsWorkspace) {
    const verdict = await countWorkspaceRequest(new NextRequest(url, { headers: request.headers }), hostsWorkspace.id);
    if (verdict.limited) return tooManyRequestsResponse(url.pathname, verdict.retryAfterSeconds);
  }
  const permission = target.data.purpose === 'logo' ? 'workspace.brand' : 'files.attach';
  const access = await routeMember(permission, { write: true });
  if (!access.ok) return access.response;
  if (!request.body) return Response.json({ error: 'Choose a file.' }, { status: 400 });

  const { db, workspace, user } = access.member;
  const declared = request.headers.get('content-length');
  const result = await uploadFile(
    db,
    fileStorage(),
    { tenantId: workspace.id, actor: user },
    {
      purpose: target.data.purpose,
      taskId: target.data.purpose === 'task-attachment' ? target.data.taskId : null,
      clientName: decodedName(request.headers.get('x-file-name')),
      declaredBytes: declared && /^\d+$/.test(declared) ? Number(declared) : null,
      body: request.body,
    },
  );
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status });
  return Response.json({ id: result.fileId, name: result.name, size: result.size }, { status: 201 });
}

function decodedName(header: string | null): string | null {
  if (!header) return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}
