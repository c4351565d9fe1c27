// PUT, PATCH and DELETE of a SCIM user all end here with the state the IdP wants. An update that
// names new addresses (or reactivates) must stay within the workspace's verified domains, and never
// moves the record onto another account. Deactivation removes the membership and ends the sessions
// that were this workspace's alone (lib/auth/end-workspace-sessions.ts), never the person's others;
// the row stays, inactive, so the IdP can reactivate the same resource.
import 'server-only';
import { endWorkspaceSessionsOf } from '../auth/end-workspace-sessions';
import type { TenantDb } from '../db/tenant-db';
import { isUniqueViolation } from '../db/unique-violation';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';
import { assertScimUpdate } from './assert-scim-speaks-for';
import { USER_NAME_TAKEN } from './create-scim-user';
import { isScimId } from './is-scim-id';
import { recordScimAuditEvent } from './record-scim-audit-event';
import { ScimFailure } from './scim-failure';
import { SCIM_USER_FIELDS, type ScimUserRow } from './scim-user-resource';
import { syncMembership } from './sync-membership';
import type { ScimUserState } from './user-patch';

export const SCIM_USER_NOT_FOUND = 'No such user in this workspace.';

export async function findScimUserOrFail(db: Pick<TenantDb, 'scimUser'>, id: string): Promise<ScimUserRow> {
  const row = isScimId(id) ? await db.scimUser.findFirst({ where: { id }, select: SCIM_USER_FIELDS }) : null;
  if (!row) throw new ScimFailure(404, SCIM_USER_NOT_FOUND, 'noTarget');
  return row;
}

export async function updateScimUser(
  db: TenantDb,
  tenant: { id: string; slug: string },
  id: string,
  next: (current: ScimUserState) => ScimUserState,
): Promise<ScimUserRow> {
  try {
    const { row, deactivated, membership } = await db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text AS id FROM scim_users WHERE id = ${isScimId(id) ? id : null}::uuid FOR UPDATE`;
      if (!locked) throw new ScimFailure(404, SCIM_USER_NOT_FOUND, 'noTarget');
      const found = await findScimUserOrFail(tx, id);
      const current = { ...found, email: found.user.email };
      const wanted = next(current);
      await assertScimUpdate(tx, current, wanted);
      const row = await tx.scimUser.update({
        where: { id },
        data: {
          userName: wanted.userName,
          externalId: wanted.externalId,
          displayName: wanted.displayName,
          active: wanted.active,
        },
        select: SCIM_USER_FIELDS,
      });
      const membership = await syncMembership(tx, tenant.id, { ...row, userId: row.user.id, email: row.user.email });
      const action =
        current.active === row.active
          ? 'scim.user.updated'
          : row.active
            ? 'scim.user.reactivated'
            : 'scim.user.deactivated';
      await recordScimAuditEvent(tx, { action, target: row.user.email, details: { scimUserId: id, membership } });
      return { row, deactivated: current.active && !row.active, membership };
    });
    if (membership === 'added' || membership === 'removed') await forgetWorkspaceCounts(tenant.id);
    if (deactivated) await endWorkspaceSessionsOf(row.user.id, tenant);
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ScimFailure(409, USER_NAME_TAKEN, 'uniqueness');
    throw error;
  }
}
