// What pages link to: a member of the Host's workspace is sent on (303) to a fresh, 60-second
// link to the file; anyone else gets nothing, and another workspace's file id reads as unknown.
import { routeMember } from '@/lib/auth/route-member';
import { fileLink } from '@/lib/files/file-link';
import { fileStorage } from '@/lib/files/storage-from-env';

type Context = { params: Promise<{ tenant: string; fileId: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { tenant, fileId } = await params;
  const access = await routeMember('workspace.read', { write: false, routeSlug: tenant });
  if (!access.ok) return access.response;
  const { db, workspace } = access.member;
  const link = await fileLink(db, fileStorage(), workspace.id, fileId);
  if (!link) return new Response('This file no longer exists.', { status: 404 });
  return new Response(null, { status: 303, headers: { location: link, 'cache-control': 'no-store' } });
}
