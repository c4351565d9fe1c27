// A server action inside a workspace: the workspace comes from the Host (never from the client),
// the member's role from the database on this very request, and the permission from the one table
// (lib/auth/permissions.ts), after the workspace's two-factor policy. The handler gets the tenant's
// database client. A workspace over its plan's requests per minute gets a form error instead
// (docs/decisions/022): proxy.ts counted this call but could not answer it with form state.
//
//   export const inviteMember = tenantAction(Invite, 'members.invite', async (input, { db, user }) => …);
import 'server-only';
import type { z } from 'zod';
import { findMembership } from '../auth/membership';
import { canOnHost, type Permission } from '../auth/permissions';
import { sessionMeetsWorkspacePolicy } from '../auth/second-factor/two-factor-policy';
import { type TenantDb, tenantDb } from '../db/tenant-db';
import type { Role } from '../generated/prisma/enums';
import { defaultTenantRequestLimit } from '../rate-limit/tenant-request-limit';
import { tenantRequestRefusalMessage } from '../rate-limit/tenant-request-refusal-message';
import type { Workspace } from '../workspaces/current-workspace';
import { hostWorkspace } from '../workspaces/host-workspace';
import { type ActionState, failure } from './action-state';
import type { FormAction } from './public-action';
import { type UserContext, userAction } from './user-action';

export type TenantContext = UserContext & { workspace: Workspace; role: Role; membershipId: string; db: TenantDb };

export const NOT_A_MEMBER_REFUSAL = 'You are not a member of this workspace.';
export const ROLE_REFUSAL = 'Your role in this workspace does not allow this.';
export const TWO_FACTOR_REFUSAL =
  'This workspace requires two-factor authentication. Set it up on your account page, then sign in with it.';

export function tenantAction<Schema extends z.ZodType>(
  schema: Schema,
  permission: Permission,
  handler: (input: z.output<Schema>, context: TenantContext) => Promise<ActionState>,
): FormAction {
  return userAction(schema, async (input, context) => {
    const workspace = await hostWorkspace();
    if (!workspace) return failure(NOT_A_MEMBER_REFUSAL);
    const load = await defaultTenantRequestLimit().check(workspace.id);
    if (load.limited) return failure(tenantRequestRefusalMessage(load.retryAfterSeconds));
    const membership = await findMembership(workspace.id, context.user.id);
    if (!membership) return failure(NOT_A_MEMBER_REFUSAL);
    if (!(await sessionMeetsWorkspacePolicy(workspace.id, context.session))) return failure(TWO_FACTOR_REFUSAL);
    if (!canOnHost(membership.role, permission, context.onCustomDomain)) return failure(ROLE_REFUSAL);
    return handler(input, {
      ...context,
      workspace,
      role: membership.role,
      membershipId: membership.id,
      db: tenantDb(workspace.id),
    });
  });
}
