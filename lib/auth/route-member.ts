// tenantAction's checks for a route handler (a streamed upload cannot be a server action, which
// buffers its body): the Host's workspace matching the route, the same Origin for a write, a live
// session on this host, a membership read on this request, the two-factor policy and the
// permission. Refusals are plain responses, so nothing of the body is read before them.
import 'server-only';
import { headers } from 'next/headers';
import { isSameOrigin } from '../actions/same-origin';
import { NOT_A_MEMBER_REFUSAL, ROLE_REFUSAL, TWO_FACTOR_REFUSAL } from '../actions/tenant-action';
import { SIGNED_OUT_REFUSAL } from '../actions/user-action';
import { type TenantDb, tenantDb } from '../db/tenant-db';
import { env } from '../env';
import type { Role } from '../generated/prisma/enums';
import { normalizeHost } from '../hosts/classify-host';
import type { Workspace } from '../workspaces/current-workspace';
import { hostWorkspace } from '../workspaces/host-workspace';
import { currentSession } from './current-session';
import { findMembership } from './membership';
import { canOnHost, type Permission } from './permissions';
import { sessionMeetsWorkspacePolicy } from './second-factor/two-factor-policy';
import { isCustomDomainSession, type SessionUser } from './session-store';

export type RouteMember = {
  workspace: Workspace;
  user: SessionUser;
  role: Role;
  onCustomDomain: boolean;
  db: TenantDb;
};

export type RouteMemberResult = { ok: true; member: RouteMember } | { ok: false; response: Response };

const refuse = (status: number, error: string): RouteMemberResult => ({
  ok: false,
  response: Response.json({ error }, { status }),
});

/** routeSlug: the workspace of the route (app/t/[tenant]/…), which must be the Host's; routes
 *  outside app/t serve whichever workspace the Host does. */
export async function routeMember(
  permission: Permission,
  options: { write: boolean; routeSlug?: string },
): Promise<RouteMemberResult> {
  const workspace = await hostWorkspace();
  if (!workspace || (options.routeSlug !== undefined && workspace.slug !== options.routeSlug)) {
    return refuse(404, 'Not found.');
  }
  const requestHeaders = await headers();
  const host = normalizeHost(requestHeaders.get('host'));
  // Subdomains are same-site with each other: only the exact Origin proves the page was ours.
  if (options.write && (!host || !isSameOrigin(requestHeaders.get('origin'), host))) {
    return refuse(403, 'This request was sent from another site, so it was refused.');
  }
  const session = await currentSession();
  if (!session) return refuse(401, SIGNED_OUT_REFUSAL);
  const membership = await findMembership(workspace.id, session.user.id);
  if (!membership) return refuse(403, NOT_A_MEMBER_REFUSAL);
  if (!(await sessionMeetsWorkspacePolicy(workspace.id, session))) return refuse(403, TWO_FACTOR_REFUSAL);
  const onCustomDomain = isCustomDomainSession(session, env().ROOT_DOMAIN);
  if (!canOnHost(membership.role, permission, onCustomDomain)) return refuse(403, ROLE_REFUSAL);
  return {
    ok: true,
    member: { workspace, user: session.user, role: membership.role, onCustomDomain, db: tenantDb(workspace.id) },
  };
}
