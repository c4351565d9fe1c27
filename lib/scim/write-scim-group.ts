// POST, PUT, PATCH and DELETE of a SCIM group. Members must be SCIM users of this workspace; the
// roles of everyone who joined or left are derived again in the same transaction (which can add or
// remove memberships, so the workspace's cached counts are forgotten once it commits).
import 'server-only';
import type { TenantDb, TenantTransaction } from '../db/tenant-db';
import { isUniqueViolation } from '../db/unique-violation';
import { forgetWorkspaceCounts } from '../workspaces/workspace-counts';
import type { ScimGroupState } from './group-patch';
import { isScimId } from './is-scim-id';
import { recordScimAuditEvent } from './record-scim-audit-event';
import { resyncScimUsers } from './resync-scim-users';
import { ScimFailure } from './scim-failure';
import { SCIM_GROUP_FIELDS, type ScimGroupRow } from './scim-group-resource';

export const GROUP_NAME_TAKEN = 'A group with this displayName already exists in this workspace.';
export const SCIM_GROUP_NOT_FOUND = 'No such group in this workspace.';

type Tx = TenantTransaction;

export function createScimGroup(db: TenantDb, tenantId: string, wanted: ScimGroupState): Promise<ScimGroupRow> {
  return uniquely(tenantId, () =>
    db.$transaction(async (tx) => {
      await assertScimUsers(tx, wanted.memberIds);
      const group = await tx.scimGroup.create({
        data: { displayName: wanted.displayName, externalId: wanted.externalId },
        select: { id: true },
      });
      return finish(tx, tenantId, group.id, [], wanted, 'scim.group.created');
    }),
  );
}

export function updateScimGroup(
  db: TenantDb,
  tenantId: string,
  id: string,
  next: (current: ScimGroupState) => ScimGroupState,
): Promise<ScimGroupRow> {
  return uniquely(tenantId, () =>
    db.$transaction(async (tx) => {
      const current = await lockGroup(tx, id);
      const wanted = next(current);
      await assertScimUsers(tx, wanted.memberIds);
      await tx.scimGroup.update({
        where: { id },
        data: { displayName: wanted.displayName, externalId: wanted.externalId },
      });
      return finish(tx, tenantId, id, current.memberIds, wanted, 'scim.group.updated');
    }),
  );
}

export async function deleteScimGroup(db: TenantDb, tenantId: string, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await lockGroup(tx, id);
    await tx.scimGroup.delete({ where: { id } });
    await resyncScimUsers(tx, tenantId, current.memberIds);
    await recordScimAuditEvent(tx, {
      action: 'scim.group.deleted',
      target: current.displayName,
      details: { groupId: id },
    });
  });
  await forgetWorkspaceCounts(tenantId);
}

/** The group with its members, locked until the transaction ends; 404 when not in this workspace. */
export async function lockGroup(tx: Tx, id: string): Promise<ScimGroupState> {
  const [row] = isScimId(id)
    ? await tx.$queryRaw<{ display_name: string; external_id: string | null }[]>`
        SELECT display_name, external_id FROM scim_groups WHERE id = ${id}::uuid FOR UPDATE`
    : [];
  if (!row) throw new ScimFailure(404, SCIM_GROUP_NOT_FOUND, 'noTarget');
  const members = await tx.scimGroupMember.findMany({ where: { groupId: id }, select: { scimUserId: true } });
  return { displayName: row.display_name, externalId: row.external_id, memberIds: members.map((m) => m.scimUserId) };
}

async function finish(tx: Tx, tenantId: string, id: string, before: string[], wanted: ScimGroupState, action: string) {
  const added = wanted.memberIds.filter((member) => !before.includes(member));
  const removed = before.filter((member) => !wanted.memberIds.includes(member));
  if (removed.length > 0) await tx.scimGroupMember.deleteMany({ where: { groupId: id, scimUserId: { in: removed } } });
  if (added.length > 0) {
    await tx.scimGroupMember.createMany({ data: added.map((scimUserId) => ({ groupId: id, scimUserId })) });
  }
  await resyncScimUsers(tx, tenantId, [...added, ...removed]);
  await recordScimAuditEvent(tx, {
    action,
    target: wanted.displayName,
    details: { groupId: id, membersAdded: added.length, membersRemoved: removed.length },
  });
  return tx.scimGroup.findFirstOrThrow({ where: { id }, select: SCIM_GROUP_FIELDS });
}

async function assertScimUsers(tx: Tx, ids: string[]): Promise<void> {
  const valid = ids.filter(isScimId);
  const found = valid.length === 0 ? 0 : await tx.scimUser.count({ where: { id: { in: valid } } });
  if (found !== ids.length) throw new ScimFailure(400, 'A member is not a user of this workspace.', 'invalidValue');
}

/** Runs a group's transaction: a taken name is a 409; once it commits, the counts are forgotten. */
async function uniquely<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    await forgetWorkspaceCounts(tenantId);
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ScimFailure(409, GROUP_NAME_TAKEN, 'uniqueness');
    throw error;
  }
}
