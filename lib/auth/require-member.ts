// The check every workspace page makes for itself (a layout check alone is not enough, and
// proxy.ts is never the check): the Host's workspace, a live session on this host, a membership read
// on this request, the workspace's two-factor policy, and, when given, a permission from the one
// table. Not signed in → sign-in; not a member → /no-access; no second factor where one is required
// → the root site's page that says so; a role without the permission → 404, with no hint the page exists.
import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { type TenantDb, tenantDb } from '../db/tenant-db';
import { env } from '../env';
import type { Role } from '../generated/prisma/enums';
import { normalizeHost } from '../hosts/classify-host';
import { currentWorkspace, type Workspace } from '../workspaces/current-workspace';
import { currentSession } from './current-session';
import { findMembership } from './membership';
import { canOnHost, type Permission } from './permissions';
import { sessionMeetsWorkspacePolicy, twoFactorRequiredUrl } from './second-factor/two-factor-policy';
import { isCustomDomainSession, type SessionUser } from './session-store';
import { signInUrlFor } from './sign-in-url';

export type Member = {
  workspace: Workspace;
  user: SessionUser;
  role: Role;
  membershipId: string;
  /** Administration is refused on custom domains (canOnHost): pages hide those controls too. */
  onCustomDomain: boolean;
  db: TenantDb;
};

export async function requireMember(
  routeSlug: string,
  options: { path: string; permission?: Permission },
): Promise<Member> {
  const workspace = await currentWorkspace(routeSlug);
  const session = await currentSession();
  if (!session) {
    const host = normalizeHost((await headers()).get('host'));
    redirect(host ? signInUrlFor(host, options.path) : '/');
  }
  const membership = await findMembership(workspace.id, session.user.id);
  if (!membership) redirect('/no-access');
  if (!(await sessionMeetsWorkspacePolicy(workspace.id, session))) redirect(twoFactorRequiredUrl(workspace.slug));
  const onCustomDomain = isCustomDomainSession(session, env().ROOT_DOMAIN);
  if (options.permission && !canOnHost(membership.role, options.permission, onCustomDomain)) notFound();
  return {
    workspace,
    user: session.user,
    role: membership.role,
    membershipId: membership.id,
    onCustomDomain,
    db: tenantDb(workspace.id),
  };
}
