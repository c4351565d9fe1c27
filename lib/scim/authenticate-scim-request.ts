// Who may call a workspace's SCIM API: a bearer token that names the Host's workspace and whose
// hash is a live token of that workspace. The token's workspace is compared with the Host's before
// any lookup, so another workspace's token is refused without reading anything of either.
import 'server-only';
import { hashToken } from '../auth/random-token';
import { tenantDb } from '../db/tenant-db';
import type { Workspace } from '../workspaces/current-workspace';
import { tenantIdOfScimToken } from './scim-token-format';

export async function authenticateScimRequest(request: Request, workspace: Workspace): Promise<boolean> {
  const token = /^Bearer (\S{1,200})$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!token || tenantIdOfScimToken(token) !== workspace.id) return false;
  const touched = await tenantDb(workspace.id).scimToken.updateMany({
    where: { tokenHash: hashToken(token), revokedAt: null },
    data: { lastUsedAt: new Date() },
  });
  return touched.count === 1;
}
