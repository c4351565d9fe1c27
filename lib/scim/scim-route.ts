// The frame of every SCIM route handler: the Host's workspace must be the route's, the bearer
// token must be that workspace's (else 401, nothing read), and expected refusals become SCIM
// errors. An unexpected error is logged and answered without its message.
import 'server-only';
import { originForHost } from '../auth/app-url';
import { type TenantDb, tenantDb } from '../db/tenant-db';
import { normalizeHost } from '../hosts/classify-host';
import type { Workspace } from '../workspaces/current-workspace';
import { hostWorkspace } from '../workspaces/host-workspace';
import { authenticateScimRequest } from './authenticate-scim-request';
import { ScimFailure } from './scim-failure';
import { scimError } from './scim-response';

export type ScimRequest<P> = { request: Request; workspace: Workspace; db: TenantDb; baseUrl: string; params: P };

export function scimRoute<P extends { tenant: string }>(handler: (scim: ScimRequest<P>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const params = await context.params;
    const workspace = await hostWorkspace();
    const host = normalizeHost(request.headers.get('host'));
    if (!workspace || !host || workspace.slug !== params.tenant) return scimError(404, 'Not found.');
    if (!(await authenticateScimRequest(request, workspace))) {
      return scimError(401, 'A valid SCIM bearer token for this workspace is required.');
    }
    try {
      const baseUrl = `${originForHost(host)}/api/scim/v2`;
      return await handler({ request, workspace, db: tenantDb(workspace.id), baseUrl, params });
    } catch (error) {
      if (error instanceof ScimFailure) return scimError(error.status, error.message, error.scimType);
      console.error('SCIM request failed', error);
      return scimError(500, 'The request could not be processed.');
    }
  };
}
